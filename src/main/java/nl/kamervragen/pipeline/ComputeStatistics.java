package nl.kamervragen.pipeline;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import nl.kamervragen.core.Statistics;
import nl.kamervragen.stats.StatsDocument;
import nl.kamervragen.table.TableDefinition;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Aggregates what the statistics need of each kept document into the statistics tables, in one
 * global combine that runners lift (each worker combines its share, and only the accumulators,
 * whose size depends on the number of groups such as parties, members, topics and weeks, not on the
 * number of documents, cross the network).
 */
public final class ComputeStatistics extends PTransform<PCollection<StatsDocument>, PCollectionTuple> {

  /** Document totals for the run summary, as (metric, value). */
  public static final TupleTag<KV<String, Long>> TOTALS = new TupleTag<>() {};

  /** The tables this produces, each under {@link TableTags#of}. */
  public static final List<TableDefinition> TABLES = Statistics.TABLES;

  private final LocalDate referenceDate;

  /** @param referenceDate the date open sets are judged overdue at */
  public ComputeStatistics(LocalDate referenceDate) {
    this.referenceDate = referenceDate;
  }

  @Override
  public PCollectionTuple expand(PCollection<StatsDocument> documents) {
    // Each table's rows leave "Statistics to rows" as one batch: its sixteen outputs would each
    // decode every row of every table on Flink.
    BatchedOutputs tables = new BatchedOutputs();
    TABLES.forEach(table -> tables.withRows(table.name(), TableTags.of(table), table.beamSchema()));
    PCollectionTuple rows =
        documents
            // Without defaults: no documents make no statistics, and no rows (the summary counts a
            // missing total as 0); a default would be one more side input and stage on Flink.
            .apply("Aggregate statistics", Combine.globally(new StatisticsFn(referenceDate)).withoutDefaults())
            .setCoder(StatisticsCoder.of())
            .apply("Statistics to rows", ParDo.of(new ToRowsFn(tables)).withOutputTags(TOTALS, tables.batchTags()));
    rows.get(TOTALS).setCoder(SummarizeRun.MEASURE_CODER);
    return tables.unbatch(rows);
  }

  /** Adds each document to the statistics; merges the statistics of the parts of the archive. */
  static final class StatisticsFn extends Combine.CombineFn<StatsDocument, Statistics, Statistics> {
    private final LocalDate referenceDate;

    StatisticsFn(LocalDate referenceDate) {
      this.referenceDate = referenceDate;
    }

    @Override
    public Statistics createAccumulator() {
      return new Statistics(referenceDate);
    }

    @Override
    public Statistics addInput(Statistics accumulator, StatsDocument document) {
      accumulator.add(document);
      return accumulator;
    }

    @Override
    public Statistics mergeAccumulators(Iterable<Statistics> accumulators) {
      Statistics merged = new Statistics(referenceDate);
      accumulators.forEach(merged::merge);
      return merged;
    }

    @Override
    public Statistics extractOutput(Statistics accumulator) {
      return accumulator;
    }

    @Override
    public Coder<Statistics> getAccumulatorCoder(CoderRegistry registry, Coder<StatsDocument> inputCoder) {
      return StatisticsCoder.of();
    }
  }

  /** Turns the final statistics into table rows and summary measures. */
  static final class ToRowsFn extends DoFn<Statistics, KV<String, Long>> {
    private final BatchedOutputs tables;

    ToRowsFn(BatchedOutputs tables) {
      this.tables = tables;
    }

    @ProcessElement
    public void process(@Element Statistics statistics, MultiOutputReceiver out) throws IOException {
      BatchedOutputs.Collector rows = tables.collector();
      statistics.tableRows().forEach((table, tableRows) -> tableRows.forEach(row -> rows.add(TableTags.of(table), row)));
      rows.emit(out);
      statistics.totals().forEach((measure, value) -> out.get(TOTALS).output(KV.of(measure, value)));
    }
  }
}
