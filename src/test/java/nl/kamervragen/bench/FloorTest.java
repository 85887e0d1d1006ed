package nl.kamervragen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import nl.kamervragen.generate.SyntheticArchive;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's floor is only a yardstick if it does the pipeline's whole job: it must write the
 * pipeline's tables, whether its staged rows stay in memory or go through its spill files.
 */
class FloorTest {

  private static final int SYNTHETIC = 150;

  @TempDir static Path work;

  private static Path input;
  private static Path pipeline;

  @BeforeAll
  static void runThePipeline() throws Exception {
    input = work.resolve("archive");
    TestArchive.write(input); // rejects, a duplicate, encodings and gzip
    for (int i = 0; i < SYNTHETIC; i++) {
      SyntheticArchive.Document document = SyntheticArchive.document(5, i);
      Path file = input.resolve("synthetic").resolve(document.relativePath());
      Files.createDirectories(file.getParent());
      Files.writeString(file, document.text(), StandardCharsets.UTF_8);
    }
    pipeline = work.resolve("pipeline");
    MainRun run = MainRun.of("--input=" + input, "--output=" + pipeline, "--referenceDate=2026-01-01", "--maxRejectedShare=1");
    assertEquals(0, run.exitCode(), run::printed);
  }

  @Test
  void rowsKeptInMemoryGiveThePipelinesTables() throws Exception {
    Path output = work.resolve("in-memory");
    Floor.Result result = floor(output, new Floor.SpillPolicy(Long.MAX_VALUE, 1));
    assertEquals(0, result.spilledBytes());
    TableFiles.assertSameTables(pipeline, output);
  }

  @Test
  void rowsSpilledToDiskGiveThePipelinesTablesAndTheSpillFilesAreRemoved() throws Exception {
    Path output = work.resolve("spilled");
    // No memory to spare and small chunks: a bucket spills each time its buffer holds 2 KB; the rest stays in memory.
    Floor.Result result = floor(output, new Floor.SpillPolicy(0, 2048));
    assertTrue(result.spilledBytes() > 100_000, "spilled " + result.spilledBytes() + " bytes");
    TableFiles.assertSameTables(pipeline, output);
    assertTrue(Files.notExists(output.resolve(".spill")));
    long documents = TableFiles.csv(pipeline, Tables.DOCUMENTS).records().size();
    assertTrue(documents > SYNTHETIC, "documents: " + documents);
    assertEquals(documents, result.rows().get(Tables.DOCUMENTS.name()));
  }

  private static Floor.Result floor(Path output, Floor.SpillPolicy policy) throws Exception {
    return Floor.run(new Floor.Settings(input.toString(), output, LocalDate.parse("2026-01-01"), 4L << 20, 2), policy);
  }
}
