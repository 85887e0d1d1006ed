package nl.kamervragen.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads rows of a written CSV table for the report, streaming, keeping only the rows it asks for:
 * the report reads the small aggregate tables whole and only the head of the overdue list.
 */
final class TableRows {

  private TableRows() {}

  /** The rows of {@code <folder>/<table>.csv} that pass the filter, at most {@code limit}. */
  static List<Map<String, String>> read(Path folder, String table, Predicate<Map<String, String>> filter, int limit)
      throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    Path file = folder.resolve(table + ".csv");
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        Map<String, String> row = record.toMap();
        if (filter.test(row)) {
          rows.add(row);
          if (rows.size() >= limit) {
            break;
          }
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
