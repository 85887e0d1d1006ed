package nl.kamervragen.table;

import java.util.Objects;

/**
 * One column of an output table.
 *
 * @param name the column name, a contract with the dashboards that read it
 * @param type the value type
 * @param nullable whether the column may be empty
 * @param description what the value means, with its unit
 */
public record Column(String name, ColumnType type, boolean nullable, String description)
    implements java.io.Serializable {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
  }

  public static Column required(String name, ColumnType type, String description) {
    return new Column(name, type, false, description);
  }

  public static Column optional(String name, ColumnType type, String description) {
    return new Column(name, type, true, description);
  }
}
