package nl.kamervragen.pipeline;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * The rows of the staged tables ({@link StageDocuments#STAGED}), written where the documents are
 * parsed, so that the full documents never cross a shuffle: only what choosing among copies and the
 * statistics need does.
 *
 * <p>A worker collects the rows of the documents it parses in memory, per table and case-number
 * bucket, and writes them out as one <em>run</em> file per table when they pass its memory budget
 * and when its bundle ends. A run holds its buckets in bucket order; within a bucket, each document's
 * rows (in the table's order) after the document's copy number and case number. Whether a copy is
 * kept is decided later, in its bucket ({@link StageDocuments}); the writer ({@link RunMerge})
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
    private final Map<TableDefinition, GenericDatumWriter<GenericRecord>> writers = new LinkedHashMap<>();
    private final Map<TableDefinition, TreeMap<String, Bucket>> tables = new LinkedHashMap<>();
    private final Map<TableDefinition, List<Row>> documentRows = new LinkedHashMap<>();
    private final ByteArrayOutputStream datums = new ByteArrayOutputStream();
    private BinaryEncoder encoder;
    private String runId;
    private int copies;
    private long bytes;

    Buffer(Staging staging, long budgetBytes) {
      this.staging = staging;
      this.budgetBytes = budgetBytes;
      for (TableDefinition table : StageDocuments.STAGED) {
        writers.put(table, new GenericDatumWriter<>(table.avroSchema()));
        tables.put(table, new TreeMap<>());
        documentRows.put(table, new ArrayList<>());
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
      documentRows.values().forEach(List::clear);
      ParsedDocument.forEachTableRow(parsed, (table, row) -> {
        List<Row> rows = documentRows.get(table);
        if (rows != null) {
          rows.add(row);
        }
      });
      for (Map.Entry<TableDefinition, List<Row>> table : documentRows.entrySet()) {
        List<Row> rows = table.getValue();
        if (rows.isEmpty()) {
          continue;
        }
        datums.reset();
        encoder = EncoderFactory.get().directBinaryEncoder(datums, encoder);
        GenericDatumWriter<GenericRecord> writer = writers.get(table.getKey());
        for (Row row : rows) {
          writer.write(table.getKey().toAvro(row), encoder);
        }
        Bucket bucket = tables.get(table.getKey()).computeIfAbsent(table.getKey().bucketOfKey(id), b -> new Bucket());
        long before = bucket.bytes.size();
        encoder = EncoderFactory.get().directBinaryEncoder(bucket.bytes, encoder);
        encoder.writeInt(copy);
        encoder.writeString(id);
        encoder.writeInt(rows.size());
        encoder.writeInt(datums.size());
        datums.writeTo(bucket.bytes);
        bucket.documents++;
        bucket.rows += rows.size();
        bytes += bucket.bytes.size() - before;
      }
      return copyName(runId, copy);
    }

    /** Drops the rows held, unwritten: what a failed bundle left. */
    void clear() {
      tables.values().forEach(buckets -> buckets.values().forEach(Bucket::reset));
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
      List<KV<String, Row>> runs = new ArrayList<>();
      for (Map.Entry<TableDefinition, TreeMap<String, Bucket>> table : tables.entrySet()) {
        String first = null;
        long rows = 0;
        for (Map.Entry<String, Bucket> bucket : table.getValue().entrySet()) {
          if (bucket.getValue().documents > 0) {
            first = first == null ? bucket.getKey() : first;
            rows += bucket.getValue().rows;
          }
        }
        if (first == null) {
          continue;
        }
        ResourceId file = PartFiles.folderOf(staging, table.getKey()).resolve(runId + ".run", StandardResolveOptions.RESOLVE_FILE);
        try (OutputStream out = new BufferedOutputStream(Channels.newOutputStream(staging.create(file, MimeTypes.BINARY)), 1 << 16)) {
          BinaryEncoder header = EncoderFactory.get().directBinaryEncoder(out, null);
          for (Map.Entry<String, Bucket> bucket : table.getValue().entrySet()) {
            if (bucket.getValue().documents > 0) {
              header.writeString(bucket.getKey());
              header.writeInt(bucket.getValue().documents);
              bucket.getValue().bytes.writeTo(out);
              bucket.getValue().reset();
            }
          }
        }
        runs.add(KV.of(table.getKey().name(), PartFiles.run(first, file, rows, runId)));
      }
      runId = null;
      bytes = 0;
      return runs;
    }
  }

  /**
   * The documents of one bucket of one table in a buffer. Emptied, not dropped, when written out:
   * its array lives as long as the worker, instead of a new one for every run that the garbage
   * collector must copy and free again.
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
