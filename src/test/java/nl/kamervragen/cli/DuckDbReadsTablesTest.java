package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.MainRun;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real consumer reads the Parquet output: DuckDB, through its JDBC driver, sees the declared
 * column types, and its own aggregates over the detail tables give the aggregate tables' numbers.
 */
class DuckDbReadsTablesTest {

  @TempDir static Path work;
  private static Path output;
  private static Connection duckdb;

  @BeforeAll
  static void runOnceAndConnect() throws IOException, SQLException {
    Path input = work.resolve("archive");
    TestArchive.write(input);
    output = work.resolve("out");
    MainRun run = MainRun.of("--input=" + input, "--output=" + output, "--referenceDate=2026-01-01", "--maxRejectedShare=0.2");
    assertEquals(0, run.exitCode(), run.printed());
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void close() throws SQLException {
    duckdb.close();
  }

  private String parquet(TableDefinition table) {
    return "read_parquet('" + output.resolve(table.name() + ".parquet") + "')";
  }

  private List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private Map<String, Object> single(String sql) throws SQLException {
    Map<String, Object> row = new HashMap<>();
    try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      assertTrue(result.next(), sql);
      for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
        row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
      }
    }
    return row;
  }

  @Test
  void everyColumnHasItsDeclaredTypeAndTheCsvFileHoldsTheParquetFilesRows() throws SQLException, IOException {
    Map<String, String> expected = Map.of(
        "STRING", "VARCHAR", "DATE", "DATE", "INT", "INTEGER", "LONG", "BIGINT", "DOUBLE", "DOUBLE", "BOOLEAN", "BOOLEAN",
        "TIMESTAMP", "TIMESTAMP WITH TIME ZONE");
    for (TableDefinition table : Tables.ALL) {
      Map<String, String> types = new LinkedHashMap<>();
      for (List<Object> row : query("DESCRIBE SELECT * FROM " + parquet(table))) {
        types.put((String) row.get(0), (String) row.get(1));
      }
      for (var column : table.columns()) {
        assertEquals(expected.get(column.type().name()), types.get(column.name()), table.name() + "." + column.name());
      }
      // DuckDB reads the CSV file with the Parquet file's types; row by row, in file order, the two agree
      // (CSV writes a missing value and an empty text alike, and guards a text cell a spreadsheet would run).
      String csvColumns = types.entrySet().stream().map(e -> "'" + e.getKey() + "': '" + e.getValue() + "'").collect(Collectors.joining(", "));
      String csv = "read_csv('" + output.resolve(table.name() + ".csv") + "', header = true, columns = {" + csvColumns + "})";
      String asCsvWrites = types.entrySet().stream().map(e -> e.getValue().equals("VARCHAR")
              ? "CASE WHEN regexp_matches(" + e.getKey() + ", '^[-=+@\t\r]') THEN '''' || " + e.getKey() + " ELSE coalesce(" + e.getKey() + ", '') END"
              : e.getKey())
          .collect(Collectors.joining(", "));
      String fromCsv = types.entrySet().stream().map(e -> e.getValue().equals("VARCHAR") ? "coalesce(" + e.getKey() + ", '')" : e.getKey())
          .collect(Collectors.joining(", "));
      String parquetRows = "SELECT row_number() OVER () AS row_in_file, " + asCsvWrites + " FROM " + parquet(table);
      String csvRows = "SELECT row_number() OVER () AS row_in_file, " + fromCsv + " FROM " + csv;
      assertEquals(List.of(), query("(" + parquetRows + ") EXCEPT ALL (" + csvRows + ") LIMIT 5"), table.name() + ": Parquet rows the CSV file lacks");
      assertEquals(List.of(), query("(" + csvRows + ") EXCEPT ALL (" + parquetRows + ") LIMIT 5"), table.name() + ": CSV rows the Parquet file lacks");
      long rows = ((Number) single("SELECT count(*) AS n FROM " + parquet(table)).get("n")).longValue();
      assertEquals(TableFiles.csv(output, table).records().size(), rows, table.name() + ": Parquet and CSV rows");
    }
  }

  @Test
  void documentsGiveTheOverallResponseTimeRow() throws SQLException {
    Map<String, Object> fromDocuments = single(
        "SELECT count(*) AS documents, count(*) FILTER (WHERE status = 'answered') AS answered,"
            + " count(*) FILTER (WHERE overdue) AS overdue, count(response_days) AS timed,"
            + " round(avg(response_days), 2) AS mean_days, max(response_days) AS max_days,"
            + " round(count(*) FILTER (WHERE response_days <= 21) / count(response_days), 4) AS within_21_share FROM " + parquet(Tables.DOCUMENTS));
    Map<String, Object> table = single(
        "SELECT documents, answered, overdue, timed, mean_days, max_days, within_21_share FROM " + parquet(Tables.RESPONSE_TIME)
            + " WHERE dimension = 'all' AND year IS NULL");
    assertEquals(fromDocuments.toString(), table.toString());
    // The median by its definition (nearest rank), computed by DuckDB from the documents.
    Object median = single(
        "SELECT response_days AS median FROM (SELECT response_days, row_number() OVER (ORDER BY response_days) AS rank,"
            + " count(*) OVER () AS n FROM " + parquet(Tables.DOCUMENTS) + " WHERE response_days IS NOT NULL) WHERE rank = ceil(n * 0.5)").get("median");
    assertEquals(median, single("SELECT median_days FROM " + parquet(Tables.RESPONSE_TIME) + " WHERE dimension = 'all' AND year IS NULL").get("median_days"));
    // Per year of submission: sets, and the nearest-rank median of each year's timed sets.
    assertSameRows(
        "SELECT year(submitted), count(*) FROM " + parquet(Tables.DOCUMENTS) + " GROUP BY 1",
        "SELECT year, documents FROM " + parquet(Tables.RESPONSE_TIME) + " WHERE dimension = 'all' AND year IS NOT NULL");
    assertSameRows(
        "SELECT y, response_days FROM (SELECT year(submitted) AS y, response_days,"
            + " row_number() OVER (PARTITION BY year(submitted) ORDER BY response_days) AS rank,"
            + " count(*) OVER (PARTITION BY year(submitted)) AS n FROM " + parquet(Tables.DOCUMENTS)
            + " WHERE response_days IS NOT NULL) WHERE rank = ceil(n * 0.5)",
        "SELECT year, median_days FROM " + parquet(Tables.RESPONSE_TIME) + " WHERE dimension = 'all' AND year IS NOT NULL AND timed > 0");
    assertEquals("INTEGER", single("SELECT typeof(year) AS t FROM " + parquet(Tables.RESPONSE_TIME) + " LIMIT 1").get("t"));
  }

  @Test
  void detailTablesGiveThePartyTopicPeriodHistogramAndSourceTables() throws SQLException {
    assertSameRows(
        "SELECT coalesce(party, '(none)'), count(DISTINCT id) FROM " + parquet(Tables.SUBMITTERS) + " GROUP BY 1",
        "SELECT party, question_sets FROM " + parquet(Tables.QUESTIONS_PER_PARTY) + " WHERE year IS NULL");
    assertSameRows(
        "SELECT topic, count(DISTINCT id) FROM " + parquet(Tables.TOPICS) + " GROUP BY 1",
        "SELECT topic, question_sets FROM " + parquet(Tables.TOPIC_FREQUENCY) + " WHERE year IS NULL");
    assertSameRows(
        "SELECT strftime(submitted, '%Y-%m'), count(*), sum(questions) FROM " + parquet(Tables.DOCUMENTS) + " GROUP BY 1",
        "SELECT period, question_sets, questions FROM " + parquet(Tables.QUESTIONS_PER_PERIOD) + " WHERE period_type = 'month' AND party = 'all'");
    assertSameRows(
        "SELECT least(response_days, 101), count(*) FROM " + parquet(Tables.DOCUMENTS) + " WHERE response_days IS NOT NULL GROUP BY 1",
        "SELECT days_from, question_sets FROM " + parquet(Tables.REPLY_TIME_HISTOGRAM) + " WHERE dimension = 'all' AND year IS NULL AND question_sets > 0");
    assertSameRows(
        "SELECT site, count(*), count(DISTINCT id) FROM " + parquet(Tables.FOOTNOTES) + " WHERE site IS NOT NULL GROUP BY 1",
        "SELECT source, footnotes, question_sets FROM " + parquet(Tables.CITED_SOURCES) + " WHERE kind = 'site' AND dimension = 'all' AND year IS NULL");
    assertSameRows(
        "SELECT ministry, ministry_family, count(DISTINCT a.id), min(d.submitted), max(d.submitted) FROM " + parquet(Tables.ANSWERERS)
            + " a JOIN " + parquet(Tables.DOCUMENTS) + " d ON a.id = d.id WHERE ministry IS NOT NULL GROUP BY 1, 2",
        "SELECT name, family, question_sets, first_submitted, last_submitted FROM " + parquet(Tables.MINISTRIES));
    assertSameRows(
        "SELECT id, overdue_days FROM " + parquet(Tables.DOCUMENTS) + " WHERE overdue",
        "SELECT id, overdue_days FROM " + parquet(Tables.OVERDUE));
    assertSameRows(
        "SELECT count(*) FROM " + parquet(Tables.OVERDUE),
        "SELECT overdue FROM " + parquet(Tables.OVERDUE_PER_WEEK) + " ORDER BY week_start DESC LIMIT 1");
  }

  @Test
  void submittersAndAnswerersGiveThePersonsAndTheirStatistics() throws SQLException {
    String people = "(SELECT id, person_key FROM " + parquet(Tables.SUBMITTERS) + " UNION SELECT id, person_key FROM "
        + parquet(Tables.ANSWERERS) + ")";
    assertSameRows(
        "SELECT p.person_key, count(DISTINCT p.id), min(d.submitted), max(d.submitted) FROM " + people + " p JOIN "
            + parquet(Tables.DOCUMENTS) + " d ON p.id = d.id GROUP BY 1",
        "SELECT person_key, question_sets, first_submitted, last_submitted FROM " + parquet(Tables.PERSONS));
    assertSameRows(
        "SELECT person_key, count(DISTINCT id) FROM " + parquet(Tables.SUBMITTERS) + " GROUP BY 1",
        "SELECT person_key, documents FROM " + parquet(Tables.RESPONSE_TIME) + " WHERE dimension = 'member' AND year IS NULL");
    assertSameRows(
        "SELECT person_key, count(DISTINCT id) FROM " + parquet(Tables.ANSWERERS) + " GROUP BY 1",
        "SELECT person_key, documents FROM " + parquet(Tables.RESPONSE_TIME) + " WHERE dimension = 'answerer' AND year IS NULL");
    assertSameRows(
        "SELECT person_key, string_agg(DISTINCT name, '; ' ORDER BY name) FROM (SELECT person_key, name FROM " + parquet(Tables.SUBMITTERS)
            + " UNION SELECT person_key, name FROM " + parquet(Tables.ANSWERERS) + ") GROUP BY 1",
        "SELECT person_key, names FROM " + parquet(Tables.PERSONS));
    // The archive's answerer "Blok" (2019Z90004) is its one Blok, Stef Blok: his sets count under his name.
    Map<String, Object> blok = single("SELECT name, names, surname_only, roles, sets_as_answerer FROM " + parquet(Tables.PERSONS)
        + " WHERE person_key = 'stef-blok'");
    assertEquals("Stef Blok", blok.get("name"));
    assertEquals("Blok; Stef Blok", blok.get("names"));
    assertEquals(false, blok.get("surname_only"));
    assertEquals("answerer", blok.get("roles"));
    assertEquals(blok.get("sets_as_answerer"), single("SELECT documents FROM " + parquet(Tables.RESPONSE_TIME)
        + " WHERE dimension = 'answerer' AND person_key = 'stef-blok' AND value = 'Stef Blok' AND year IS NULL").get("documents"));
    assertEquals("stef-blok", single("SELECT DISTINCT person_key FROM " + parquet(Tables.ANSWERERS) + " WHERE name = 'Blok'").get("person_key"));
    // Surnames alone with no full name to join stay people of their own.
    assertEquals(true, single("SELECT surname_only FROM " + parquet(Tables.PERSONS) + " WHERE person_key = 'leers'").get("surname_only"));
    assertEquals("answerer; submitter",
        single("SELECT roles FROM " + parquet(Tables.PERSONS) + " WHERE person_key = 'lilianne-ploumen'").get("roles"));
  }

  private void assertSameRows(String fromDetails, String fromAggregate) throws SQLException {
    List<String> expected = query(fromDetails).stream().map(Object::toString).sorted().toList();
    List<String> actual = query(fromAggregate).stream().map(Object::toString).sorted().toList();
    assertTrue(!expected.isEmpty(), "no rows for " + fromDetails);
    assertEquals(expected, actual, fromAggregate);
  }
}
