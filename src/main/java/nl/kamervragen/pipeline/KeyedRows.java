package nl.kamervragen.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import nl.kamervragen.table.AvroReaders;
import nl.kamervragen.table.TableDefinition;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * A table's row as it crosses {@link WriteTables}'s one shuffle of rows: keyed by table and bucket
 * ("table NUL bucket"), the row an Avro datum of the table's schema. Rows of many tables can travel
 * in one collection this way, which on Flink is one task set instead of one per table.
 */
final class KeyedRows {

  /** Between a table's name and a bucket in a key; in no table name. */
  static final char SEPARATOR = '\0';

  private KeyedRows() {}

  static String key(TableDefinition table, String bucket) {
    return table.name() + SEPARATOR + bucket;
  }

  static String tableOf(String key) {
    return key.substring(0, key.indexOf(SEPARATOR));
  }

  static String bucketOf(String key) {
    return key.substring(key.indexOf(SEPARATOR) + 1);
  }

  /** Keys and encodes rows; one Avro writer per table, made once. Not thread-safe: one per function instance. */
  static final class Encoder {
    private final Map<String, GenericDatumWriter<GenericRecord>> writers = new HashMap<>();
    private BinaryEncoder encoder;

    KV<String, byte[]> encode(TableDefinition table, Row row) throws IOException {
      ByteArrayOutputStream datum = new ByteArrayOutputStream();
      encoder = EncoderFactory.get().directBinaryEncoder(datum, encoder);
      writers.computeIfAbsent(table.name(), name -> new GenericDatumWriter<>(table.avroSchema())).write(table.toAvro(row), encoder);
      return KV.of(key(table, table.bucketOf(row)), datum.toByteArray());
    }
  }

  /** Decodes the rows of the given tables; one Avro reader per table. Not thread-safe: one per function instance. */
  static final class Decoder {
    private final Map<String, GenericDatumReader<GenericRecord>> readers = new HashMap<>();
    private BinaryDecoder decoder;

    Decoder(Iterable<TableDefinition> tables) {
      tables.forEach(table -> readers.put(table.name(), AvroReaders.of(table.avroSchema())));
    }

    GenericRecord decode(String table, byte[] datum) throws IOException {
      decoder = DecoderFactory.get().binaryDecoder(datum, decoder);
      return readers.get(table).read(null, decoder);
    }
  }
}
