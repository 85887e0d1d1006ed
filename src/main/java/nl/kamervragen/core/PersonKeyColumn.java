package nl.kamervragen.core;

import java.util.List;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.table.TableDefinition;
import org.apache.avro.generic.GenericRecord;

/**
 * The {@code person_key} column of the document tables that name people (submitters, answerers).
 * Parsing sets it to the name's own slug; a name the archive's keys join to another person is
 * re-keyed here, on the row as it is written, the same way by the pipeline and the benchmark's floor.
 */
public final class PersonKeyColumn {

  public static final String COLUMN = "person_key";

  /** The document tables with a person key, beside their {@code name} column. */
  public static final List<TableDefinition> TABLES = ParsedDocument.DETAIL_TABLES.stream().filter(PersonKeyColumn::isIn).toList();

  private PersonKeyColumn() {}

  /**
   * Whether the table is a document table with a person key, decided by its source and columns: a
   * table a runner deserialized is a copy, not one of {@link #TABLES}.
   */
  public static boolean isIn(TableDefinition table) {
    return table.source() == TableDefinition.Source.DOCUMENT && table.columns().stream().anyMatch(column -> column.name().equals(COLUMN));
  }

  /** Gives the row the key of its name from the archive's keys; false when that key is the one it had. */
  public static boolean rekey(GenericRecord row, PersonKeys keys) {
    String name = row.get("name").toString();
    if (!keys.joins(name)) {
      return false;
    }
    row.put(COLUMN, keys.keyOf(name));
    return true;
  }
}
