package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kamervragen.core.Statistics;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.table.TableDefinition;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.CombineWithContext.CombineFnWithContext;
import org.apache.beam.sdk.transforms.CombineWithContext.Context;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Aggregates what the statistics need of the kept documents, one batch per bucket ({@link
 * RemoveDuplicates#STATISTICS}), into the statistics tables, counting people with the archive's
 * person keys ({@link ResolvePersonKeys}): a surname the archive joins to a full name is counted with
 * that person. One global combine that runners lift: each worker adds its batches, and only the
 * accumulators, whose size depends on the number of groups such as parties, members, topics and
 * weeks, not on the number of documents, cross the network.
 *
 * <p>The batches are taken apart inside the combine, not before it: a step with one element per
 * document in front of it made Flink encode every document again and sort them all before its
 * partial combine.
 *
 * <p>Outputs: {@link #PARTS}, every statistics table sorted and staged whole, for {@link
 * WriteTables#SORTED_PARTS}; {@link #TOTALS}, for the run summary.
 */
public final class ComputeStatistics extends PTransform<PCollection<byte[]>, PCollectionTuple> {

  /**
   * Every table of {@link #TABLES} with rows, sorted and staged as its one part ({@link
   * PartFiles#stageWholeTable}), keyed by table name. The statistics are one element, all in
   * memory where they were merged: their tables are staged there, as the benchmark's floor writes
   * them, not sent row by row through the writer's shuffle of rows to be sorted and staged again
   * (at 100,000 synthetic documents 72,595 rows).
   */
  public static final TupleTag<KV<String, Row>> PARTS = new TupleTag<>() {};

  /** Document totals for the run summary, as (metric, value). */
  public static final TupleTag<KV<String, Long>> TOTALS = new TupleTag<>() {};

  /** The tables this produces, in {@link #ROWS}. */
  public static final List<TableDefinition> TABLES = Statistics.TABLES;

  private final LocalDate referenceDate;
  private final PCollectionView<PersonKeys> personKeys;
  private final Staging staging;

  /**
   * @param referenceDate the date open sets are judged overdue at
   * @param personKeys the archive's person keys
   * @param staging where the tables' parts are staged
   */
  public ComputeStatistics(LocalDate referenceDate, PCollectionView<PersonKeys> personKeys, Staging staging) {
    this.referenceDate = referenceDate;
    this.personKeys = personKeys;
    this.staging = staging;
  }

  @Override
  public PCollectionTuple expand(PCollection<byte[]> batches) {
    PCollectionTuple staged =
        batches
            // Without defaults: no documents make no statistics, and no rows (the summary counts a
            // missing total as 0); a default would be one more side input and stage on Flink.
            .apply("Aggregate statistics",
                Combine.globally(new StatisticsFn(referenceDate, personKeys)).withoutDefaults().withSideInputs(personKeys))
            .setCoder(StatisticsCoder.of())
            .apply("Stage statistics tables", ParDo.of(new StageTablesFn(staging)).withOutputTags(PARTS, TupleTagList.of(TOTALS)));
    staged.get(PARTS).setCoder(KvCoder.of(StringUtf8Coder.of(), RowCoder.of(PartFiles.PART)));
    staged.get(TOTALS).setCoder(SummarizeRun.MEASURE_CODER);
    return staged;
  }

  /** Adds each batch's documents to the statistics; merges the statistics of the parts of the archive. */
  static final class StatisticsFn extends CombineFnWithContext<byte[], Statistics, Statistics> {
    private final LocalDate referenceDate;
    private final PCollectionView<PersonKeys> personKeys;

    StatisticsFn(LocalDate referenceDate, PCollectionView<PersonKeys> personKeys) {
      this.referenceDate = referenceDate;
      this.personKeys = personKeys;
    }

    @Override
    public Statistics createAccumulator(Context context) {
      return new Statistics(referenceDate);
    }

    @Override
    public Statistics addInput(Statistics accumulator, byte[] batch, Context context) {
      try {
        accumulator.addBatch(batch, context.sideInput(personKeys));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return accumulator;
    }

    @Override
    public Statistics mergeAccumulators(Iterable<Statistics> accumulators, Context context) {
      Statistics merged = new Statistics(referenceDate);
      accumulators.forEach(merged::merge);
      return merged;
    }

    @Override
    public Statistics extractOutput(Statistics accumulator, Context context) {
      return accumulator;
    }

    @Override
    public Coder<Statistics> getAccumulatorCoder(CoderRegistry registry, Coder<byte[]> inputCoder) {
      return StatisticsCoder.of();
    }
  }

  /** Stages each table of the final statistics whole, and outputs the summary measures. */
  static final class StageTablesFn extends DoFn<Statistics, KV<String, Row>> {
    private final Staging staging;

    StageTablesFn(Staging staging) {
      this.staging = staging;
    }

    @ProcessElement
    public void process(@Element Statistics statistics, MultiOutputReceiver out) throws IOException {
      for (Map.Entry<TableDefinition, List<Row>> table : statistics.tableRows().entrySet()) {
        if (!table.getValue().isEmpty()) {
          List<GenericRecord> records = new ArrayList<>(table.getValue().size());
          table.getValue().forEach(row -> records.add(table.getKey().toAvro(row)));
          out.get(PARTS).output(PartFiles.stageWholeTable(staging, table.getKey(), records));
        }
      }
      statistics.totals().forEach((measure, value) -> out.get(TOTALS).output(KV.of(measure, value)));
    }
  }
}
