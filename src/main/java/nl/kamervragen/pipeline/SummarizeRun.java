package nl.kamervragen.pipeline;

import java.util.Map;
import java.util.TreeMap;
import nl.kamervragen.core.SummaryMeasures;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Builds the {@code summary} table from (measure, value) pairs: counts of each stage's output
 * (see {@link #count}) and the document totals of the statistics.
 */
public final class SummarizeRun extends PTransform<PCollectionList<KV<String, Long>>, PCollection<Row>> {

  static final KvCoder<String, Long> MEASURE_CODER = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());

  @Override
  public PCollection<Row> expand(PCollectionList<KV<String, Long>> measures) {
    return measures
        .apply("Flatten measures", Flatten.pCollections())
        .apply("Collect measures", Combine.globally(new CollectFn()))
        .setCoder(MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("Summary rows", ParDo.of(new ToRowsFn()))
        .setRowSchema(Tables.SUMMARY.beamSchema());
  }

  /**
   * The number of elements of a collection, as a measure of the summary: each element counts one,
   * and "Collect measures" adds them up (a measure without elements is 0 in the summary). Beam's
   * {@code Count.globally} would add a default for an empty collection: a side input and five more
   * steps on Flink, for each measure.
   */
  public static PCollection<KV<String, Long>> count(String measure, PCollection<Row> rows) {
    return rows.apply(
            "Count " + measure,
            MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                .via(row -> KV.of(measure, 1L)))
        .setCoder(MEASURE_CODER);
  }

  /** Collects (measure, value) pairs into one sorted map. */
  static final class CollectFn extends Combine.CombineFn<KV<String, Long>, Map<String, Long>, Map<String, Long>> {
    @Override
    public Map<String, Long> createAccumulator() {
      return new TreeMap<>();
    }

    @Override
    public Map<String, Long> addInput(Map<String, Long> accumulator, KV<String, Long> measure) {
      accumulator.merge(measure.getKey(), measure.getValue(), Long::sum);
      return accumulator;
    }

    @Override
    public Map<String, Long> mergeAccumulators(Iterable<Map<String, Long>> accumulators) {
      Map<String, Long> merged = new TreeMap<>();
      accumulators.forEach(a -> a.forEach((k, v) -> merged.merge(k, v, Long::sum)));
      return merged;
    }

    @Override
    public Map<String, Long> extractOutput(Map<String, Long> accumulator) {
      return accumulator;
    }

    @Override
    public Coder<Map<String, Long>> getAccumulatorCoder(CoderRegistry registry, Coder<KV<String, Long>> inputCoder)
        throws CannotProvideCoderException {
      return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    }
  }

  /** One summary row per measure, files derived from its parts. */
  static final class ToRowsFn extends DoFn<Map<String, Long>, Row> {
    @ProcessElement
    public void process(@Element Map<String, Long> measures, OutputReceiver<Row> out) {
      SummaryMeasures.rows(measures).forEach(out::output);
    }
  }
}
