package nl.kamervragen.pipeline;

import java.util.List;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Wires the stages: read, parse and stage the document tables, remove duplicates, resolve the
 * archive's person keys, aggregate, write.
 */
public final class KamervragenPipeline {

  private KamervragenPipeline() {}

  /**
   * Adds the whole job to a pipeline.
   *
   * @return a row per table written ({@link WriteTables#WRITTEN}), one collection per way the
   *     tables are written
   */
  public static PCollectionList<Row> build(Pipeline pipeline, RunConfig config) {
    PCollection<KV<String, byte[]>> read = pipeline.apply("Read documents", new ReadDocuments(config));
    boolean comparing = config.previousRun() != null;
    PCollectionTuple kept = read.apply("Remove duplicates", new RemoveDuplicates(comparing));
    PCollectionView<PersonKeys> personKeys = kept.get(RemoveDuplicates.NAMES).apply("Resolve person keys", new ResolvePersonKeys());
    PCollectionView<List<String>> setAside = kept.get(RemoveDuplicates.SET_ASIDE).apply("Copies set aside", View.asList());
    PCollectionTuple statistics =
        kept.get(RemoveDuplicates.STATISTICS)
            .apply("Compute statistics", new ComputeStatistics(config.referenceDate(), personKeys, config.staging()));

    PCollection<Row> changes = comparing
        ? kept.get(RemoveDuplicates.FACTS).apply("Compare with the previous run", new CompareWithPreviousRun(config.previousRun()))
        : CompareWithPreviousRun.firstRun(pipeline);

    PCollection<Row> summary =
        PCollectionList.of(kept.get(RemoveDuplicates.MEASURES))
            .and(statistics.get(ComputeStatistics.TOTALS))
            .apply("Summarize run", new SummarizeRun());

    // Each table by its source: what makes its rows. The document tables come as runs staged where
    // the documents were read, the statistics tables sorted and staged where they were computed.
    PCollectionTuple tables = PCollectionTuple.of(WriteTables.STAGED_PARTS, kept.get(RemoveDuplicates.PARTS))
        .and(WriteTables.SORTED_PARTS, statistics.get(ComputeStatistics.PARTS));
    for (TableDefinition table : Tables.ALL) {
      TupleTag<Row> tag = TableTags.of(table);
      PCollectionTuple source = switch (table.source()) {
        case INPUT, DOCUMENT, COPIES -> kept;
        case STATISTICS -> statistics;
        case RUN -> PCollectionTuple.of(TableTags.of(Tables.SUMMARY), summary);
        case PREVIOUS_RUN -> PCollectionTuple.of(TableTags.of(Tables.CHANGES), changes);
      };
      if (source.has(tag)) {
        tables = tables.and(tag, source.get(tag));
      }
    }
    return tables.apply("Write tables",
        new WriteTables(config.staging(), Tables.ALL, DocumentRuns.TABLES, ComputeStatistics.TABLES, personKeys, setAside));
  }
}
