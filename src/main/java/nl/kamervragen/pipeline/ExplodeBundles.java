package nl.kamervragen.pipeline;

import java.util.ArrayList;
import java.util.List;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Splits each kept bundle into its {@code documents} row and its rows of every detail table,
 * tagged with {@link TableTags#of}, and lists the overdue sets.
 */
public final class ExplodeBundles extends PTransform<PCollection<Row>, PCollectionTuple> {

  /** The tables this produces: documents and every detail table. */
  public static final List<TableDefinition> TABLES = tables();

  private static List<TableDefinition> tables() {
    List<TableDefinition> tables = new ArrayList<>();
    tables.add(Tables.DOCUMENTS);
    tables.addAll(DocumentBundle.DETAIL_TABLES);
    tables.add(Tables.OVERDUE);
    return List.copyOf(tables);
  }

  @Override
  public PCollectionTuple expand(PCollection<Row> bundles) {
    TupleTagList others = TupleTagList.empty();
    for (TableDefinition table : TABLES.subList(1, TABLES.size())) {
      others = others.and(TableTags.of(table));
    }
    PCollectionTuple rows =
        bundles.apply("Split into table rows", ParDo.of(new ExplodeFn()).withOutputTags(TableTags.of(Tables.DOCUMENTS), others));
    for (TableDefinition table : TABLES) {
      rows.get(TableTags.of(table)).setRowSchema(table.beamSchema());
    }
    return rows;
  }

  static final class ExplodeFn extends DoFn<Row, Row> {
    @ProcessElement
    public void process(@Element Row bundle, MultiOutputReceiver out) {
      Row document = DocumentBundle.document(bundle);
      out.get(TableTags.of(Tables.DOCUMENTS)).output(document);
      if (Boolean.TRUE.equals(document.getBoolean("overdue"))) {
        out.get(TableTags.of(Tables.OVERDUE)).output(DocumentBundle.overdueRow(document));
      }
      for (TableDefinition table : DocumentBundle.DETAIL_TABLES) {
        TupleTag<Row> tag = TableTags.of(table);
        for (Row row : DocumentBundle.details(bundle, table)) {
          out.get(tag).output(row);
        }
      }
    }
  }
}
