package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestArchiveRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every SQL query of docs/dashboards.md runs in DuckDB against a real run and returns rows. */
class DashboardQueriesTest {

  private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path work;

  @Test
  void everyQueryOfTheDashboardGuideRunsAndReturnsRows() throws IOException, SQLException {
    Path output = TestArchiveRun.publish(work);

    List<String> blocks = new ArrayList<>();
    Matcher matcher = SQL_BLOCK.matcher(Files.readString(Path.of("docs/dashboards.md")));
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    assertTrue(blocks.size() >= 10, blocks.size() + " queries");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duckdb.createStatement()) {
      for (String block : blocks) {
        // The guide's tables/ is the output folder of the run.
        ResultSet last = runAll(sql, block.replace("'tables/", "'" + output + "/"));
        assertTrue(last != null && last.next(), "no rows from:\n" + block);
      }
    }
  }

  /** The guide's query for a run on object storage, against a pointer on a local disk that names a real run. */
  @Test
  void theQueryThroughABucketsPointerReadsTheRunItNames() throws IOException, SQLException {
    Path run = TestArchiveRun.publish(work);
    Path output = Files.createDirectories(work.resolve("bucket-output"));
    Files.writeString(output.resolve("current.json"),
        "{\"run_id\": \"r1\", \"path\": \"" + run + "/\", \"published_at\": \"2026-12-02T02:41:07Z\", \"runs\": [\"r1\"]}");
    Matcher matcher = Pattern.compile("```sql-pointer\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("docs/dashboards.md")));
    assertTrue(matcher.find(), "the guide has a query through the pointer");
    String statements = matcher.group(1).replace("'s3://kamervragen/tables/", "'" + output + "/");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duckdb.createStatement()) {
      ResultSet last = runAll(sql, statements);
      assertTrue(last != null && last.next(), "no rows");
      assertEquals(run + "/", last.getString("run"));
      assertEquals(TableFiles.csv(run, Tables.DOCUMENTS).records().size(), last.getLong("documents"));
    }
  }

  /** Runs a block's statements in order; the result of the last one. */
  private static ResultSet runAll(Statement sql, String statements) throws SQLException {
    ResultSet last = null;
    for (String statement : statements.split(";\\s*\\n")) {
      if (!statement.isBlank()) {
        last = sql.execute(statement.strip().replaceAll(";$", "")) ? sql.getResultSet() : null;
      }
    }
    return last;
  }
}
