package nl.kamervragen.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.kamervragen.core.SummaryMeasures;
import nl.kamervragen.core.TestParsedDocuments;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Duplicates, overdue rows, staged parts and statistics of hand-checked sets. */
@ExtendWith(TestPipelineExtension.class)
class StageDocumentsTest {

  @TempDir Path output;


  @Test
  void stagesTheKeptCopiesAndSaysWhyTheOthersWereSetAside(TestPipeline pipeline) throws java.io.IOException {
    PCollectionTuple staged =
        pipeline
            .apply(Create.of(encoded(TestParsedDocuments.copiesOfTheSeed())).withCoder(EncodedDocuments.CODER))
            .apply(new StageDocuments(TestStaging.in(output)));

    PAssert.that(staged.get(StageDocuments.DUPLICATES))
        .containsInAnyOrder(
            duplicate("a/cut.txt", "the kept copy is complete, this one is cut off (the contents differ)", true),
            duplicate("c/full-again.txt", "identical content; kept the first file name in sort order", false));
    // Only the open set is overdue: due 2020-08-17, 1,963 days before the reference date 2026-01-01.
    PAssert.that(staged.get(TableTags.of(Tables.OVERDUE)))
        .containsInAnyOrder(
            Tables.OVERDUE.row()
                .addValues("2020Z14341", "Rituele slacht en het Offerfeest", LocalDate.of(2020, 7, 27), 21, LocalDate.of(2020, 8, 17),
                    1963, 1984, 0, null, "Farid Azarkan", "DENK", "criminaliteit; dieren; landbouw; openbare orde en veiligheid",
                    "https://zoek.officielebekendmakingen.nl/kv-tk-2020Z14341.html", "dev-corpus/2020Z14341.txt")
                .build());
    // Three buckets (2011Z18, 2020Z14, 2023Z00): one documents part each with the kept copy only.
    PAssert.that(
            staged.get(StageDocuments.PARTS)
                .apply("Documents parts", MapElements.into(TypeDescriptors.strings())
                    .via(kv -> kv.getKey() + " " + kv.getValue().getString("bucket") + " " + kv.getValue().getInt64("rows"))))
        .satisfies(parts -> {
          List<String> documents = new java.util.ArrayList<>();
          parts.forEach(p -> {
            if (p.startsWith("documents ")) {
              documents.add(p);
            }
          });
          java.util.Collections.sort(documents);
          assertEquals(List.of("documents 2011Z18 1", "documents 2020Z14 1", "documents 2023Z00 1"), documents);
          return null;
        });
    PAssert.that(
            staged.get(StageDocuments.STATISTICS)
                .apply("Merged", new ComputeStatistics(TestParsedDocuments.REFERENCE_DATE))
                .get(ComputeStatistics.TOTALS)
                .apply("Documents", Filter.by(kv -> kv.getKey().equals(SummaryMeasures.DOCUMENTS))))
        .containsInAnyOrder(List.of(KV.of(SummaryMeasures.DOCUMENTS, 3L)));
    // Every document received is counted, duplicates included (however the runner bundles the buckets).
    PAssert.that(
            staged.get(StageDocuments.PARSED_COUNTS)
                .apply("Parsed", Sum.longsPerKey()))
        .containsInAnyOrder(List.of(KV.of(SummaryMeasures.DOCUMENTS_PARSED, 5L)));
    pipeline.run();
  }

  private static List<KV<String, byte[]>> encoded(List<Row> documents) throws java.io.IOException {
    List<KV<String, byte[]>> encoded = new java.util.ArrayList<>();
    EncodedDocuments encoding = new EncodedDocuments();
    for (Row document : documents) {
      encoded.add(encoding.keyed(document));
    }
    return encoded;
  }

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
