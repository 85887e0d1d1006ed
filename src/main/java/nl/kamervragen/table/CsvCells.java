package nl.kamervragen.table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;

/** How values are written in CSV cells: ISO dates, plain decimals, empty for missing. */
public final class CsvCells {

  private CsvCells() {}

  /** The header row of a table's CSV file. */
  public static String[] header(TableDefinition table) {
    return table.columns().stream().map(Column::name).toArray(String[]::new);
  }

  /** The cells of one record of the table's Avro schema, in column order. */
  public static List<String> of(TableDefinition table, GenericRecord record) {
    List<Column> columns = table.columns();
    List<String> cells = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      cells.add(format(columns.get(i).type(), record.get(i)));
    }
    return cells;
  }

  /** One value of a record of the table's Avro schema, as its CSV cell shows it. */
  public static String cell(Column column, Object avroValue) {
    return format(column.type(), avroValue);
  }

  static String format(ColumnType type, Object avroValue) {
    String text = plain(type, avroValue);
    return type == ColumnType.STRING ? neutralizeFormula(text) : text;
  }

  /** A value as a CSV cell shows it, but text as it is, without the spreadsheet guard: for readers that show text. */
  public static String plain(ColumnType type, Object avroValue) {
    if (avroValue == null) {
      return "";
    }
    return switch (type) {
      case DATE -> LocalDate.ofEpochDay(((Number) avroValue).longValue()).toString();
      case TIMESTAMP -> Instant.EPOCH.plus(((Number) avroValue).longValue(), ChronoUnit.MICROS).toString();
      // Plain notation and no trailing zeros: 0.0001 (never 1.0E-4), 0.5, 21.
      case DOUBLE -> BigDecimal.valueOf((Double) avroValue).stripTrailingZeros().toPlainString();
      default -> avroValue.toString();
    };
  }

  /**
   * Keeps a spreadsheet from running a text cell as a formula (OWASP, CSV injection): a cell that
   * starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which
   * spreadsheets hide and treat as "this is text". Only CSV cells change; Parquet keeps the text.
   */
  static String neutralizeFormula(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + text
        : text;
  }
}
