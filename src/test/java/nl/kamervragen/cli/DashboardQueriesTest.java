package nl.kamervragen.cli;

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
        String statements = block.replace("'tables/", "'" + output + "/");
        ResultSet last = null;
        for (String statement : statements.split(";\\s*\\n")) {
          if (!statement.isBlank()) {
            last = sql.execute(statement.strip().replaceAll(";$", "")) ? sql.getResultSet() : null;
          }
        }
        assertTrue(last != null && last.next(), "no rows from:\n" + block);
      }
    }
  }
}
