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
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;

/**
 * Builds the {@code summary} table from (measure, value) pairs, the counts of the steps that count
 * (see {@link RemoveDuplicates#MEASURES}, {@link ComputeStatistics#TOTALS}), added up per measure: a
 * measure without pairs is 0, and a run without any, of an empty archive, still has its summary.
 */
public final class SummarizeRun extends PTransform<PCollectionList<KV<String, Long>>, PCollection<Row>> {

  static final KvCoder<String, Long> MEASURE_CODER = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());

  @Override
  public PCollection<Row> expand(PCollectionList<KV<String, Long>> measures) {
    // A zero, so that the combine always has an input: Beam's default for an empty one would be a
    // side input and three more task sets on Flink.
    PCollection<KV<String, Long>> zero = measures.getPipeline()
        .apply("No measure yet", Create.of(KV.of(SummaryMeasures.DOCUMENTS_PARSED, 0L)).withCoder(MEASURE_CODER));
    return measures.and(zero)
        .apply("Flatten measures", Flatten.pCollections())
        .apply("Collect measures", Combine.globally(new CollectFn()).withoutDefaults())
        .setCoder(MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("Summary rows", ParDo.of(new ToRowsFn()))
        .setRowSchema(Tables.SUMMARY.beamSchema());
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
