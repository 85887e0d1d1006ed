package nl.kamervragen.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.kamervragen.table.Column;
import nl.kamervragen.table.CsvCells;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Reads rows of a written table for the report, streaming, keeping only the rows it asks for: the
 * report reads the small aggregate tables whole and only the head of the overdue list. It reads the
 * Parquet file through the table's definition, so texts are as the documents hold them (the CSV
 * file guards a leading {@code =} against spreadsheets, which a report must not show), and values
 * are formatted as in the CSV file.
 */
final class TableRows {

  private TableRows() {}

  /** The rows of {@code <folder>/<table>.parquet} that pass the filter, at most {@code limit}, by column name. */
  static List<Map<String, String>> read(Path folder, String tableName, Predicate<Map<String, String>> filter, int limit)
      throws IOException {
    TableDefinition table = Tables.ALL.stream().filter(t -> t.name().equals(tableName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + tableName));
    List<Map<String, String>> rows = new ArrayList<>();
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(folder.resolve(table.name() + ".parquet").toUri());
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(file, new Configuration())).build()) {
      for (GenericRecord record = reader.read(); record != null && rows.size() < limit; record = reader.read()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (Column column : table.columns()) {
          row.put(column.name(), CsvCells.plain(column.type(), record.get(column.name())));
        }
        if (filter.test(row)) {
          rows.add(row);
        }
      }
    }
    return rows;
  }

  static List<Map<String, String>> read(Path folder, String table, Predicate<Map<String, String>> filter) throws IOException {
    return read(folder, table, filter, Integer.MAX_VALUE);
  }

  static long number(Map<String, String> row, String column) {
    String value = row.get(column);
    return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
  }

  static double decimal(Map<String, String> row, String column) {
    String value = row.get(column);
    return value == null || value.isEmpty() ? Double.NaN : Double.parseDouble(value);
  }
}
