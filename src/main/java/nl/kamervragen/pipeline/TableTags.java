package nl.kamervragen.pipeline;

import nl.kamervragen.table.TableDefinition;
import org.apache.beam.sdk.values.TupleTag;

/** The tag of each table's rows in the tuple handed to {@link WriteTables}. */
public final class TableTags {

  private TableTags() {}

  public static TupleTag<org.apache.beam.sdk.values.Row> of(TableDefinition table) {
    return new TupleTag<>(table.name());
  }
}
