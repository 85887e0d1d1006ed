package nl.kamervragen.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.kamervragen.dedup.Candidate;
import nl.kamervragen.dedup.DuplicateResolver;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Keeps one bundle per case number. Only a few fields of each document are shuffled to decide
 * (never the texts); the files set aside reach the documents as a side input, which is small
 * because duplicates are rare. Output {@link #KEPT}: the bundles kept; {@link #DUPLICATES}: one
 * {@code duplicates} row per file set aside, saying which copy was kept and why.
 */
public final class RemoveDuplicates extends PTransform<PCollection<Row>, PCollectionTuple> {

  public static final TupleTag<Row> KEPT = new TupleTag<>() {};
  public static final TupleTag<Row> DUPLICATES = new TupleTag<>() {};

  /**
   * Case numbers are spread over this many groups; each group is decided in memory. A fixed
   * number keeps the key count small, which the DirectRunner needs (one bundle per key).
   */
  static final int SHARDS = 16;

  static final Schema CANDIDATE =
      Schema.builder()
          .addStringField("id")
          .addStringField("source_file")
          .addStringField("content_sha256")
          .addBooleanField("truncated")
          .addBooleanField("answered")
          .addInt32Field("answered_questions")
          .addInt32Field("questions")
          .addInt32Field("warnings")
          .build();

  @Override
  public PCollectionTuple expand(PCollection<Row> bundles) {
    PCollection<Row> duplicates =
        bundles
            .apply(
                "Key candidates by shard",
                MapElements.into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.rows()))
                    .via(bundle -> KV.of(Math.floorMod(DocumentBundle.id(bundle).hashCode(), SHARDS), candidateRow(bundle))))
            .setCoder(KvCoder.of(VarIntCoder.of(), RowCoder.of(CANDIDATE)))
            .apply("Group candidates", GroupByKey.create())
            .apply("Decide between copies", ParDo.of(new ResolveShardFn()))
            .setRowSchema(Tables.DUPLICATES.beamSchema());

    PCollectionView<Map<String, String>> setAside =
        duplicates
            .apply(
                "Index files set aside",
                MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                    .via(row -> KV.of(row.getString("duplicate_file"), row.getString("id"))))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
            .apply("View files set aside", View.asMap());

    PCollection<Row> kept =
        bundles
            .apply("Drop copies set aside", ParDo.of(new DropSetAsideFn(setAside)).withSideInputs(setAside))
            .setRowSchema(DocumentBundle.SCHEMA);

    return PCollectionTuple.of(KEPT, kept).and(DUPLICATES, duplicates);
  }

  private static Row candidateRow(Row bundle) {
    Row doc = DocumentBundle.document(bundle);
    return Row.withSchema(CANDIDATE)
        .addValues(
            doc.getString("id"),
            doc.getString("source_file"),
            DocumentBundle.contentSha256(bundle),
            doc.getBoolean("truncated"),
            "answered".equals(doc.getString("status")),
            doc.getInt32("answered_questions"),
            doc.getInt32("questions"),
            doc.getInt32("warning_count"))
        .build();
  }

  private static Candidate candidate(Row row) {
    return new Candidate(
        row.getString("id"),
        row.getString("source_file"),
        row.getString("content_sha256"),
        row.getBoolean("truncated"),
        row.getBoolean("answered"),
        row.getInt32("answered_questions"),
        row.getInt32("questions"),
        row.getInt32("warnings"));
  }

  /** Decides, within one shard, between the copies of each case number. */
  static final class ResolveShardFn extends DoFn<KV<Integer, Iterable<Row>>, Row> {
    private final Counter duplicates = PipelineMetrics.counter(PipelineMetrics.DUPLICATES);

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Row>> shard, OutputReceiver<Row> out) {
      Map<String, List<Candidate>> byId = new HashMap<>();
      for (Row row : shard.getValue()) {
        byId.computeIfAbsent(row.getString("id"), id -> new ArrayList<>()).add(candidate(row));
      }
      for (List<Candidate> copies : byId.values()) {
        if (copies.size() < 2) {
          continue;
        }
        for (DuplicateResolver.Decision d : DuplicateResolver.resolve(copies)) {
          duplicates.inc();
          out.output(
              Tables.DUPLICATES
                  .row()
                  .withFieldValue("id", d.id())
                  .withFieldValue("kept_file", d.keptFile())
                  .withFieldValue("duplicate_file", d.duplicateFile())
                  .withFieldValue("reason", d.reason())
                  .build());
        }
      }
    }
  }

  /** Passes every bundle whose file was not set aside. */
  static final class DropSetAsideFn extends DoFn<Row, Row> {
    private final PCollectionView<Map<String, String>> setAside;
    private final Counter kept = PipelineMetrics.counter(PipelineMetrics.DOCUMENTS_KEPT);

    DropSetAsideFn(PCollectionView<Map<String, String>> setAside) {
      this.setAside = setAside;
    }

    @ProcessElement
    public void process(@Element Row bundle, OutputReceiver<Row> out, ProcessContext context) {
      if (!context.sideInput(setAside).containsKey(DocumentBundle.sourceFile(bundle))) {
        kept.inc();
        out.output(bundle);
      }
    }
  }
}
