package nl.kamervragen.pipeline;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.kamervragen.core.ChunkedBytes;
import nl.kamervragen.core.DocumentIntake;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.Tables;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * The rows of the staged tables ({@link #TABLES}), written where the entries are read, so that they
 * never cross a shuffle: only what choosing among copies and the statistics need does.
 *
 * <p>A worker collects the rows of the entries it reads in memory, per table and bucket, and writes
 * them out as one <em>run</em> file per table when they pass its memory budget and when its bundle
 * ends. A document's rows go to its case-number bucket (its {@code overdue} row to the band of its
 * days overdue); an entry's {@code input_files} row to its file-name bucket. A run holds its
 * buckets in bucket order; within a bucket, each entry's rows (in the table's order) after the
 * entry's copy number and key (the case number, or for {@code input_files} the file). Whether a
 * copy is kept is decided later, in its bucket ({@link RemoveDuplicates}); the writer ({@link
 * RunMerge}) reads every run of a table side by side, bucket by bucket, skips the copies set aside
 * (in the tables that follow the kept copies, {@link #followsCopies}), and puts a bucket's entries
 * in key order (the rows of a days band in the table's order).
 *
 * <p>A copy is named {@code <run id>/<copy number>}. A run id is random, so a retried bundle writes
 * runs of its own and the runs of the failed attempt are never named downstream; they go with the
 * staging folder.
 *
 * <p>Layout of a run file (Avro binary encoding): per bucket, the bucket (string) and its number of
 * entries (int); per entry, its copy number (int), key (string), number of rows (int), number of
 * bytes (int), and then its rows as Avro datums of the table's schema.
 */
final class DocumentRuns {

  /**
   * The tables staged here: every table of the kept documents (documents and the detail tables,
   * sorted by case number, and overdue, by days overdue) and {@code input_files}, a row for every
   * entry read.
   */
  static final List<TableDefinition> TABLES = Stream.concat(ParsedDocument.TABLES.stream(), Stream.of(Tables.INPUT_FILES)).toList();

  /** Whether a table's staged rows are those of every copy read, of which the writer keeps the kept copies' only. */
  static boolean followsCopies(TableDefinition table) {
    return table.source() == TableDefinition.Source.DOCUMENT;
  }

  private DocumentRuns() {}

  /**
   * The memory a worker's rows may take before they are written out: a sixteenth of its heap (two
   * workers at -Xmx2g: 128 MB each), at most 256 MB and at least 8 MB.
   */
  static long budgetBytes() {
    return Math.max(8L << 20, Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 16));
  }

  /** The name of a copy staged in a run, as the set-aside copies are named. */
  static String copyName(String runId, int copy) {
    return runId + "/" + copy;
  }

  /** The rows of one bundle's entries not yet written out. Not thread-safe: one per worker thread. */
  static final class Buffer {
    private final Staging staging;
    private final long budgetBytes;
    private final List<TableDefinition> tables = TABLES;
    private final Map<TableDefinition, Integer> tableIndex = new HashMap<>();
    private final int inputFiles;
    private final List<GenericDatumWriter<GenericRecord>> writers = new ArrayList<>();
    private final List<List<Row>> entryRows = new ArrayList<>();
    /** Per bucket, its entries in each staged table (by the table's index); one lookup a bucket an entry. */
    private final Map<String, Bucket[]> buckets = new HashMap<>();
    private final ByteArrayOutputStream datums = new ByteArrayOutputStream();
    /**
     * The buckets' chunks, used again run after run: a worker's buffer fills and is written out
     * dozens of times over a large archive. New arrays for every run were garbage to copy and free
     * (a million documents on Flink embedded: 290.8 s, against 214.5 s with arrays kept), and a
     * bucket's growing array passed half a heap region, so that each new one started a G1 cycle
     * (137 of them at a million documents with -Xmx2g, none in chunks). Waiting chunks are kept up to
     * the budget, beside the chunks that hold rows.
     */
    private final ChunkedBytes.Pool chunks;
    // Buffered: a direct encoder writes a varint byte by byte, each a synchronized call.
    private BinaryEncoder encoder;
    private String runId;
    private int copies;
    private long bytes;

    Buffer(Staging staging, long budgetBytes) {
      this.staging = staging;
      this.budgetBytes = budgetBytes;
      this.chunks = new ChunkedBytes.Pool(budgetBytes);
      for (TableDefinition table : tables) {
        boolean byDocument = followsCopies(table) && (table.bucketing() == TableDefinition.Bucketing.BY_CASE_NUMBER_PREFIX
            || table.bucketing() == TableDefinition.Bucketing.BY_DESCENDING_DAYS_BAND);
        if (!byDocument && table != Tables.INPUT_FILES) {
          throw new IllegalArgumentException(table + " is neither a document table bucketed by case number or days band nor input_files:"
              + " its rows cannot be staged per entry");
        }
        tableIndex.put(table, writers.size());
        writers.add(new GenericDatumWriter<>(table.avroSchema()));
        entryRows.add(new ArrayList<>());
      }
      inputFiles = tableIndex.get(Tables.INPUT_FILES);
    }

    /**
     * Adds an entry's rows: its {@code input_files} row, and the rows its document, if it was
     * parsed, gives to the staged tables.
     *
     * @return the name of this copy ({@link #copyName}); null for an entry without a document
     */
    String add(DocumentIntake.Outcome outcome) throws IOException {
      if (runId == null) {
        runId = UUID.randomUUID().toString();
        copies = 0;
      }
      int copy = copies++;
      entryRows.forEach(List::clear);
      entryRows.get(inputFiles).add(outcome.inventory());
      String file = outcome.inventory().getString("source_file");
      Bucket[] fileBucket = bucket(Tables.INPUT_FILES.bucketOfKey(file));
      if (outcome.document().isEmpty()) {
        stage(inputFiles, fileBucket, copy, file);
        return null;
      }
      Row parsed = outcome.document().get();
      String id = ParsedDocument.id(parsed);
      ParsedDocument.forEachTableRow(parsed, (table, row) -> {
        Integer index = tableIndex.get(table);
        if (index != null) {
          entryRows.get(index).add(row);
        }
      });
      // Every document table staged by case number is bucketed by the same prefix of it (checked above).
      Bucket[] caseBucket = bucket(Tables.DOCUMENTS.bucketOfKey(id));
      for (int t = 0; t < tables.size(); t++) {
        if (t == inputFiles) {
          stage(t, fileBucket, copy, file);
        } else if (tables.get(t).bucketing() == TableDefinition.Bucketing.BY_CASE_NUMBER_PREFIX) {
          stage(t, caseBucket, copy, id);
        } else if (!entryRows.get(t).isEmpty()) {
          // By days band: a document has one such row (overdue), in the band of its days.
          stage(t, bucket(tables.get(t).bucketOf(entryRows.get(t).get(0))), copy, id);
        }
      }
      return copyName(runId, copy);
    }

    private Bucket[] bucket(String key) {
      return buckets.computeIfAbsent(key, b -> new Bucket[tables.size()]);
    }

    /** Appends an entry's rows of table {@code t} (if it has any) to their bucket. */
    private void stage(int t, Bucket[] bucket, int copy, String key) throws IOException {
      List<Row> rows = entryRows.get(t);
      if (rows.isEmpty()) {
        return;
      }
      datums.reset();
      encoder = EncoderFactory.get().binaryEncoder(datums, encoder);
      for (Row row : rows) {
        writers.get(t).write(tables.get(t).toAvro(row), encoder);
      }
      encoder.flush();
      if (bucket[t] == null) {
        bucket[t] = new Bucket(chunks);
      }
      Bucket table = bucket[t];
      long before = table.bytes.size();
      encoder = EncoderFactory.get().binaryEncoder(table.bytes, encoder);
      encoder.writeInt(copy);
      encoder.writeString(key);
      encoder.writeInt(rows.size());
      encoder.writeInt(datums.size());
      encoder.flush();
      datums.writeTo(table.bytes);
      table.entries++;
      table.rows += rows.size();
      bytes += table.bytes.size() - before;
    }

    /** Drops the rows held, unwritten: what a failed bundle left. */
    void clear() {
      releaseBuckets();
      runId = null;
      bytes = 0;
    }

    /** Whether the rows held pass the memory budget, and should be written out. */
    boolean full() {
      return bytes >= budgetBytes;
    }

    /**
     * Writes the rows held as one run per table, and empties the buffer.
     *
     * @return the runs written, as parts keyed by table name ({@link PartFiles#PART})
     */
    List<KV<String, Row>> flush() throws IOException {
      List<String> inOrder = new ArrayList<>(buckets.keySet());
      Collections.sort(inOrder);
      List<KV<String, Row>> runs = new ArrayList<>();
      for (int t = 0; t < tables.size(); t++) {
        String first = null;
        long rows = 0;
        for (String key : inOrder) {
          Bucket table = buckets.get(key)[t];
          if (table != null && table.entries > 0) {
            first = first == null ? key : first;
            rows += table.rows;
          }
        }
        if (first == null) {
          continue;
        }
        ResourceId file = PartFiles.folderOf(staging, tables.get(t)).resolve(runId + ".run", StandardResolveOptions.RESOLVE_FILE);
        try (OutputStream out = new BufferedOutputStream(Channels.newOutputStream(staging.create(file, MimeTypes.BINARY)), 1 << 16)) {
          BinaryEncoder header = EncoderFactory.get().directBinaryEncoder(out, null);
          for (String key : inOrder) {
            Bucket table = buckets.get(key)[t];
            if (table != null && table.entries > 0) {
              header.writeString(key);
              header.writeInt(table.entries);
              table.bytes.writeTo(out);
            }
          }
        }
        runs.add(KV.of(tables.get(t).name(), PartFiles.run(first, file, rows, runId)));
      }
      releaseBuckets();
      runId = null;
      bytes = 0;
      return runs;
    }

    /** The bytes the buffer's chunks take: held rows, spare room and the chunks waiting to be used again. */
    long heldBytes() {
      long held = chunks.bytes();
      for (Bucket[] bucket : buckets.values()) {
        for (Bucket table : bucket) {
          held += table == null ? 0 : table.bytes.capacity();
        }
      }
      return held;
    }

    /** Gives every bucket's chunks back to the pool, which keeps up to the budget of them for the next run. */
    private void releaseBuckets() {
      for (Bucket[] bucket : buckets.values()) {
        for (Bucket table : bucket) {
          if (table != null) {
            table.bytes.release();
          }
        }
      }
      buckets.clear();
    }
  }

  /** The entries of one bucket of one table in a buffer, in chunks of the buffer's pool. */
  private static final class Bucket {
    final ChunkedBytes bytes;
    int entries;
    long rows;

    Bucket(ChunkedBytes.Pool chunks) {
      bytes = new ChunkedBytes(chunks);
    }
  }
}
