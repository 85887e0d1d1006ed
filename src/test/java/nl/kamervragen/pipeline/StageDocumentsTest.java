package nl.kamervragen.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.kamervragen.core.SummaryMeasures;
import nl.kamervragen.core.TestParsedDocuments;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.TestPipelineExtension;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Duplicates, overdue rows, staged parts and statistics of hand-checked sets. */
@ExtendWith(TestPipelineExtension.class)
class StageDocumentsTest {

  @TempDir Path output;

  private static PCollectionView<PersonKeys> keys(TestPipeline pipeline, PersonKeys keys) {
    return pipeline.apply("Person keys", Create.of(keys).withCoder(PersonKeysCoder.of())).apply(View.asSingleton());
  }

  @Test
  void stagesTheKeptCopiesAndSaysWhyTheOthersWereSetAside(TestPipeline pipeline) throws java.io.IOException {
    PCollectionTuple staged =
        pipeline
            .apply(Create.of(encoded(TestParsedDocuments.copiesOfTheSeed())).withCoder(EncodedDocuments.CODER))
            .apply(new StageDocuments(TestStaging.in(output), keys(pipeline, PersonKeys.none())));

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

  @Test
  void namesTheArchiveJoinsToAnotherPersonAreReKeyedInTheStagedRowsAndTheStatistics(TestPipeline pipeline) throws java.io.IOException {
    // 2023Z00461 is answered by a surname shown alone; say the archive joins it to a full name.
    String surname = "van der Ch. Wal-Zeggelink";
    PersonKeys joined = PersonKeys.of(Map.of(surname, "christianne-van-der-wal-zeggelink"));
    PCollectionTuple staged =
        pipeline
            .apply(Create.of(encoded(TestParsedDocuments.copiesOfTheSeed())).withCoder(EncodedDocuments.CODER))
            .apply(new StageDocuments(TestStaging.in(output), keys(pipeline, joined)));

    PAssert.that(staged.get(StageDocuments.STATISTICS)
            .apply("Answerers", MapElements.into(TypeDescriptors.strings())
                .via(doc -> doc.answerers().stream().map(m -> m.name() + " = " + m.personKey()).toList().toString())))
        .containsInAnyOrder("[Piet Hein Donner = piet-hein-donner]", "[]", "[" + surname + " = christianne-van-der-wal-zeggelink]");
    PAssert.that(staged.get(StageDocuments.PARTS)
            .apply("Staged person keys", MapElements.into(TypeDescriptors.strings()).via(StageDocumentsTest::personKeysOfPart)))
        .satisfies(parts -> {
          List<String> keys = new java.util.ArrayList<>();
          parts.forEach(p -> {
            if (!p.isEmpty()) {
              keys.add(p);
            }
          });
          java.util.Collections.sort(keys);
          // The seed's submitter is keyed by its own name; the joined answerer by the full name's key.
          assertEquals(List.of("answerers [christianne-van-der-wal-zeggelink]", "answerers [piet-hein-donner]",
              "submitters [arjan-el-fassed]", "submitters [farid-azarkan]", "submitters [wybren-van-haga]"), keys);
          return null;
        });
    pipeline.run();
  }

  /** "table [keys]" for a staged part of a table with person keys, "" for the others. */
  private static String personKeysOfPart(KV<String, Row> part) {
    if (!List.of("submitters", "answerers").contains(part.getKey()) || part.getValue().getString("file") == null) {
      return "";
    }
    List<String> keys = new java.util.ArrayList<>();
    try (DataFileReader<GenericRecord> rows = new DataFileReader<>(new java.io.File(part.getValue().getString("file")), new GenericDatumReader<>())) {
      rows.forEach(row -> keys.add(row.get("person_key").toString()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return part.getKey() + " " + keys;
  }

  private static List<KV<String, byte[]>> encoded(List<Row> documents) {
    List<KV<String, byte[]>> encoded = new java.util.ArrayList<>();
    EncodedDocuments encoding = new EncodedDocuments();
    try {
      for (Row document : documents) {
        encoded.add(encoding.keyed(document));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
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
