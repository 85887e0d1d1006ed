package nl.kamervragen.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kamervragen.core.Candidate;
import nl.kamervragen.core.DocumentIntake;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.core.RunChanges;
import nl.kamervragen.stats.StatsDocument;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.xerial.snappy.Snappy;

/**
 * What reading the input entries gave, as it crosses the shuffle to their buckets, in one batch per
 * bucket and chunk of the listing: of each entry its {@code rejects} row if it was rejected, or
 * else its parsed document (its {@code input_files} row is staged where it was read, {@link
 * DocumentRuns}). A document is keyed by its case-number bucket and encoded once, where it is
 * parsed, into what the next step needs: the copy's {@link Candidate} (to choose among copies), the
 * name its rows were staged under ({@link DocumentRuns}), its {@link StatsDocument} and its
 * postponements (with the candidate and the statistics, its facts for comparing with the previous
 * run). Its rows are all staged where it was read: the duplicates step never sees a row. A reject
 * goes to one of {@link #ENTRY_BUCKETS} buckets of its own, by its file's name. The same stream
 * carries the parts of the runs the read step staged, under {@link #RUNS_KEY} ({@link #keyedRun}).
 *
 * <p>One stream of opaque bytes is also what runners move cheaply: Flink does not chain a
 * multi-output step to its consumers (it writes one stream of all outputs, and each output reads
 * all of it again), and the DirectRunner clones a key's whole grouped bag each time an input bundle
 * adds to it. The files of a chunk of the listing are mostly of one bucket (files are named after
 * their case numbers, and listed in order), so a batch holds many entries, and is compressed with
 * Snappy ({@link EntryBuffer}) as a whole: what entries share (names, parties, topics, the run
 * their rows were staged in) is stored about once per batch, and Flink sorts a few elements per
 * chunk instead of one per file.
 *
 * <p>Not thread-safe (one per worker thread): it reuses its buffers.
 */
final class EncodedDocuments {

