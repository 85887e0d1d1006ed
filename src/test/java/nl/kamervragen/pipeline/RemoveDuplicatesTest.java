package nl.kamervragen.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.core.SummaryMeasures;
import nl.kamervragen.core.TestParsedDocuments;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Duplicates, the copies set aside, staged runs and statistics of hand-checked sets. */
@ExtendWith(TestPipelineExtension.class)
class RemoveDuplicatesTest {

  @TempDir Path statisticsStaging;

  @Test
  void keepsOneCopyAndSaysWhyTheOthersWereSetAside(TestPipeline pipeline) throws java.io.IOException {
    PCollectionTuple staged = keptCopiesOfTheSeed(pipeline, true);

    PAssert.that(staged.get(RemoveDuplicates.DUPLICATES))
        .containsInAnyOrder(
            duplicate("a/cut.txt", "the kept copy is complete, this one is cut off (the contents differ)", true),
            duplicate("c/full-again.txt", "identical content; kept the first file name in sort order", false));
    // The rows of the copies set aside are left out by their staged names; the staged runs pass through.
    PAssert.that(staged.get(RemoveDuplicates.SET_ASIDE)).containsInAnyOrder(stagedAs("a/cut.txt"), stagedAs("c/full-again.txt"));
    PAssert.that(staged.get(RemoveDuplicates.PARTS)).containsInAnyOrder(RUN);
    PAssert.that(
            staged.get(RemoveDuplicates.STATISTICS)
                .apply("Merged", new ComputeStatistics(TestParsedDocuments.REFERENCE_DATE, pipeline.apply("No keys",
                    Create.of(PersonKeys.of(java.util.Map.of())).withCoder(PersonKeysCoder.of())).apply(View.asSingleton()),
                    TestStaging.in(statisticsStaging)))
                .get(ComputeStatistics.TOTALS)
                .apply("Documents", Filter.by(kv -> kv.getKey().equals(SummaryMeasures.DOCUMENTS))))
        .containsInAnyOrder(List.of(KV.of(SummaryMeasures.DOCUMENTS, 3L)));
    // Every document received is counted, duplicates included, and the reject, the copies set aside
    // and the one whose content differs (however the runner bundles the buckets).
    PAssert.that(
            staged.get(RemoveDuplicates.MEASURES)
                .apply("Measures", Sum.longsPerKey()))
        .containsInAnyOrder(List.of(KV.of(SummaryMeasures.DOCUMENTS_PARSED, 5L), KV.of(SummaryMeasures.REJECTED, 1L),
            KV.of(SummaryMeasures.DUPLICATES, 2L), KV.of(SummaryMeasures.CONFLICTS, 1L)));
    // The kept copies' facts, for comparing with a previous run, each in its bucket.
    PAssert.that(staged.get(RemoveDuplicates.FACTS).apply("Fact ids", MapElements.into(TypeDescriptors.strings())
            .via(facts -> facts.getKey() + " " + facts.getValue().id() + " " + facts.getValue().status())))
        .containsInAnyOrder("2011Z18 2011Z18417 answered", "2020Z14 2020Z14341 open", "2023Z00 2023Z00461 answered");
    // Every reject passes through; the names of every copy are counted.
    PAssert.that(staged.get(RemoveDuplicates.REJECTS)).containsInAnyOrder(EMPTY_FILE);
    PAssert.that(staged.get(RemoveDuplicates.NAMES)
            .apply("Names", MapElements.into(TypeDescriptors.strings()).via(part -> String.join(", ", NameCensusCoder.fromBytes(part).names().keySet()))))
        .satisfies(parts -> {
          String all = String.join(", ", parts);
          assertTrue(all.contains("Farid Azarkan"), all);
          return null;
        });
    pipeline.run();
  }

  @Test
  void aFirstRunGetsNoFacts(TestPipeline pipeline) throws java.io.IOException {
    PCollectionTuple staged = keptCopiesOfTheSeed(pipeline, false);
    assertFalse(staged.has(RemoveDuplicates.FACTS));
    PAssert.that(staged.get(RemoveDuplicates.DUPLICATES).apply("Count", Count.globally()))
        .containsInAnyOrder(2L);
    pipeline.run();
  }

  private static PCollectionTuple keptCopiesOfTheSeed(TestPipeline pipeline, boolean withFacts) throws java.io.IOException {
    return pipeline
        .apply(Create.of(encoded(TestParsedDocuments.copiesOfTheSeed())).withCoder(EncodedDocuments.CODER))
        .apply(new RemoveDuplicates(withFacts));
  }

  /**
   * The entries of the copies of the seed, of one file that was rejected, and a staged run's part,
   * as two chunks of the listing would give them: a batch of two copies of the seed and one with the
   * reject from the first, a batch with the third copy (the same bucket again) and one for each
   * other set from the second.
   */
  private static List<KV<String, byte[]>> encoded(List<Row> documents) throws java.io.IOException {
    List<KV<String, byte[]>> encoded = new java.util.ArrayList<>();
    EncodedDocuments encoding = new EncodedDocuments();
    for (int i = 0; i < documents.size(); i++) {
      Row document = documents.get(i);
      encoding.add(TestEntries.parsed(document), ParsedDocument.stats(document), stagedAs(ParsedDocument.sourceFile(document)));
      if (i == 1) {
        encoding.add(TestEntries.rejected(EMPTY_FILE), null, null);
        encoded.addAll(encoding.batches());
      }
    }
    encoded.addAll(encoding.batches());
    encoded.add(EncodedDocuments.keyedRun(RUN));
    return encoded;
  }

  /** A name a copy's rows could be staged under, unique per file. */
  private static String stagedAs(String file) {
    return DocumentRuns.copyName("run-" + file.replace('/', '_'), 0);
  }

  private static final KV<String, Row> RUN =
      KV.of("documents", Row.withSchema(PartFiles.PART).addValues("2011Z18", "/staging/.parts/documents/r.run", 3L, "r").build());

  private static final Row EMPTY_FILE = Tables.REJECTS.row()
      .withFieldValue("source_file", "broken/empty.txt").withFieldValue("stage", "read").withFieldValue("reason", "the file is empty").build();

  private static Row duplicate(String file, String reason, boolean conflict) {
    return Tables.DUPLICATES.row()
        .withFieldValue("id", "2011Z18417")
        .withFieldValue("kept_file", "b/full.txt")
        .withFieldValue("duplicate_file", file)
        .withFieldValue("reason", reason)
        .withFieldValue("conflict", conflict)
        .build();
  }
}
