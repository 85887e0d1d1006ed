package nl.kamervragen.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.kamervragen.storage.StoredFolder;
import nl.kamervragen.table.Column;
import nl.kamervragen.table.CsvCells;
import nl.kamervragen.table.TableDefinition;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * Reads rows of a written table for the report, streaming, keeping only the rows it asks for: the
 * report reads the small aggregate tables whole and only the head of the overdue list. It reads the
 * Parquet file through the table's definition, so texts are as the documents hold them (the CSV
 * file guards a leading {@code =} against spreadsheets, which a report must not show), and values
 * are formatted as in the CSV file.
 */
final class TableRows {

  private TableRows() {}

  /** The rows of {@code <folder>/<table>.parquet} that pass the filter, at most {@code limit}. */
  static List<TableRow> read(StoredFolder folder, TableDefinition table, Predicate<TableRow> filter, int limit) throws IOException {
    List<TableRow> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(folder.parquet(table.name() + ".parquet")).build()) {
      for (GenericRecord record = reader.read(); record != null && rows.size() < limit; record = reader.read()) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Column column : table.columns()) {
          values.put(column.name(), CsvCells.plain(column.type(), record.get(column.name())));
        }
        TableRow row = new TableRow(table, values);
        if (filter.test(row)) {
          rows.add(row);
        }
      }
    }
    return rows;
  }

  static List<TableRow> read(StoredFolder folder, TableDefinition table, Predicate<TableRow> filter) throws IOException {
    return read(folder, table, filter, Integer.MAX_VALUE);
  }
}
