package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Outputs of a multi-output step that leave it as encoded batches (one per bucket),
 * and are taken apart again by their consumers. Flink writes all outputs of a multi-output step as
 * one stream, and the filter of each output reads and decodes every element of it; a batch is one
 * byte array, which the filters of the other outputs copy without decoding it.
 */
final class BatchedOutputs implements Serializable {

  /** One batched output: its elements leave the step under {@code batchTag} and are given back under {@code output}. */
  record Batched<T>(String name, TupleTag<T> output, TupleTag<byte[]> batchTag, Coder<T> coder) implements Serializable {}

  /** By the tag they are given back under. */
  private final Map<TupleTag<?>, Batched<?>> outputs = new LinkedHashMap<>();

  /** Batches an output of elements with a coder. */
  <T> BatchedOutputs with(String name, TupleTag<T> output, Coder<T> coder) {
    outputs.put(output, new Batched<>(name, output, new TupleTag<>(output.getId() + " batches"), coder));
    return this;
  }

  /** The tags the batches leave the step under, for its {@code withOutputTags}. */
  TupleTagList batchTags() {
    return TupleTagList.of(outputs.values().stream().<TupleTag<?>>map(Batched::batchTag).toList());
  }

  /** A new collector, for the elements of one input element. */
  Collector collector() {
    return new Collector(outputs);
  }

  /** The step's outputs with each batched output added, taken apart, under its own tag. */
  PCollectionTuple unbatch(PCollectionTuple step) {
    PCollectionTuple unbatched = step;
    for (Batched<?> batched : outputs.values()) {
      unbatched = withUnbatched(unbatched, step, batched);
    }
    return unbatched;
  }

  private static <T> PCollectionTuple withUnbatched(PCollectionTuple tuple, PCollectionTuple step, Batched<T> batched) {
    return tuple.and(batched.output(), unbatch(step, batched));
  }

  private static <T> PCollection<T> unbatch(PCollectionTuple step, Batched<T> batched) {
    return step.get(batched.batchTag()).setCoder(ByteArrayCoder.of())
        .apply("Unbatch " + batched.name(), ParDo.of(new UnbatchFn<>(ListCoder.of(batched.coder()))))
        .setCoder(batched.coder());
  }

  /** The elements of every batched output, emitted as one batch each. */
  static final class Collector {
    private final Map<TupleTag<?>, Batched<?>> outputs;
    private final Map<TupleTag<?>, List<Object>> pending = new LinkedHashMap<>();

    private Collector(Map<TupleTag<?>, Batched<?>> outputs) {
      this.outputs = outputs;
    }

    <T> void add(TupleTag<T> output, T element) {
      if (!outputs.containsKey(output)) {
        throw new IllegalArgumentException("not a batched output: " + output.getId());
      }
      pending.computeIfAbsent(output, tag -> new ArrayList<>()).add(element);
    }

    void emit(DoFn.MultiOutputReceiver out) throws IOException {
      for (Map.Entry<TupleTag<?>, List<Object>> output : pending.entrySet()) {
        Batched<?> batched = outputs.get(output.getKey());
        out.get(batched.batchTag()).output(encode(batched, output.getValue()));
      }
      pending.clear();
    }

    @SuppressWarnings("unchecked")
    private static <T> byte[] encode(Batched<T> batched, List<Object> elements) throws IOException {
      return CoderUtils.encodeToByteArray(ListCoder.of(batched.coder()), (List<T>) elements);
    }
  }

  /** Takes a batch apart. */
  private static final class UnbatchFn<T> extends DoFn<byte[], T> {
    private final ListCoder<T> coder;

    UnbatchFn(ListCoder<T> coder) {
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element byte[] batch, OutputReceiver<T> out) throws IOException {
      CoderUtils.decodeFromByteArray(coder, batch).forEach(out::output);
    }
  }
}
