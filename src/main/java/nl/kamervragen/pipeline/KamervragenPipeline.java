package nl.kamervragen.pipeline;

import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;

/** Wires the stages: read and parse, remove duplicates, derive tables, aggregate, write. */
public final class KamervragenPipeline {

  private KamervragenPipeline() {}

  /**
   * Adds the whole job to a pipeline.
   *
   * @return one row per table written, see {@link WriteTables#WRITTEN}
   */
  public static PCollection<Row> build(Pipeline pipeline, RunConfig config) {
    PCollectionTuple read = pipeline.apply("Read documents", new ReadDocuments(config));
    PCollection<Row> parsed = read.get(ReadDocuments.DOCUMENTS);
    PCollection<Row> rejects = read.get(ReadDocuments.REJECTS);

    PCollectionTuple deduplicated = parsed.apply("Remove duplicates", new RemoveDuplicates());
    PCollection<Row> documents = deduplicated.get(RemoveDuplicates.KEPT);
    PCollection<Row> duplicates = deduplicated.get(RemoveDuplicates.DUPLICATES);

    PCollectionTuple detailTables = documents.apply("Derive document tables", new ExplodeBundles());
    PCollectionTuple statistics = documents.apply("Compute statistics", new ComputeStatistics(config.referenceDate()));

    PCollection<Row> summary =
        PCollectionList.of(SummarizeRun.count(RunSummary.DOCUMENTS_PARSED, parsed))
            .and(SummarizeRun.count(RunSummary.REJECTED, rejects))
            .and(SummarizeRun.count(RunSummary.DUPLICATES, duplicates))
            .and(statistics.get(ComputeStatistics.TOTALS))
            .apply("Summarize run", new SummarizeRun());

    PCollectionTuple tables = detailTables;
    for (TableDefinition table : ComputeStatistics.TABLES) {
      tables = tables.and(TableTags.of(table), statistics.get(TableTags.of(table)));
    }
    tables =
        tables
            .and(TableTags.of(Tables.REJECTS), rejects)
            .and(TableTags.of(Tables.DUPLICATES), duplicates)
            .and(TableTags.of(Tables.INPUT_FILES), read.get(ReadDocuments.INPUT_FILES))
            .and(TableTags.of(Tables.SUMMARY), summary);
    return tables.apply("Write tables", new WriteTables(config.output(), Tables.ALL));
  }
}
