package nl.kamervragen.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.kamervragen.core.RunChanges;
import nl.kamervragen.parse.TestDocuments;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestPipelineExtension;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class CompareWithPreviousRunTest {

  @TempDir Path work;

  private static PCollection<KV<String, RunChanges.Facts>> current(TestPipeline pipeline, List<RunChanges.Facts> facts) {
    return pipeline.apply(Create.of(facts.stream().map(f -> KV.of(RunChanges.bucketOf(f.id()), f)).toList())
        .withCoder(KvCoder.of(StringUtf8Coder.of(), FactsCoder.of())));
  }

  @Test
  void aFirstRunHasNoChanges(TestPipeline pipeline) {
    PAssert.that(CompareWithPreviousRun.firstRun(pipeline)).empty();
    pipeline.run();
  }

  @Test
  void theDocumentsOfThePreviousRunAreReadBackAndComparedPerBucket(TestPipeline pipeline) throws IOException {
    Path archive = work.resolve("archive");
    Files.createDirectories(archive);
    Files.writeString(archive.resolve("seed.txt"), TestDocuments.text("seed.txt"), StandardCharsets.UTF_8);
    Files.writeString(archive.resolve("open.txt"), TestDocuments.text("dev-corpus/2020Z14341.txt"), StandardCharsets.UTF_8);
    Path previous = work.resolve("previous");
    MainRun run = MainRun.of("--input=" + archive, "--output=" + previous, "--referenceDate=2020-08-01");
    assertEquals(0, run.exitCode(), run.printed());
    Map<String, String> hashes = TableFiles.parquet(previous, Tables.DOCUMENTS).stream()
        .collect(Collectors.toMap(r -> r.getString("id"), r -> r.getString("content_sha256")));

    PCollection<Row> changes = current(pipeline, List.of(
            new RunChanges.Facts("2011Z18417", "answered", false, 0, hashes.get("2011Z18417")),
            new RunChanges.Facts("2020Z14341", "answered", false, 0, hashes.get("2020Z14341")),
            new RunChanges.Facts("2020Z14999", "open", false, 0, "new")))
        .apply(new CompareWithPreviousRun(new RunConfig.PreviousRun(previous.resolve("documents.parquet").toString(), "run-1")));
    PAssert.that(changes).containsInAnyOrder(
        Tables.CHANGES.rowOf("id", "2020Z14341", "change", RunChanges.ANSWERED, "previous_status", "open", "status", "answered",
            "previous_run_id", "run-1"),
        Tables.CHANGES.rowOf("id", "2020Z14999", "change", RunChanges.NEW, "previous_status", null, "status", "open",
            "previous_run_id", "run-1"));
    pipeline.run();
  }
}
