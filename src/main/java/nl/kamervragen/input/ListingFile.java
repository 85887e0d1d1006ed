package nl.kamervragen.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import nl.kamervragen.table.AvroReaders;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * The listing of a run as a file (Avro, entries in listing order): the pipeline reads its input
 * from it, and the check before publishing compares it with the input as it is then.
 *
 * <p>Every {@link #ENTRIES_PER_BLOCK} entries make one Avro block, which the pipeline takes whole,
 * still encoded, as a chunk of consecutive entries ({@link #readBlocks}): what it spreads over its
 * workers is then one element per block, not one per entry.
 */
public final class ListingFile {

  /** Its name in the run's staging folder. */
  public static final String NAME = ".listing.avro";

  /** Entries per block: every block but the last holds this many. */
  public static final int ENTRIES_PER_BLOCK = 256;

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
      // Blocks end where this says, not earlier because their bytes fill Avro's default interval.
      writer.setSyncInterval(BLOCK_BYTES);
      writer.create(SCHEMA, out);
      while (entries.hasNext()) {
        writer.append(record(entries.next()));
        if (++count % ENTRIES_PER_BLOCK == 0) {
          writer.sync();
        }
      }
    }
    return count;
  }

  /**
   * The bytes a block may take before Avro ends it: room for {@link #ENTRIES_PER_BLOCK} entries of
   * 16 KB each, far more than a path, a link target and a reason take (larger entries would only
   * end their block early, a smaller chunk). Avro allocates a quarter more than this up front, so
   * it is not the largest interval Avro accepts: that took a 1 GB array from a 2 GB heap.
   */
  private static final int BLOCK_BYTES = ENTRIES_PER_BLOCK * 16 * 1024;

  /** Consecutive entries of a listing file, one block of it, still encoded ({@link BlockDecoder}). */
  public record Block(int entries, byte[] data) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Block block && block.entries == entries && Arrays.equals(block.data, data);
    }

    @Override
    public int hashCode() {
      return 31 * entries + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Block[" + entries + " entries, " + data.length + " bytes]";
    }
  }

  /** The blocks of a listing file, in order; closing the reader closes the stream. */
  public static Sequence<Block> readBlocks(InputStream in) throws IOException {
    return new Sequence<>(new DataFileStream<>(in, AvroReaders.of(SCHEMA)), records -> {
      int entries = Math.toIntExact(records.getBlockCount()); // known once hasNext has read the block
      ByteBuffer data = records.nextBlock();
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      return new Block(entries, bytes);
    });
  }

  /** Decodes the entries of blocks ({@link #readBlocks}); one per thread. */
  public static final class BlockDecoder {
    private final GenericDatumReader<GenericRecord> reader = AvroReaders.of(SCHEMA);
    private BinaryDecoder decoder;

    /** The entries of a block, in listing order. */
    public List<ListedEntry> entries(Block block) throws IOException {
      decoder = DecoderFactory.get().binaryDecoder(block.data(), decoder);
      List<ListedEntry> entries = new ArrayList<>(ENTRIES_PER_BLOCK); // not by the count, which may be damaged
      try {
        for (int i = 0; i < block.entries(); i++) {
          entries.add(entry(reader.read(null, decoder)));
        }
      } catch (IOException | RuntimeException e) {
        throw new IOException("the run's listing file is damaged", e);
      }
      if (!decoder.isEnd()) {
        throw new IOException("the run's listing file is damaged: a block holds more than its " + block.entries() + " entries");
      }
      return entries;
    }
  }

  /** The entries of a listing file, in their order; closing the reader closes the stream. */
  public static Sequence<ListedEntry> read(InputStream in) throws IOException {
    return new Sequence<>(new DataFileStream<>(in, AvroReaders.of(SCHEMA)), records -> entry(records.next()));
  }

  /** Reads a listing file entry by entry, or block by block. */
  public static final class Sequence<T> implements Iterator<T>, Closeable {
    private final DataFileStream<GenericRecord> records;
    private final Step<T> step;

    /** Takes the next element from the stream. */
    private interface Step<T> {
      T take(DataFileStream<GenericRecord> records) throws IOException;
    }

    private Sequence(DataFileStream<GenericRecord> records, Step<T> step) {
      this.records = records;
      this.step = step;
    }

    @Override
    public boolean hasNext() {
      return records.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      try {
        return step.take(records);
      } catch (IOException | RuntimeException e) {
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
