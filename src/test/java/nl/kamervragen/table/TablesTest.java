package nl.kamervragen.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class TablesTest {

  @Test
  void dataDictionaryIsUpToDate() throws IOException {
    String committed = Files.readString(DataDictionary.LOCATION, StandardCharsets.UTF_8);
    assertEquals(
        DataDictionary.markdown(),
        committed,
        "docs/tables.md is stale: run mvn -q compile exec:java -Dexec.mainClass=nl.kamervragen.table.DataDictionary");
  }

  @Test
  void tableNamesAreUniqueAndColumnNamesUniquePerTable() {
    Set<String> names = new HashSet<>();
    for (TableDefinition table : Tables.ALL) {
      assertTrue(names.add(table.name()), table.name());
      Set<String> columns = new HashSet<>();
      table.columns().forEach(c -> assertTrue(columns.add(c.name()), table.name() + "." + c.name()));
    }
  }

  @Test
  void everyYearColumnIsAnIntegerThatIsEmptyForAllYears() {
    List<String> yearColumns = new ArrayList<>();
    for (TableDefinition table : Tables.ALL) {
      for (Column column : table.columns()) {
        if (column.name().equals("year")) {
          yearColumns.add(table.name());
          assertEquals(ColumnType.INT, column.type(), table.name() + ".year");
          assertTrue(column.nullable(), table.name() + ".year is empty for all years");
          assertTrue(column.description().contains("empty for all years"), table.name() + ".year says what empty means");
        }
      }
    }
    assertEquals(List.of("response_time", "questions_per_party", "topic_frequency", "reply_time_histogram", "cited_sources", "party_pairs"),
        yearColumns);
  }

  @Test
  void avroSchemasHaveRealTypes() {
    Schema documents = Tables.DOCUMENTS.avroSchema();
    assertEquals(LogicalTypes.date(), documents.getField("submitted").schema().getLogicalType());
    Schema answered = documents.getField("answered").schema();
    assertEquals(Schema.Type.UNION, answered.getType());
    assertEquals(Schema.Type.NULL, answered.getTypes().get(0).getType());
    assertEquals(LogicalTypes.date(), answered.getTypes().get(1).getLogicalType());
    assertEquals(Schema.Type.INT, documents.getField("questions").schema().getType());
    assertEquals(Schema.Type.BOOLEAN, documents.getField("truncated").schema().getType());
    assertEquals(Schema.Type.LONG, Tables.RESPONSE_TIME.avroSchema().getField("documents").schema().getType());
  }

  @Test
  void rowsSurviveTheAvroRoundTripAndSortNullsFirst() {
    Row a = postponement("2019Z00002", 1, null);
    Row b = postponement("2019Z00001", 2, LocalDate.of(2019, 1, 2));
    Row c = postponement("2019Z00001", 1, LocalDate.of(2019, 1, 1));
    assertEquals(b, Tables.POSTPONEMENTS.fromAvro(Tables.POSTPONEMENTS.toAvro(b)));
    List<GenericRecord> records = new ArrayList<>(List.of(Tables.POSTPONEMENTS.toAvro(a), Tables.POSTPONEMENTS.toAvro(b), Tables.POSTPONEMENTS.toAvro(c)));
    records.sort(Tables.POSTPONEMENTS.rowOrder());
    assertEquals(List.of(c, b, a), records.stream().map(Tables.POSTPONEMENTS::fromAvro).toList());
    assertEquals(List.of("2019Z00002", "1", "", "uitstel"), CsvCells.of(Tables.POSTPONEMENTS, Tables.POSTPONEMENTS.toAvro(a)));
    assertEquals("2019-01-02", CsvCells.of(Tables.POSTPONEMENTS, Tables.POSTPONEMENTS.toAvro(b)).get(2));
    assertEquals("0.0001", CsvCells.format(ColumnType.DOUBLE, 0.0001));
    assertEquals("-3", CsvCells.format(ColumnType.INT, -3), "numbers are never neutralised");
    assertEquals("2019Z00", Tables.POSTPONEMENTS.bucketOf(a));
    assertEquals(TableDefinition.SINGLE_BUCKET, Tables.SUMMARY.bucketOf(Tables.SUMMARY.row().withFieldValue("metric", "x").withFieldValue("value", 1L).withFieldValue("description", "d").build()));
  }

  @Test
  void descendingColumnsSortHighFirstAndTextReadBackFromAvroSortsAsJavaStrings() throws IOException {
    List<GenericRecord> overdue = new ArrayList<>();
    for (int days : List.of(5, 400, 31)) {
      overdue.add(Tables.OVERDUE.toAvro(overdue(days)));
    }
    overdue.sort(Tables.OVERDUE.rowOrder());
    assertEquals(List.of(400, 31, 5), overdue.stream().map(r -> (Integer) r.get("overdue_days")).toList());

    // Read back from Avro, text is Utf8, whose own order is by UTF-8 bytes: U+1F600 would sort after
    // U+FF21 there, and before it as a Java string, which is the order the tables are written in.
    Row emoji = postponement("2019Z\uD83D\uDE00", 1, null);
    Row fullwidth = postponement("2019Z\uFF21", 1, null);
    Row nullDate = postponement("2019Z00001", 1, null);
    Row dated = postponement("2019Z00001", 1, LocalDate.of(2019, 1, 1));
    List<GenericRecord> records = new ArrayList<>();
    for (Row row : List.of(fullwidth, dated, emoji, nullDate)) {
      records.add(readBack(Tables.POSTPONEMENTS.toAvro(row)));
    }
    records.add(Tables.POSTPONEMENTS.toAvro(nullDate)); // an equal row with String fields
    records.sort(Tables.POSTPONEMENTS.rowOrder());
    assertEquals(List.of(nullDate, nullDate, dated, emoji, fullwidth), records.stream().map(Tables.POSTPONEMENTS::fromAvro).toList());
  }

  private static GenericRecord readBack(GenericRecord record) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return new GenericDatumReader<GenericRecord>(record.getSchema())
        .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
  }

  @Test
  void overdueBucketsAreBoundedDayBandsInWorstFirstOrder() {
    List<Integer> days = List.of(5, 31, 35, 400, 29, 30);
    List<String> buckets = days.stream().map(d -> Tables.OVERDUE.bucketOf(overdue(d))).toList();
    assertEquals(buckets.get(1), buckets.get(2), "31 and 35 days share the band 30-59");
    assertEquals(buckets.get(1), buckets.get(5));
    assertEquals(buckets.get(0), buckets.get(4), "5 and 29 days share the band 0-29");
    // Buckets are written in string order: the band with the most days first.
    assertTrue(buckets.get(3).compareTo(buckets.get(1)) < 0);
    assertTrue(buckets.get(1).compareTo(buckets.get(0)) < 0);
  }

  private static Row overdue(int days) {
    return Tables.OVERDUE.row()
        .withFieldValue("id", "2019Z00001")
        .withFieldValue("submitted", LocalDate.of(2019, 1, 1))
        .withFieldValue("deadline_days", 21)
        .withFieldValue("deadline", LocalDate.of(2019, 1, 22))
        .withFieldValue("overdue_days", days)
        .withFieldValue("open_days", days + 21)
        .withFieldValue("postponements", 0)
        .withFieldValue("submitters", "")
        .withFieldValue("submitter_parties", "")
        .withFieldValue("topics", "")
        .withFieldValue("source_file", "2019/2019Z00001.txt")
        .build();
  }

  @Test
  void textThatASpreadsheetWouldRunIsNeutralisedInCsvOnly() {
    for (String formula : List.of("=HYPERLINK(\"http://x\")", "+31 6", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
      assertEquals("'" + formula, CsvCells.format(ColumnType.STRING, formula));
    }
    for (String plain : List.of("", "Ja.", "'al", " =x", "2+2")) {
      assertEquals(plain, CsvCells.format(ColumnType.STRING, plain));
    }
  }

  private static Row postponement(String id, int seq, LocalDate date) {
    return Tables.POSTPONEMENTS.row().withFieldValue("id", id).withFieldValue("seq", seq).withFieldValue("date", date).withFieldValue("text", "uitstel").build();
  }
}
