package nl.kamervragen.table;

import java.math.BigDecimal;
import java.time.LocalDate;
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

  /** The cells of one record, in column order. */
  public static List<String> of(TableDefinition table, GenericRecord record) {
    List<String> cells = new ArrayList<>(table.columns().size());
    for (Column column : table.columns()) {
      cells.add(format(column.type(), record.get(column.name())));
    }
    return cells;
  }

  static String format(ColumnType type, Object avroValue) {
    if (avroValue == null) {
      return "";
    }
    return switch (type) {
      case DATE -> LocalDate.ofEpochDay(((Number) avroValue).longValue()).toString();
      // Plain notation and no trailing zeros: 0.0001 (never 1.0E-4), 0.5, 21.
      case DOUBLE -> BigDecimal.valueOf((Double) avroValue).stripTrailingZeros().toPlainString();
      default -> avroValue.toString();
    };
  }
}