  static final KvCoder<String, byte[]> CODER = KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of());

  private static final StringUtf8Coder TEXT = StringUtf8Coder.of();
  private static final VarIntCoder INT = VarIntCoder.of();
  private static final BooleanCoder BOOLEAN = BooleanCoder.of();
  private static final RowCoder REJECT = RowCoder.of(Tables.REJECTS.beamSchema());

  /** How many buckets the rejects are spread over (their keys start with '!', before any case number). */
  static final int ENTRY_BUCKETS = 64;

  /** The key of the staged runs' parts in the stream; no case number or entry bucket starts with '#'. */
  static final String RUNS_KEY = "#runs";

  private static final KvCoder<String, Row> RUN_PART = KvCoder.of(StringUtf8Coder.of(), RowCoder.of(PartFiles.PART));

  /** An entry as the duplicates step reads it: its reject or its document. */
  record Entry(Optional<Row> reject, Optional<Decoded> document) {}

  /**
   * A document as the duplicates step reads it.
   *
   * @param stagedAs the name its rows of the staged tables were staged under ({@link DocumentRuns#copyName})
   */
  record Decoded(Candidate candidate, String stagedAs, StatsDocument stats, RunChanges.Facts facts) {}

  /** The batches being filled, by bucket, in the order their first entries came. */
  private final Map<String, EntryBuffer> batches = new LinkedHashMap<>();
  /** Where a batch is compressed, one for every batch: it grows to the largest. */
  private byte[] compressed = new byte[0];
  /** Emptied buffers, reused for the next chunk's batches. */
  private final ArrayDeque<EntryBuffer> spare = new ArrayDeque<>();

  /** A staged run's part, keyed by table name, as it goes into the stream under {@link #RUNS_KEY}. */
  static KV<String, byte[]> keyedRun(KV<String, Row> part) throws IOException {
    return KV.of(RUNS_KEY, CoderUtils.encodeToByteArray(RUN_PART, part));
  }

  /** What {@link #keyedRun} encoded. */
  static KV<String, Row> decodeRun(byte[] encoded) throws IOException {
    return CoderUtils.decodeFromByteArray(RUN_PART, encoded);
  }

  /**
   * Adds what reading an entry gave to the batch of its bucket.
   *
   * @param stats what the statistics need of the document, already taken from it; null without one
   * @param stagedAs the name the document's rows were staged under ({@link DocumentRuns.Buffer#add}); null without one
   */
  void add(DocumentIntake.Outcome outcome, StatsDocument stats, String stagedAs) throws IOException {
    if (outcome.document().isEmpty()) {
      Row reject = outcome.reject().orElseThrow(() -> new IllegalArgumentException("an entry without a document has a reject"));
      EntryBuffer out = batch("!" + Math.floorMod(reject.getString("source_file").hashCode(), ENTRY_BUCKETS));
      BOOLEAN.encode(false, out);
      REJECT.encode(reject, out);
      return;
    }
    Row parsed = outcome.document().get();
    EntryBuffer out = batch(Tables.DOCUMENTS.bucketOf(ParsedDocument.document(parsed)));
    BOOLEAN.encode(true, out);
    writeDocument(parsed, stats, stagedAs, out);
  }

  /** The batches of the entries added since the last call, keyed by bucket and compressed; the buffers are emptied. */
  List<KV<String, byte[]>> batches() throws IOException {
    List<KV<String, byte[]>> keyed = new ArrayList<>(batches.size());
    for (Map.Entry<String, EntryBuffer> batch : batches.entrySet()) {
      keyed.add(KV.of(batch.getKey(), compress(batch.getValue())));
    }
    clear();
    return keyed;
  }

  /** Drops the entries added since the last {@link #batches}, unsent: what a failed bundle left. */
  void clear() {
    for (EntryBuffer batch : batches.values()) {
      batch.reset();
      spare.push(batch);
    }
    batches.clear();
  }

  /** A batch's entry count, then its entries compressed. */
  private byte[] compress(EntryBuffer batch) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(5);
    INT.encode(batch.entries, head);
    int bound = head.size() + Snappy.maxCompressedLength(batch.size());
    if (compressed.length < bound) {
      compressed = new byte[Math.max(bound, 2 * compressed.length)];
    }
    System.arraycopy(head.toByteArray(), 0, compressed, 0, head.size());
    int size = Snappy.rawCompress(batch.bytes(), 0, batch.size(), compressed, head.size());
    return Arrays.copyOf(compressed, head.size() + size);
  }


  private EntryBuffer batch(String bucket) {
    EntryBuffer batch = batches.get(bucket);
    if (batch == null) {
      batch = spare.isEmpty() ? new EntryBuffer() : spare.pop();
      batches.put(bucket, batch);
    }
    batch.entries++;
    return batch;
  }

  private void writeDocument(Row parsed, StatsDocument stats, String stagedAs, EntryBuffer out) throws IOException {
    Candidate candidate = ParsedDocument.candidate(parsed);
    TEXT.encode(candidate.id(), out);
    TEXT.encode(candidate.sourceFile(), out);
    TEXT.encode(candidate.contentSha256(), out);
    BOOLEAN.encode(candidate.truncated(), out);
    BOOLEAN.encode(candidate.answered(), out);
    INT.encode(candidate.answeredQuestions(), out);
    INT.encode(candidate.questions(), out);
    INT.encode(candidate.warnings(), out);
    TEXT.encode(stagedAs, out);
    StatsDocumentCoder.of().encode(stats, out);
    // The rest of the facts for comparing with a previous run are the candidate's and the statistics'.
    INT.encode(ParsedDocument.document(parsed).getInt32("postponements"), out);
  }

  /** The entries of a batch that {@link #batches} made, in the order they were added. */
  List<Entry> decode(byte[] batch) throws IOException {
    ByteArrayInputStream head = new ByteArrayInputStream(batch);
    int count = INT.decode(head);
    int offset = batch.length - head.available();
    byte[] encoded = new byte[Snappy.uncompressedLength(batch, offset, batch.length - offset)];
    Snappy.uncompress(batch, offset, batch.length - offset, encoded, 0);
    ByteArrayInputStream in = new ByteArrayInputStream(encoded);
    List<Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      entries.add(BOOLEAN.decode(in)
          ? new Entry(Optional.empty(), Optional.of(readDocument(in)))
          : new Entry(Optional.of(REJECT.decode(in)), Optional.empty()));
    }
    return entries;
  }

  private Decoded readDocument(ByteArrayInputStream in) throws IOException {
    Candidate candidate = new Candidate(TEXT.decode(in), TEXT.decode(in), TEXT.decode(in), BOOLEAN.decode(in), BOOLEAN.decode(in),
        INT.decode(in), INT.decode(in), INT.decode(in));
    String stagedAs = TEXT.decode(in);
    StatsDocument stats = StatsDocumentCoder.of().decode(in);
    return new Decoded(candidate, stagedAs, stats, RunChanges.Facts.of(candidate, stats.overdue(), INT.decode(in)));
  }

  /**
   * The buffer a batch is encoded into, compressed with Snappy as it leaves (about 600 MB/s): on
   * Flink every byte of it is serialized, sorted, spilled and read back in the shuffle. Buffers are
   * reused from batch to batch, so that they do not grow by copying for each.
   */
  private static final class EntryBuffer extends ByteArrayOutputStream {
    /** Entries in the batch; written ahead of them, uncompressed. */
    int entries;

    EntryBuffer() {
      super(1 << 13);
    }

    @Override
    public synchronized void reset() {
      super.reset();
      entries = 0;
    }

    /** The bytes written so far, in the first {@link #size} places. */
    byte[] bytes() {
      return buf;
    }
  }
}
