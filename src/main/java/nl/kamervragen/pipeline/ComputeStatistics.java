package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.kamervragen.core.Statistics;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.table.TableDefinition;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
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
 * <p>Outputs: {@link #ROWS}, the rows of every statistics table in one collection, keyed for {@link
 * WriteTables#KEYED_ROWS}; {@link #TOTALS}, for the run summary.
 */
public final class ComputeStatistics extends PTransform<PCollection<byte[]>, PCollectionTuple> {

  /**
   * The rows of every table of {@link #TABLES}, keyed by table and bucket ({@link KeyedRows}). One
   * collection, not one per table: on Flink each output of a step is a task set of its own, and so
   * was each table's way to the shuffle of {@link WriteTables}.
   */
  public static final TupleTag<KV<String, byte[]>> ROWS = new TupleTag<>() {};

  /** Document totals for the run summary, as (metric, value). */
  public static final TupleTag<KV<String, Long>> TOTALS = new TupleTag<>() {};

  /** The tables this produces, in {@link #ROWS}. */
  public static final List<TableDefinition> TABLES = Statistics.TABLES;

  private final LocalDate referenceDate;
  private final PCollectionView<PersonKeys> personKeys;

  /**
   * @param referenceDate the date open sets are judged overdue at
   * @param personKeys the archive's person keys
   */
  public ComputeStatistics(LocalDate referenceDate, PCollectionView<PersonKeys> personKeys) {
    this.referenceDate = referenceDate;
    this.personKeys = personKeys;
  }

  @Override
  public PCollectionTuple expand(PCollection<byte[]> batches) {
    PCollectionTuple rows =
        batches
            // Without defaults: no documents make no statistics, and no rows (the summary counts a
            // missing total as 0); a default would be one more side input and stage on Flink.
            .apply("Aggregate statistics",
                Combine.globally(new StatisticsFn(referenceDate, personKeys)).withoutDefaults().withSideInputs(personKeys))
            .setCoder(StatisticsCoder.of())
            .apply("Statistics to rows", ParDo.of(new ToRowsFn()).withOutputTags(ROWS, TupleTagList.of(TOTALS)));
    rows.get(ROWS).setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()));
    rows.get(TOTALS).setCoder(SummarizeRun.MEASURE_CODER);
    return rows;
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

  /** Turns the final statistics into keyed table rows and summary measures. */
  static final class ToRowsFn extends DoFn<Statistics, KV<String, byte[]>> {
    private transient KeyedRows.Encoder encoder;

    @Setup
    public void setup() {
      encoder = new KeyedRows.Encoder();
    }

    @ProcessElement
    public void process(@Element Statistics statistics, MultiOutputReceiver out) throws IOException {
      for (Map.Entry<TableDefinition, List<Row>> table : statistics.tableRows().entrySet()) {
        for (Row row : table.getValue()) {
          out.get(ROWS).output(encoder.encode(table.getKey(), row));
        }
      }
      statistics.totals().forEach((measure, value) -> out.get(TOTALS).output(KV.of(measure, value)));
    }
  }
}
