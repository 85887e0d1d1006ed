package nl.kamervragen.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * The listing of a run as a file (Avro, entries in listing order): the pipeline reads its input
 * from it, and the check before publishing compares it with the input as it is then.
 */
public final class ListingFile {

  /** Its name in the run's staging folder. */
  public static final String NAME = ".listing.avro";

  static final Schema SCHEMA =
      SchemaBuilder.record("ListedEntry").namespace("nl.kamervragen.input").fields()
          .requiredString("name")
          .optionalString("location")
          .requiredString("kind")
          .optionalLong("size")
          .optionalLong("modified_nanos")
          .optionalString("file_key")
          .optionalString("link_target")
          .optionalString("rejection")
          .endRecord();

  private ListingFile() {}

  /** Writes entries to a stream (closing it) and returns how many were written. */
  public static long write(OutputStream out, Iterator<ListedEntry> entries) throws IOException {
    long count = 0;
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(SCHEMA))) {
      writer.create(SCHEMA, out);
      while (entries.hasNext()) {
        writer.append(record(entries.next()));
        count++;
      }
    }
    return count;
  }

  /** The entries of a listing file, in their order; closing the reader closes the stream. */
  public static Reader read(InputStream in) throws IOException {
    return new Reader(new DataFileStream<>(in, new GenericDatumReader<>(SCHEMA)));
  }

  /** Reads a listing file entry by entry. */
  public static final class Reader implements Iterator<ListedEntry>, Closeable {
    private final DataFileStream<GenericRecord> records;

    private Reader(DataFileStream<GenericRecord> records) {
      this.records = records;
    }

    @Override
    public boolean hasNext() {
      return records.hasNext();
    }

    @Override
    public ListedEntry next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      try {
        return entry(records.next());
      } catch (RuntimeException e) {
        throw new UncheckedIOException(new IOException("the run's listing file is damaged", e));
      }
    }

    @Override
    public void close() throws IOException {
      records.close();
    }
  }

  private static GenericRecord record(ListedEntry entry) {
    GenericRecord record = new GenericData.Record(SCHEMA);
    record.put("name", entry.name());
    record.put("location", entry.location());
    record.put("kind", entry.kind().label());
    record.put("size", entry.size());
    record.put("modified_nanos", entry.modifiedNanos());
    record.put("file_key", entry.fileKey());
    record.put("link_target", entry.linkTarget());
    record.put("rejection", entry.rejection());
    return record;
  }

  private static ListedEntry entry(GenericRecord record) {
    return new ListedEntry(
        text(record, "name"),
        text(record, "location"),
        EntryKind.ofLabel(text(record, "kind")),
        (Long) record.get("size"),
        (Long) record.get("modified_nanos"),
        text(record, "file_key"),
        text(record, "link_target"),
        text(record, "rejection"));
  }

  private static String text(GenericRecord record, String field) {
    Object value = record.get(field);
    return value == null ? null : value.toString();
  }
}
