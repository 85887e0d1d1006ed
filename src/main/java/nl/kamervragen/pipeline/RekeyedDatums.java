package nl.kamervragen.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamervragen.core.PersonKeyColumn;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.table.TableDefinition;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * The staged datums of a document whose names the archive's keys join to another person: the rows
 * of the tables with a person key ({@link PersonKeyColumn}) are decoded, re-keyed and encoded again.
 * Only such documents pay for it; every other datum is staged as it was encoded where it was parsed.
 *
 * <p>Not thread-safe (one per worker thread): it reuses its decoder and encoder.
 */
final class RekeyedDatums {

  private final Map<TableDefinition, GenericDatumReader<GenericRecord>> readers = new LinkedHashMap<>();
  private final Map<TableDefinition, GenericDatumWriter<GenericRecord>> writers = new LinkedHashMap<>();
  private BinaryDecoder decoder;
  private BinaryEncoder encoder;

  RekeyedDatums() {
    for (TableDefinition table : PersonKeyColumn.TABLES) {
      readers.put(table, new GenericDatumReader<>(table.avroSchema()));
      writers.put(table, new GenericDatumWriter<>(table.avroSchema()));
    }
  }

  /** The datums of each table, with the rows of the person-key tables re-keyed. */
  Map<TableDefinition, List<ByteBuffer>> rekeyed(Map<TableDefinition, List<ByteBuffer>> datums, PersonKeys keys) throws IOException {
    Map<TableDefinition, List<ByteBuffer>> rekeyed = new LinkedHashMap<>(datums);
    for (TableDefinition table : PersonKeyColumn.TABLES) {
      List<ByteBuffer> rows = new ArrayList<>();
      for (ByteBuffer datum : datums.getOrDefault(table, List.of())) {
        decoder = DecoderFactory.get().binaryDecoder(datum.array(), datum.arrayOffset() + datum.position(), datum.remaining(), decoder);
        GenericRecord row = readers.get(table).read(null, decoder);
        PersonKeyColumn.rekey(row, keys);
        ByteArrayOutputStream out = new ByteArrayOutputStream(datum.remaining() + 32);
        encoder = EncoderFactory.get().directBinaryEncoder(out, encoder);
        writers.get(table).write(row, encoder);
        rows.add(ByteBuffer.wrap(out.toByteArray()));
      }
      rekeyed.put(table, rows);
    }
    return rekeyed;
  }
}
