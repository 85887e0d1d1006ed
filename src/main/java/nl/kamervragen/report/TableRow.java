package nl.kamervragen.report;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.kamervragen.table.Column;
import nl.kamervragen.table.TableDefinition;

/**
 * One row of a written table as the report reads it: each value as the CSV file shows it, but texts
 * as they are, by column name. A name the table's definition does not have fails at once: the
 * report cannot read a column that is not there.
 */
final class TableRow {

  private final TableDefinition table;
  private final Map<String, String> values;

  TableRow(TableDefinition table, Map<String, String> values) {
    this.table = table;
    this.values = values;
  }

  /** A row of a table with every value empty: for a table that has no row where one is looked for. */
  static TableRow empty(TableDefinition table) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Column column : table.columns()) {
      values.put(column.name(), "");
    }
    return new TableRow(table, values);
  }

  /** The value of a column; empty when missing. */
  String get(String column) {
    String value = values.get(column);
    if (value == null) {
      throw new IllegalArgumentException(table.name() + " has no column " + column);
    }
    return value;
  }

  /** A count or day number; 0 when missing. */
  long number(String column) {
    String value = get(column);
    return value.isEmpty() ? 0 : Long.parseLong(value);
  }

  /** A decimal value; NaN when missing. */
  double decimal(String column) {
    String value = get(column);
    return value.isEmpty() ? Double.NaN : Double.parseDouble(value);
  }
}
