package nl.kamervragen.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import nl.kamervragen.core.InputFingerprint;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.core.TestParsedDocuments;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestPipelineExtension;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class WriteTablesTest {

  @TempDir Path output;

  @Test
  void writesOneSortedCsvAndParquetFilePerTableAndEmptyTablesToo(TestPipeline pipeline) throws IOException {
    List<Row> sorted = new ArrayList<>();
    for (String id : List.of("2011Z18417", "2011Z18999", "2019Z00001", "2019Z10944", "2024Z00002")) {
      for (int seq = 1; seq <= 12; seq++) {
        sorted.add(
            Tables.QUESTIONS.row()
                .withFieldValue("id", id)
                .withFieldValue("seq", seq)
                .withFieldValue("number", seq)
                .withFieldValue("question", "Vraag, met \"quotes\"\nen een tweede regel? " + seq)
                .withFieldValue("answer", seq % 3 == 0 ? null : "=SUM(A1) antwoord " + seq)
                .withFieldValue("answered", seq % 3 != 0)
                .withFieldValue("refers_to_question", null)
                .build());
      }
    }
    List<Row> shuffled = new ArrayList<>(sorted);
    Collections.shuffle(shuffled, new Random(7));
    Row postponement = postponement("2019Z00001");

    PCollection<Row> questions = pipeline.apply("Questions", Create.of(shuffled).withRowSchema(Tables.QUESTIONS.beamSchema()));
    PCollection<Row> postponements = pipeline.apply("Postponements", Create.of(postponement).withRowSchema(Tables.POSTPONEMENTS.beamSchema()));
    PCollection<Row> rejects = pipeline.apply("Rejects", Create.empty(RowCoder.of(Tables.REJECTS.beamSchema())));
    PCollection<Row> written =
        PCollectionTuple.of(TableTags.of(Tables.QUESTIONS), questions)
            .and(TableTags.of(Tables.POSTPONEMENTS), postponements)
            .and(TableTags.of(Tables.REJECTS), rejects)
            .apply(new WriteTables(TestStaging.in(output), List.of(Tables.QUESTIONS, Tables.POSTPONEMENTS, Tables.REJECTS), List.of()))
            .apply(Flatten.pCollections());
    PAssert.that(written)
        .containsInAnyOrder(
            written("questions", 60), written("postponements", 1), written("rejects", 0));
    pipeline.run();

    TableFiles.Csv csv = TableFiles.csv(output, Tables.QUESTIONS);
    assertEquals(List.of("id", "seq", "number", "question", "answer", "answered", "refers_to_question"), csv.header());
    assertEquals(60, csv.records().size());
    for (int i = 0; i < sorted.size(); i++) {
      assertEquals(sorted.get(i).getString("id"), csv.records().get(i).get("id"));
      assertEquals(String.valueOf(sorted.get(i).getInt32("seq")), csv.records().get(i).get("seq"));
      assertEquals(sorted.get(i).getString("question"), csv.records().get(i).get("question"), "quotes and newlines survive");
    }
    assertEquals("", csv.records().get(2).get("answer"), "missing is empty");
    assertEquals("'=SUM(A1) antwoord 1", csv.records().get(0).get("answer"), "formula neutralised in CSV");
    assertEquals("=SUM(A1) antwoord 1", TableFiles.parquet(output, Tables.QUESTIONS).get(0).getString("answer"), "raw in Parquet");
    assertEquals(sorted, TableFiles.parquet(output, Tables.QUESTIONS), "Parquet holds the same rows in the same order");

    assertEquals("2019-03-21", TableFiles.csv(output, Tables.POSTPONEMENTS).records().get(0).get("date"));
    assertEquals(List.of(postponement), TableFiles.parquet(output, Tables.POSTPONEMENTS));
    assertEquals("source_file,stage,line,reason\n", Files.readString(output.resolve("rejects.csv")));
    assertEquals(List.of(), TableFiles.parquet(output, Tables.REJECTS));
    try (Stream<Path> files = Files.list(output)) {
      assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".inprogress")), "no temporary files left");
    }
    try (Stream<Path> parts = Files.walk(output.resolve(WriteTables.PARTS_FOLDER))) {
      assertFalse(parts.filter(Files::isRegularFile).toList().isEmpty(), "staged parts stay for a retried write; the job removes them");
    }
  }

  @Test
  void tablesStagedUpstreamAreWrittenFromTheirPartsInBucketOrder(TestPipeline pipeline) throws IOException {
    Staging staging = TestStaging.in(output);
    Row early = postponement("2019Z00001");
    Row late = postponement("2024Z00002");
    // Parts staged upstream, one per bucket, arriving out of bucket order.
    List<KV<String, Row>> parts = List.of(
        PartFiles.stage(staging, Tables.POSTPONEMENTS, "2024Z00", new ArrayList<>(List.of(Tables.POSTPONEMENTS.toAvro(late)))),
        PartFiles.stage(staging, Tables.POSTPONEMENTS, "2019Z00", new ArrayList<>(List.of(Tables.POSTPONEMENTS.toAvro(early)))));
    Row reject = Tables.REJECTS.row().addValues("a.txt", "read", null, "the file is empty").build();
    PCollection<Row> written =
        PCollectionTuple.of(WriteTables.STAGED_PARTS, pipeline.apply("Parts", Create.of(parts).withCoder(
                KvCoder.of(StringUtf8Coder.of(), RowCoder.of(PartFiles.PART)))))
            .and(TableTags.of(Tables.REJECTS), pipeline.apply("Rejects", Create.of(reject).withRowSchema(Tables.REJECTS.beamSchema())))
            .apply(new WriteTables(staging, List.of(Tables.POSTPONEMENTS, Tables.REJECTS), List.of(Tables.POSTPONEMENTS)))
            .apply(Flatten.pCollections());
    PAssert.that(written).containsInAnyOrder(written("postponements", 2), written("rejects", 1));
    pipeline.run();
    assertEquals(List.of(early, late), TableFiles.parquet(output, Tables.POSTPONEMENTS), "parts in bucket order");
    assertEquals(List.of(early.getString("id"), late.getString("id")),
        TableFiles.csv(output, Tables.POSTPONEMENTS).records().stream().map(r -> r.get("id")).toList());
    assertEquals(List.of(reject), TableFiles.parquet(output, Tables.REJECTS));
  }

  @Test
  void tablesSortedAndStagedUpstreamAreWrittenWithTheRowsOfOtherTables(TestPipeline pipeline) throws IOException {
    // Two statistics tables, each staged whole from rows in no order, as the statistics stage them.
    Staging staging = TestStaging.in(output);
    Row recht = Tables.TOPIC_FREQUENCY.rowOf("topic", "recht", "year", 2014, "question_sets", 1L, "share", 1.0);
    Row rechtAllYears = Tables.TOPIC_FREQUENCY.rowOf("topic", "recht", "year", null, "question_sets", 1L, "share", 0.5);
    Row zorg = Tables.TOPIC_FREQUENCY.rowOf("topic", "zorg", "year", 2020, "question_sets", 1L, "share", 1.0);
    Row pair = Tables.TOPIC_PARTY.rowOf("topic", "zorg", "party", "SP", "question_sets", 1L);
    List<GenericRecord> frequencies = new ArrayList<>();
    for (Row row : List.of(zorg, rechtAllYears, recht)) {
      frequencies.add(Tables.TOPIC_FREQUENCY.toAvro(row));
    }
    List<KV<String, Row>> parts = List.of(
        PartFiles.stageWholeTable(staging, Tables.TOPIC_FREQUENCY, frequencies),
        PartFiles.stageWholeTable(staging, Tables.TOPIC_PARTY, new ArrayList<>(List.of(Tables.TOPIC_PARTY.toAvro(pair)))));
    Row reject = Tables.REJECTS.row().addValues("a.txt", "read", null, "the file is empty").build();
    PCollection<Row> written =
        PCollectionTuple.of(WriteTables.SORTED_PARTS, pipeline.apply("Sorted parts", Create.of(parts).withCoder(
                KvCoder.of(StringUtf8Coder.of(), RowCoder.of(PartFiles.PART)))))
            .and(TableTags.of(Tables.REJECTS), pipeline.apply("Rejects", Create.of(reject).withRowSchema(Tables.REJECTS.beamSchema())))
            .apply(new WriteTables(staging, List.of(Tables.TOPIC_FREQUENCY, Tables.TOPIC_PARTY, Tables.REJECTS), List.of(),
                List.of(Tables.TOPIC_FREQUENCY, Tables.TOPIC_PARTY), null, null))
            .apply(Flatten.pCollections());
    PAssert.that(written).containsInAnyOrder(written("topic_frequency", 3), written("topic_party", 1), written("rejects", 1));
    pipeline.run();
    // By topic, then year, no year first.
    assertEquals(List.of(rechtAllYears, recht, zorg), TableFiles.parquet(output, Tables.TOPIC_FREQUENCY));
    assertEquals(List.of(pair), TableFiles.parquet(output, Tables.TOPIC_PARTY));
    assertEquals(3, TableFiles.csv(output, Tables.TOPIC_FREQUENCY).records().size());
    assertEquals(List.of(reject), TableFiles.parquet(output, Tables.REJECTS));
  }

  @Test
  void runsStagedWhereEntriesWereReadAreMergedWithoutTheCopiesSetAside(TestPipeline pipeline) throws IOException {
    Staging staging = TestStaging.in(output);
    List<Row> copies = TestParsedDocuments.copiesOfTheSeed(); // a/cut.txt, b/full.txt, c/full-again.txt of 2011Z18417; two others
    // Two workers, each reading some of the copies in no order; their runs share a bucket.
    DocumentRuns.Buffer first = new DocumentRuns.Buffer(staging, DocumentRuns.budgetBytes());
    DocumentRuns.Buffer second = new DocumentRuns.Buffer(staging, DocumentRuns.budgetBytes());
    String cut = first.add(TestEntries.parsed(copies.get(0)));
    first.add(TestEntries.parsed(copies.get(4)));
    first.add(TestEntries.parsed(copies.get(1)));
    second.add(TestEntries.parsed(copies.get(3)));
    String again = second.add(TestEntries.parsed(copies.get(2)));
    List<KV<String, Row>> runs = new ArrayList<>(first.flush());
    runs.addAll(second.flush());
    PCollectionView<List<String>> setAside = pipeline.apply("Set aside", Create.of(cut, again)).apply(View.asList());
    PCollectionView<PersonKeys> keys = pipeline
        .apply("Keys", Create.of(PersonKeys.of(Map.of())).withCoder(PersonKeysCoder.of()))
        .apply(View.asSingleton());
    PCollectionTuple.of(WriteTables.STAGED_PARTS, pipeline.apply("Runs", Create.of(runs).withCoder(
                KvCoder.of(StringUtf8Coder.of(), RowCoder.of(PartFiles.PART)))))
        .apply(new WriteTables(staging, DocumentRuns.TABLES, DocumentRuns.TABLES, List.of(), keys, setAside));
    pipeline.run();

    List<Row> kept = List.of(copies.get(1), copies.get(3), copies.get(4)); // in case-number order
    for (var table : DocumentRuns.TABLES) {
      if (table == Tables.INPUT_FILES) {
        continue; // below: every entry's, none set aside
      }
      List<Row> expected = new ArrayList<>();
      kept.forEach(document -> ParsedDocument.forEachTableRow(document, (t, row) -> {
        if (t.equals(table)) {
          expected.add(row);
        }
      }));
      assertEquals(expected, TableFiles.parquet(output, table), table.name());
      assertEquals(expected.size(), TableFiles.csv(output, table).records().size(), table.name());
    }
    assertEquals(List.of("b/full.txt", "dev-corpus/2020Z14341.txt", "dev-corpus/2023Z00461.txt"),
        TableFiles.parquet(output, Tables.DOCUMENTS).stream().map(r -> r.getString("source_file")).toList());
    List<Row> everyEntry = copies.stream().map(copy -> TestEntries.inventory(ParsedDocument.sourceFile(copy)))
        .sorted(Comparator.comparing((Row row) -> row.getString("source_file"))).toList();
    assertEquals(everyEntry, TableFiles.parquet(output, Tables.INPUT_FILES), "input_files keeps the copies set aside");
    assertEquals(5, TableFiles.csv(output, Tables.INPUT_FILES).records().size());
    InputFingerprint.Builder fingerprint = new InputFingerprint.Builder();
    everyEntry.forEach(row -> fingerprint.add(Tables.INPUT_FILES.toAvro(row)));
    try (InputStream written = Files.newInputStream(output.resolve(InputFingerprint.FILE_NAME))) {
      assertEquals(fingerprint.build(), InputFingerprint.readFrom(written), "the fingerprint of the rows written, beside them");
    }
  }

  private static Row postponement(String id) {
    return Tables.POSTPONEMENTS.row()
        .withFieldValue("id", id).withFieldValue("seq", 1)
        .withFieldValue("date", LocalDate.of(2019, 3, 21)).withFieldValue("text", "uitstel").build();
  }

  @Test
  void rowsOfATableWithPersonKeysGetTheArchivesKeysAsTheyAreWritten(TestPipeline pipeline) throws IOException {
    // As parsed, each name is keyed by its own slug; the archive's keys join "Blok" to Stef Blok.
    List<Row> submitters = List.of(
        Tables.SUBMITTERS.rowOf("id", "2019Z14964", "seq", 1, "name", "Blok", "person_key", "blok", "party", null),
        Tables.SUBMITTERS.rowOf("id", "2019Z14965", "seq", 1, "name", "Stef Blok", "person_key", "stef-blok", "party", "VVD"),
        Tables.SUBMITTERS.rowOf("id", "2019Z14965", "seq", 2, "name", "Leers", "person_key", "leers", "party", null));
    PCollectionView<PersonKeys> keys = pipeline
        .apply("Keys", Create.of(PersonKeys.of(Map.of("Blok", "stef-blok"))).withCoder(PersonKeysCoder.of()))
        .apply(View.asSingleton());
    PCollectionTuple.of(TableTags.of(Tables.SUBMITTERS),
            pipeline.apply("Submitters", Create.of(submitters).withRowSchema(Tables.SUBMITTERS.beamSchema())))
        .apply(new WriteTables(TestStaging.in(output), List.of(Tables.SUBMITTERS), List.of(), List.of(), keys, null));
    pipeline.run();
    assertEquals(List.of("2019Z14964 Blok stef-blok", "2019Z14965 Stef Blok stef-blok", "2019Z14965 Leers leers"),
        TableFiles.csv(output, Tables.SUBMITTERS).records().stream()
            .map(r -> r.get("id") + " " + r.get("name") + " " + r.get("person_key")).toList());
    assertEquals(List.of("stef-blok", "stef-blok", "leers"),
        TableFiles.parquet(output, Tables.SUBMITTERS).stream().map(r -> r.getString("person_key")).toList());
  }

  @Test
  void writesNothingIntoAStagingFolderItNoLongerOwns(TestPipeline pipeline) throws IOException {
    Staging staging = TestStaging.in(output.resolve("staging"));
    // Another run has removed the folder, as it does with what a run whose client died left behind.
    Files.delete(output.resolve("staging").resolve(nl.kamervragen.publish.OutputFolder.OWNER_FILE));
    Files.delete(output.resolve("staging"));
    Row reject = Tables.REJECTS.row().addValues("a.txt", "read", null, "the file is empty").build();
    PCollectionTuple.of(TableTags.of(Tables.REJECTS), pipeline.apply(Create.of(reject).withRowSchema(Tables.REJECTS.beamSchema())))
        .apply(new WriteTables(staging, List.of(Tables.REJECTS), List.of()));
    Exception failed = assertThrows(Exception.class, pipeline::run);
    assertTrue(rootMessage(failed).contains("no longer owns its staging folder"), rootMessage(failed));
    assertFalse(Files.exists(output.resolve("staging")), "the folder is not made again");
  }

  @Test
  void writesNothingIntoAStagingFolderAnotherRunOwns(TestPipeline pipeline) throws IOException {
    Staging staging = TestStaging.in(output);
    Files.writeString(output.resolve(nl.kamervragen.publish.OutputFolder.OWNER_FILE), "another-run");
    Row reject = Tables.REJECTS.row().addValues("a.txt", "read", null, "the file is empty").build();
    PCollectionTuple.of(TableTags.of(Tables.REJECTS), pipeline.apply(Create.of(reject).withRowSchema(Tables.REJECTS.beamSchema())))
        .apply(new WriteTables(staging, List.of(Tables.REJECTS), List.of()));
    Exception failed = assertThrows(Exception.class, pipeline::run);
    assertTrue(rootMessage(failed).contains("it belongs to another run"), rootMessage(failed));
    try (Stream<Path> files = Files.walk(output)) {
      assertEquals(List.of(output.resolve(nl.kamervragen.publish.OutputFolder.OWNER_FILE)), files.filter(Files::isRegularFile).toList());
    }
  }

  @Test
  void aTableWithoutAProducerIsAWiringMistakeNotAnEmptyFile(TestPipeline pipeline) throws IOException {
    Staging staging = TestStaging.in(output);
    PCollectionTuple onlyRejects =
        PCollectionTuple.of(TableTags.of(Tables.REJECTS), pipeline.apply(Create.empty(RowCoder.of(Tables.REJECTS.beamSchema()))));
    IllegalArgumentException unwired = assertThrows(IllegalArgumentException.class,
        () -> onlyRejects.apply(new WriteTables(staging, List.of(Tables.REJECTS, Tables.DUPLICATES), List.of())));
    assertEquals("table duplicates has no producer: nothing makes its rows", unwired.getMessage());
    // A table said to come as sorted parts, without them.
    IllegalArgumentException notKeyed = assertThrows(IllegalArgumentException.class,
        () -> onlyRejects.apply(new WriteTables(staging, List.of(Tables.REJECTS, Tables.PERSONS), List.of(), List.of(Tables.PERSONS), null, null)));
    assertEquals("table persons has no producer: nothing makes its rows", notKeyed.getMessage());
    // A table said to be staged upstream that is given rows too.
    PCollectionTuple stagedAndRows = onlyRejects.and(WriteTables.STAGED_PARTS,
        pipeline.apply("No parts", Create.empty(KvCoder.of(StringUtf8Coder.of(), RowCoder.of(PartFiles.PART)))));
    IllegalArgumentException twoWays = assertThrows(IllegalArgumentException.class,
        () -> stagedAndRows.apply(new WriteTables(staging, List.of(Tables.REJECTS), List.of(Tables.REJECTS))));
    assertEquals("table rejects comes as staged parts and as rows: a table's rows come one way", twoWays.getMessage());
    // A table said to come as sorted parts that is given rows too.
    PCollectionTuple sortedAndRows = onlyRejects.and(WriteTables.SORTED_PARTS,
        pipeline.apply("No sorted parts", Create.empty(KvCoder.of(StringUtf8Coder.of(), RowCoder.of(PartFiles.PART)))));
    IllegalArgumentException sortedTwoWays = assertThrows(IllegalArgumentException.class,
        () -> sortedAndRows.apply(new WriteTables(staging, List.of(Tables.REJECTS), List.of(), List.of(Tables.REJECTS), null, null)));
    assertEquals("table rejects comes as sorted parts and as rows: a table's rows come one way", sortedTwoWays.getMessage());
    pipeline.enableAbandonedNodeEnforcement(false);
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return String.valueOf(cause.getMessage());
  }

  private Row written(String table, long rows) {
    return Row.withSchema(WriteTables.WRITTEN)
        .addValues(table, rows, output.resolve(table + ".csv").toString(), output.resolve(table + ".parquet").toString())
        .build();
  }
}
