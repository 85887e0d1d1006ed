package nl.kamervragen.pipeline;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import nl.kamervragen.table.AvroReaders;
import nl.kamervragen.table.TableDefinition;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.values.Row;

/**
 * Reads every run of a table ({@link DocumentRuns}) side by side, one bucket at a time, and gives
 * the rows of the kept copies in the table's order: a bucket's entries in the order of their keys
 * (case numbers, or for {@code input_files} file names), each one's rows as it was staged; for a
 * table bucketed by days band ({@code overdue}), a bucket's rows sorted by the table's order. Each run
 * is read once, front to back, and opened only when its first bucket comes up, so a bucket is all
 * that is held in memory.
 */
final class RunMerge {

  /** Receives the rows, in the table's order. */
  interface RecordSink {
    void accept(GenericRecord record) throws IOException;
  }

  private final TableDefinition table;
  private final Set<String> setAside;
  private final GenericDatumReader<GenericRecord> reader;
  /** For a table bucketed by days band, its row order: a band's rows are sorted by it, not by case number. */
  private final Comparator<GenericRecord> bandOrder;

  /**
   * @param setAside the copies not kept, by {@link DocumentRuns#copyName}
   */
  RunMerge(TableDefinition table, Set<String> setAside) {
    this.table = table;
    this.setAside = setAside;
    this.reader = AvroReaders.of(table.avroSchema());
    this.bandOrder = table.bucketing() == TableDefinition.Bucketing.BY_DESCENDING_DAYS_BAND ? table.rowOrder() : null;
  }

  /** Streams the kept rows of these runs (parts with a run id) into the sink, in the table's order. */
  void merge(List<Row> runs, RecordSink sink) throws IOException {
    List<Row> unopened = new ArrayList<>(runs);
    unopened.sort(Comparator.comparing((Row run) -> run.getString("bucket")));
    PriorityQueue<Cursor> open = new PriorityQueue<>(Comparator.comparing((Cursor cursor) -> cursor.bucket));
    List<Cursor> opened = new ArrayList<>(); // every run opened, closed at the end even when a read fails
    int next = 0;
    BinaryDecoder rows = null;
    try {
      while (!open.isEmpty() || next < unopened.size()) {
        String bucket = open.isEmpty() ? unopened.get(next).getString("bucket") : open.peek().bucket;
        if (next < unopened.size() && unopened.get(next).getString("bucket").compareTo(bucket) < 0) {
          bucket = unopened.get(next).getString("bucket");
        }
        while (next < unopened.size() && unopened.get(next).getString("bucket").equals(bucket)) {
          Cursor cursor = new Cursor(unopened.get(next++));
          opened.add(cursor);
          if (!cursor.bucket.equals(bucket)) {
            throw new IOException("run " + cursor.file + " starts at bucket " + cursor.bucket + ", its part says " + bucket);
          }
          open.add(cursor);
        }
        List<Document> documents = new ArrayList<>();
        while (!open.isEmpty() && open.peek().bucket.equals(bucket)) {
          Cursor cursor = open.poll();
          cursor.readBucket(documents);
          if (cursor.advance()) {
            open.add(cursor);
          } else {
            cursor.close();
          }
        }
        documents.sort(Comparator.comparing(Document::id));
        List<GenericRecord> band = bandOrder == null ? null : new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
          Document document = documents.get(i);
          if (i > 0 && documents.get(i - 1).id().equals(document.id())) {
            throw new IllegalStateException(table.name() + ": two kept copies of " + document.id() + " (a copy was not set aside)");
          }
          rows = DecoderFactory.get().binaryDecoder(document.rows(), rows);
          for (int r = 0; r < document.count(); r++) {
            GenericRecord record = reader.read(null, rows);
            if (band == null) {
              sink.accept(record);
            } else {
              band.add(record);
            }
          }
        }
        if (band != null) {
          band.sort(bandOrder);
          for (GenericRecord record : band) {
            sink.accept(record);
          }
        }
      }
    } finally {
      for (Cursor cursor : opened) {
        cursor.close();
      }
    }
  }

  /** One kept copy's rows of the bucket being written. */
  private record Document(String id, int count, byte[] rows) {}

  /** A run being read: positioned at the start of a bucket's documents. */
  private final class Cursor {
    final String file;
    final String runId;
    final BinaryDecoder in;
    final BufferedInputStream stream;
    String bucket;
    int documents;

    Cursor(Row run) throws IOException {
      file = run.getString("file");
      runId = run.getString("run");
      stream = new BufferedInputStream(Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file, false))), 1 << 15);
      in = DecoderFactory.get().directBinaryDecoder(stream, null);
      if (!advance()) {
        close();
        throw new IOException("run " + file + " is empty");
      }
    }

    /** Moves to the next bucket; false at the end of the run. */
    boolean advance() throws IOException {
      stream.mark(1);
      if (stream.read() < 0) {
        return false;
      }
      stream.reset();
      bucket = in.readString();
      documents = in.readInt();
      return true;
    }

    /** Reads the kept copies of the current bucket. */
    void readBucket(List<Document> into) throws IOException {
      for (int d = 0; d < documents; d++) {
        int copy = in.readInt();
        String id = in.readString();
        int count = in.readInt();
        int length = in.readInt();
        // Most runs set nothing aside: no copy name is built for them.
        if (!setAside.isEmpty() && setAside.contains(DocumentRuns.copyName(runId, copy))) {
          in.skipFixed(length);
        } else {
          byte[] rows = new byte[length];
          in.readFixed(rows);
          into.add(new Document(id, count, rows));
        }
      }
    }

    void close() throws IOException {
      stream.close();
    }
  }
}
