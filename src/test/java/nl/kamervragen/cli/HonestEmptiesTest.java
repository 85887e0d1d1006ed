package nl.kamervragen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.kamervragen.table.Column;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import nl.kamervragen.testing.TableFiles;
import nl.kamervragen.testing.TestArchiveRun;
import org.apache.beam.sdk.values.Row;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data dictionary's "may be empty" is what the tables hold: on a run over real, broken and
 * duplicate documents, a column documented "no" has no empty cell and no null, and a missing value
 * is a null in Parquet (an empty CSV cell), never an empty string.
 */
class HonestEmptiesTest {

  @TempDir Path work;

  @Test
  void everyColumnHoldsWhatTheDictionarySays() throws IOException {
    Path output = TestArchiveRun.publish(work);

    List<String> problems = new ArrayList<>();
    for (TableDefinition table : Tables.ALL) {
      TableFiles.Csv csv = TableFiles.csv(output, table);
      List<Row> parquet = TableFiles.parquet(output, table);
      for (Column column : table.columns()) {
        String name = table.name() + "." + column.name();
        long emptyCells = csv.records().stream().map((CSVRecord r) -> r.get(column.name())).filter(String::isEmpty).count();
        long nulls = parquet.stream().filter(r -> r.getValue(column.name()) == null).count();
        long emptyStrings = parquet.stream().filter(r -> "".equals(r.getValue(column.name()))).count();
        if (!column.nullable() && (emptyCells > 0 || nulls > 0)) {
          problems.add(name + " is documented 'may be empty: no' but has " + emptyCells + " empty cells and " + nulls + " nulls");
        }
        if (emptyStrings > 0) {
          problems.add(name + " holds " + emptyStrings + " empty strings where a missing value is null");
        }
      }
    }
    assertEquals(List.of(), problems);
  }
}
