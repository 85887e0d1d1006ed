package nl.kamervragen.pipeline;

import java.time.LocalDate;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The document-level tables of hand-checked sets: overdue list, paper references, cited sources. */
@ExtendWith(TestPipelineExtension.class)
class ExplodeBundlesTest {

  @Test
  void overdueListReferencesAndSourcesOfHandCheckedSets(TestPipeline pipeline) {
    PCollectionTuple tables =
        pipeline
            .apply(
                Create.of(
                        TestBundles.ofResource("seed.txt"),
                        TestBundles.ofResource("dev-corpus/2015Z22184.txt"),
                        TestBundles.ofResource("dev-corpus/2020Z14341.txt"))
                    .withRowSchema(DocumentBundle.SCHEMA))
            .apply(new ExplodeBundles());

    // Only the open set is overdue: due 2020-08-17, 1,963 days before the reference date 2026-01-01.
    PAssert.that(tables.get(TableTags.of(Tables.OVERDUE)))
        .containsInAnyOrder(
            Tables.OVERDUE.row()
                .addValues("2020Z14341", "Rituele slacht en het Offerfeest", LocalDate.of(2020, 7, 27), 21, LocalDate.of(2020, 8, 17),
                    1963, 1984, 0, null, "Farid Azarkan", "DENK", "criminaliteit; dieren; landbouw; openbare orde en veiligheid",
                    "https://zoek.officielebekendmakingen.nl/kv-tk-2020Z14341.html", "dev-corpus/2020Z14341.txt")
                .build());
    // "(Kamerstuk 33 963 nrs. 5 en 7)" in the answer to question 2: one row per document number.
    PAssert.that(tables.get(TableTags.of(Tables.PAPER_REFERENCES)))
        .containsInAnyOrder(
            Tables.PAPER_REFERENCES.row().addValues("2015Z22184", 1, "answer", 2, "kamerstuk", "33963, nr. 5", "Kamerstuk 33 963 nrs. 5 en 7").build(),
            Tables.PAPER_REFERENCES.row().addValues("2015Z22184", 2, "answer", 2, "kamerstuk", "33963, nr. 7", "Kamerstuk 33 963 nrs. 5 en 7").build());
    PAssert.that(
            tables.get(TableTags.of(Tables.FOOTNOTES))
                .apply("Footnote sources", MapElements.into(TypeDescriptors.strings())
                    .via(r -> r.getString("id") + " " + r.getInt32("number") + " " + r.getString("site") + " " + r.getString("outlet"))))
        .containsInAnyOrder("2011Z18417 1 null Binnenlands Bestuur", "2011Z18417 2 david-kok.nl null");
    PAssert.that(
            tables.get(TableTags.of(Tables.DOCUMENTS))
                .apply("Addressees", MapElements.into(TypeDescriptors.strings()).via(r -> r.getString("id") + ": " + r.getString("addressed_to"))))
        .containsInAnyOrder(
            "2011Z18417: minister van Binnenlandse Zaken en Koninkrijksrelaties",
            "2015Z22184: null",
            "2020Z14341: null");
    pipeline.run();
  }
}
