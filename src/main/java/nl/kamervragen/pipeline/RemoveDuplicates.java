package nl.kamervragen.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.kamervragen.core.DuplicateResolver;
import nl.kamervragen.core.KeptCopies;
import nl.kamervragen.core.RunChanges;
import nl.kamervragen.core.SummaryMeasures;
import nl.kamervragen.person.NameCensus;
import nl.kamervragen.stats.StatsDocument;
import nl.kamervragen.stats.StatsDocumentEncoding;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Groups the read entries (in encoded batches, {@link EncodedDocuments}) by bucket: for a parsed
 * document the first seven characters of the case number (every copy of a case number is in the
 * same one). Per
 * bucket it passes on each reject, counts the names of every copy, keeps one copy of each case
 * number, names the copies set aside (their rows, staged where they were read ({@link
 * DocumentRuns}), are left out when the tables are written) and emits what the statistics need of
 * each kept document. The parts of the staged runs pass through. People
 * carry the keys of their own names here; the few that the archive's names join to another person
 * are re-keyed downstream ({@link ComputeStatistics}, {@link WriteTables}), where a side input does
 * not cost Flink the chaining of this step to its grouping (a step with a side input is not
 * chained, and every grouped bucket would be serialized once more).
 *
 * <p>Outputs: {@link #REJECTS} (every reject; the {@code input_files} rows were staged at read),
 * {@link #NAMES} (the names of every parsed copy, per bucket, for {@link ResolvePersonKeys}),
 * {@link #PARTS} (the staged runs, for {@link WriteTables#STAGED_PARTS}), {@link #SET_ASIDE} (the
 * copies whose staged rows are left out), {@link #DUPLICATES} ({@code duplicates} rows: which copy
 * was kept and why), {@link #STATISTICS} (a batch per bucket, taken apart and aggregated
 * by {@link ComputeStatistics}), {@link #MEASURES} (for the run
 * summary) and, in a run that compares with a previous one, {@link #FACTS} (for {@link
 * CompareWithPreviousRun}).
 */
public final class RemoveDuplicates extends PTransform<PCollection<KV<String, byte[]>>, PCollectionTuple> {

  public static final TupleTag<Row> REJECTS = TableTags.of(Tables.REJECTS);
  /**
   * The names of every parsed copy, one census per bucket ({@link NameCensusCoder}), for {@link
   * ResolvePersonKeys}. Encoded here, once: on Flink every output of this step goes to each of its
   * consumers, and the bytes are copied there while a census would be encoded again for each and
   * decoded by each.
   */
  public static final TupleTag<byte[]> NAMES = new TupleTag<>() {};
  public static final TupleTag<KV<String, Row>> PARTS = new TupleTag<>() {};
  /** The copies set aside, by the name their rows were staged under ({@link DocumentRuns#copyName}). */
  public static final TupleTag<String> SET_ASIDE = new TupleTag<>() {};
  public static final TupleTag<Row> DUPLICATES = TableTags.of(Tables.DUPLICATES);
  /**
   * What the statistics need of the kept documents, one batch per bucket ({@link
   * StatsDocumentEncoding#batch}), for {@link ComputeStatistics} to take apart.
   */
  public static final TupleTag<byte[]> STATISTICS = new TupleTag<>() {};
  /**
   * The run summary's counts of this step, as (measure, n) per bucket: the documents received
   * ({@code documents_parsed}, duplicates included), the {@code rejected} entries, the {@code
   * duplicates} set aside and the {@code conflicts} among them; a count of 0 is not output. Counted
   * here, not from the outputs they count: on Flink a second consumer of an output is a task set of
   * its own, and the documents would be copied again.
   */
  public static final TupleTag<KV<String, Long>> MEASURES = new TupleTag<>() {};

  /**
   * What comparing with the previous run needs of each kept document, by bucket, for {@link
   * CompareWithPreviousRun}; output only {@link #RemoveDuplicates(boolean) when asked for}.
   */
  public static final TupleTag<KV<String, RunChanges.Facts>> FACTS = new TupleTag<>() {};

  private final boolean withFacts;

  /**
   * @param withFacts whether to output {@link #FACTS}: only a run with a previous one to compare
   *     with needs them, and every output of this step costs Flink a copy of all its outputs
   */
  public RemoveDuplicates(boolean withFacts) {
    this.withFacts = withFacts;
  }

  /**
   * The output with an element per document (the facts) leaves the step as one batch per bucket
   * ({@link BatchedOutputs}); the others have an element per bucket, or are rare.
   */
  private BatchedOutputs batches() {
    BatchedOutputs batches = new BatchedOutputs();
    if (withFacts) {
      batches.with("facts", FACTS, KvCoder.of(StringUtf8Coder.of(), FactsCoder.of()));
    }
    return batches;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, byte[]>> documents) {
    BatchedOutputs batches = batches();
    TupleTagList tags = TupleTagList.of(DUPLICATES).and(SET_ASIDE).and(MEASURES).and(REJECTS).and(NAMES).and(STATISTICS)
        .and(batches.batchTags().getAll());
    PCollectionTuple staged =
        documents
            .apply("Group by bucket", GroupByKey.create())
            .apply("Keep one copy", ParDo.of(new KeepOneCopyFn(batches, withFacts)).withOutputTags(PARTS, tags));
    staged.get(PARTS).setCoder(KvCoder.of(StringUtf8Coder.of(), RowCoder.of(PartFiles.PART)));
    staged.get(DUPLICATES).setRowSchema(Tables.DUPLICATES.beamSchema());
    staged.get(SET_ASIDE).setCoder(StringUtf8Coder.of());
    staged.get(MEASURES).setCoder(SummarizeRun.MEASURE_CODER);
    staged.get(REJECTS).setRowSchema(Tables.REJECTS.beamSchema());
    staged.get(NAMES).setCoder(ByteArrayCoder.of());
    staged.get(STATISTICS).setCoder(ByteArrayCoder.of());
    return batches.unbatch(staged);
  }

  /** Thin: the rule is {@link KeptCopies#resolve}; the rows were staged where the documents were read ({@link DocumentRuns}). */
  static final class KeepOneCopyFn extends DoFn<KV<String, Iterable<byte[]>>, KV<String, Row>> {
    private final BatchedOutputs batches;
    private final boolean withFacts;
    private final Counter keptCounter = PipelineMetrics.counter(PipelineMetrics.DOCUMENTS_KEPT);
    private final Counter duplicatesCounter = PipelineMetrics.counter(PipelineMetrics.DUPLICATES);
    private transient EncodedDocuments encoding;

    KeepOneCopyFn(BatchedOutputs batches, boolean withFacts) {
      this.batches = batches;
      this.withFacts = withFacts;
    }

    @Setup
    public void setup() {
      encoding = new EncodedDocuments();
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<byte[]>> bucket, MultiOutputReceiver out) throws IOException {
      if (bucket.getKey().equals(EncodedDocuments.RUNS_KEY)) {
        for (byte[] run : bucket.getValue()) {
          out.get(PARTS).output(EncodedDocuments.decodeRun(run));
        }
        return;
      }
      List<EncodedDocuments.Decoded> documents = new ArrayList<>();
      NameCensus names = new NameCensus();
      BatchedOutputs.Collector batched = batches.collector();
      long rejects = 0;
      for (byte[] batch : bucket.getValue()) {
        for (EncodedDocuments.Entry entry : encoding.decode(batch)) {
          if (entry.reject().isPresent()) {
            out.get(REJECTS).output(entry.reject().get());
            rejects++;
          }
          entry.document().ifPresent(document -> {
            documents.add(document);
            document.stats().addNamesTo(names); // every copy's, as the archive's names
          });
        }
      }
      if (!documents.isEmpty()) {
        out.get(NAMES).output(NameCensusCoder.toBytes(names));
      }
      KeptCopies.Resolved<EncodedDocuments.Decoded> resolved = KeptCopies.resolve(documents, EncodedDocuments.Decoded::candidate);
      List<StatsDocument> statistics = new ArrayList<>(resolved.kept().size());
      for (EncodedDocuments.Decoded document : resolved.kept()) {
        statistics.add(document.stats());
        if (withFacts) {
          batched.add(FACTS, KV.of(bucket.getKey(), document.facts()));
        }
      }
      if (!statistics.isEmpty()) {
        out.get(STATISTICS).output(StatsDocumentEncoding.batch(statistics));
      }
      batched.emit(out);
      if (!resolved.decisions().isEmpty()) {
        Map<String, String> stagedAs = new HashMap<>();
        documents.forEach(document -> stagedAs.put(document.candidate().sourceFile(), document.stagedAs()));
        for (DuplicateResolver.Decision decision : resolved.decisions()) {
          out.get(DUPLICATES).output(KeptCopies.duplicateRow(decision));
          out.get(SET_ASIDE).output(stagedAs.get(decision.duplicateFile()));
        }
      }
      keptCounter.inc(resolved.kept().size());
      duplicatesCounter.inc(resolved.decisions().size());
      long conflicts = resolved.decisions().stream().filter(DuplicateResolver.Decision::conflict).count();
      measure(out, SummaryMeasures.DOCUMENTS_PARSED, documents.size());
      measure(out, SummaryMeasures.REJECTED, rejects);
      measure(out, SummaryMeasures.DUPLICATES, resolved.decisions().size());
      measure(out, SummaryMeasures.CONFLICTS, conflicts);
    }

    private static void measure(MultiOutputReceiver out, String measure, long count) {
      if (count > 0) {
        out.get(MEASURES).output(KV.of(measure, count));
      }
    }
  }
}
