package nl.kamervragen.table;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Readers of Avro records (the tables' rows, the listing file's entries), with Avro's fast reader:
 * a reader built for the schema, field by field. The generic reader walks the schema for every
 * record through one large recursive method, which the JIT compiled again and again as records of
 * other schemas reached it (at 100,000 documents on Flink four times, about 4 s of compiling).
 */
public final class AvroReaders {

  private AvroReaders() {}

  /** A reader of records written with this schema. Not thread-safe, like every Avro reader. */
  public static GenericDatumReader<GenericRecord> of(Schema schema) {
    GenericData data = new GenericData();
    data.setFastReaderEnabled(true);
    return new GenericDatumReader<>(schema, schema, data);
  }
}
