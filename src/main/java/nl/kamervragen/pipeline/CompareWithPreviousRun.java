package nl.kamervragen.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.kamervragen.core.RunChanges;
import nl.kamervragen.table.Tables;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The {@code changes} table: each kept document's facts against the previous published run's
 * {@code documents.parquet}, joined per case-number bucket (so that a runner groups a thousand
 * sets at a time, not one) and compared by {@link RunChanges}. A first run has no rows ({@link
 * #firstRun}), and no facts to compare either.
 */
public final class CompareWithPreviousRun extends PTransform<PCollection<KV<String, RunChanges.Facts>>, PCollection<Row>> {

  private static final TupleTag<RunChanges.Facts> PREVIOUS = new TupleTag<>() {};
  private static final TupleTag<RunChanges.Facts> CURRENT = new TupleTag<>() {};

  private final RunConfig.PreviousRun previous;

  /** @param previous the run to compare with */
  public CompareWithPreviousRun(RunConfig.PreviousRun previous) {
    this.previous = Objects.requireNonNull(previous, "previous");
  }

  /** The {@code changes} of a run without a previous one: none. */
  public static PCollection<Row> firstRun(Pipeline pipeline) {
    return pipeline.apply("No previous run", Create.empty(RowCoder.of(Tables.CHANGES.beamSchema())));
  }

  @Override
  public PCollection<Row> expand(PCollection<KV<String, RunChanges.Facts>> current) {
    PCollection<KV<String, RunChanges.Facts>> before = current.getPipeline()
        .apply("Read the previous documents", ParquetIO.parseGenericRecords(new BucketedFacts()).from(previous.documents())
            .withCoder(KvCoder.of(StringUtf8Coder.of(), FactsCoder.of())));
    return KeyedPCollectionTuple.of(PREVIOUS, before).and(CURRENT, current)
        .apply("Join by bucket", CoGroupByKey.create())
        .apply("Compare", ParDo.of(new CompareFn(previous.runId())))
        .setCoder(RowCoder.of(Tables.CHANGES.beamSchema()));
  }

  /** A row of a previous run's documents table as facts, keyed by its bucket. */
  static final class BucketedFacts implements SerializableFunction<GenericRecord, KV<String, RunChanges.Facts>> {
    @Override
    public KV<String, RunChanges.Facts> apply(GenericRecord record) {
      // A run before content_sha256 was recorded has no such field: such sets are never "changed".
      Object sha = record.getSchema().getField("content_sha256") == null ? null : record.get("content_sha256");
      RunChanges.Facts facts = new RunChanges.Facts(record.get("id").toString(), record.get("status").toString(),
          Boolean.TRUE.equals(record.get("overdue")), (Integer) record.get("postponements"), sha == null ? null : sha.toString());
      return KV.of(RunChanges.bucketOf(facts.id()), facts);
    }
  }

  static final class CompareFn extends DoFn<KV<String, CoGbkResult>, Row> {
    private final String previousRunId;

    CompareFn(String previousRunId) {
      this.previousRunId = previousRunId;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> bucket, OutputReceiver<Row> out) {
      List<RunChanges.Facts> before = new ArrayList<>();
      bucket.getValue().getAll(PREVIOUS).forEach(before::add);
      List<RunChanges.Facts> now = new ArrayList<>();
      bucket.getValue().getAll(CURRENT).forEach(now::add);
      RunChanges.rows(before, now, previousRunId).forEach(out::output);
    }
  }
}
