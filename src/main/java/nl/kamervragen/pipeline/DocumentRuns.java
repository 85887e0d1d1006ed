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
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.table.TableDefinition;
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
 * The rows of the staged tables ({@link #TABLES}), written where the documents are
 * parsed, so that the full documents never cross a shuffle: only what choosing among copies and the
 * statistics need does.
 *
 * <p>A worker collects the rows of the documents it parses in memory, per table and case-number
 * bucket, and writes them out as one <em>run</em> file per table when they pass its memory budget
 * and when its bundle ends. A run holds its buckets in bucket order; within a bucket, each document's
 * rows (in the table's order) after the document's copy number and case number. Whether a copy is
 * kept is decided later, in its bucket ({@link RemoveDuplicates}); the writer ({@link RunMerge})
 * reads every run of a table side by side, bucket by bucket, skips the copies set aside, and puts a
 * bucket's documents in case-number order.
 *
 * <p>A copy is named {@code <run id>/<copy number>}. A run id is random, so a retried bundle writes
 * runs of its own and the runs of the failed attempt are never named downstream; they go with the
 * staging folder.
 *
 * <p>Layout of a run file (Avro binary encoding): per bucket, the bucket (string) and its number of
 * documents (int); per document, its copy number (int), case number (string), number of rows (int),
 * number of bytes (int), and then its rows as Avro datums of the table's schema.
 */
final class DocumentRuns {

  /**
   * The tables staged here: those of the kept documents that are sorted by case number (documents
   * and every detail table).
   */
  static final List<TableDefinition> TABLES = ParsedDocument.TABLES.stream()
      .filter(table -> table.bucketing() == TableDefinition.Bucketing.BY_CASE_NUMBER_PREFIX).toList();

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

  /** The rows of one bundle's documents not yet written out. Not thread-safe: one per worker thread. */
  static final class Buffer {
    private final Staging staging;
    private final long budgetBytes;
    private final List<TableDefinition> tables = TABLES;
    private final Map<TableDefinition, Integer> tableIndex = new HashMap<>();
    private final List<GenericDatumWriter<GenericRecord>> writers = new ArrayList<>();
    private final List<List<Row>> documentRows = new ArrayList<>();
    /** Per bucket, its documents in each staged table (by the table's index); one lookup a document. */
    private final Map<String, Bucket[]> buckets = new HashMap<>();
    private final ByteArrayOutputStream datums = new ByteArrayOutputStream();
    // Buffered: a direct encoder writes a varint byte by byte, each a synchronized call.
    private BinaryEncoder encoder;
    private String runId;
    private int copies;
    private long bytes;

    Buffer(Staging staging, long budgetBytes) {
      this.staging = staging;
      this.budgetBytes = budgetBytes;
      for (TableDefinition table : tables) {
        if (table.bucketing() != TableDefinition.Bucketing.BY_CASE_NUMBER_PREFIX) {
          throw new IllegalArgumentException(table + " is not bucketed by case number: its rows cannot be staged per document");
        }
        tableIndex.put(table, writers.size());
        writers.add(new GenericDatumWriter<>(table.avroSchema()));
        documentRows.add(new ArrayList<>());
      }
    }

    /**
     * Adds the rows a parsed document gives to the staged tables.
     *
     * @return the name of this copy ({@link #copyName})
     */
    String add(Row parsed) throws IOException {
      if (runId == null) {
        runId = UUID.randomUUID().toString();
        copies = 0;
      }
      int copy = copies++;
      String id = ParsedDocument.id(parsed);
      documentRows.forEach(List::clear);
      ParsedDocument.forEachTableRow(parsed, (table, row) -> {
        Integer index = tableIndex.get(table);
        if (index != null) {
          documentRows.get(index).add(row);
        }
      });
      // Every staged table is bucketed by the same prefix of the case number (checked above).
      Bucket[] bucket = buckets.computeIfAbsent(tables.get(0).bucketOfKey(id), b -> new Bucket[tables.size()]);
      for (int t = 0; t < tables.size(); t++) {
        List<Row> rows = documentRows.get(t);
        if (rows.isEmpty()) {
          continue;
        }
        datums.reset();
        encoder = EncoderFactory.get().binaryEncoder(datums, encoder);
        for (Row row : rows) {
          writers.get(t).write(tables.get(t).toAvro(row), encoder);
        }
        encoder.flush();
        if (bucket[t] == null) {
          bucket[t] = new Bucket();
        }
        Bucket table = bucket[t];
        long before = table.bytes.size();
        encoder = EncoderFactory.get().binaryEncoder(table.bytes, encoder);
        encoder.writeInt(copy);
        encoder.writeString(id);
        encoder.writeInt(rows.size());
        encoder.writeInt(datums.size());
        encoder.flush();
        datums.writeTo(table.bytes);
        table.documents++;
        table.rows += rows.size();
        bytes += table.bytes.size() - before;
      }
      return copyName(runId, copy);
    }

    /** Drops the rows held, unwritten: what a failed bundle left. */
    void clear() {
      for (Bucket[] bucket : buckets.values()) {
        for (Bucket table : bucket) {
          if (table != null) {
            table.reset();
          }
        }
      }
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
      long kept = 0;
      for (int t = 0; t < tables.size(); t++) {
        String first = null;
        long rows = 0;
        for (String key : inOrder) {
          Bucket table = buckets.get(key)[t];
          if (table != null && table.documents > 0) {
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
            if (table != null && table.documents > 0) {
              header.writeString(key);
              header.writeInt(table.documents);
              table.bytes.writeTo(out);
              // Arrays are kept up to the budget in all (so at most twice it, with their slack):
              // input in bucket order would otherwise leave every bucket an array as large as the budget.
              kept += table.bytes.size();
              if (kept <= budgetBytes) {
                table.reset();
              } else {
                buckets.get(key)[t] = null;
              }
            }
          }
        }
        runs.add(KV.of(tables.get(t).name(), PartFiles.run(first, file, rows, runId)));
      }
      runId = null;
      bytes = 0;
      return runs;
    }
  }

  /**
   * The documents of one bucket of one table in a buffer. Emptied, not dropped, when written out:
   * its array lives as long as the worker, instead of a new one for every run that the garbage
   * collector must copy and free again (a million documents on Flink embedded, one run each: 290.8 s
   * with new arrays, 214.5 s with kept ones).
   */
  private static final class Bucket {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    int documents;
    long rows;

    void reset() {
      bytes.reset();
      documents = 0;
      rows = 0;
    }
  }
}
