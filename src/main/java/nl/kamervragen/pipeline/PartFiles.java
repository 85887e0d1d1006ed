package nl.kamervragen.pipeline;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import nl.kamervragen.table.TableDefinition;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * Staged parts of a table, under {@code <output>/.parts/<table>/}: one sorted bucket of rows in an
 * Avro file named after the bucket, so that a retried bundle overwrites its own part; or all of a
 * small table's rows, sorted, in one file ({@link #stageWholeTable}); or a run of documents' rows
 * across buckets ({@link DocumentRuns}). {@link WriteTables} streams a
 * table's parts in bucket order into its files.
 */
final class PartFiles {

  /**
   * A staged part of a table: its (first) bucket, its file, its rows, and for a run of documents'
   * rows the run's id (null for a sorted bucket). The marker part of each table has no file.
   */
  static final org.apache.beam.sdk.schemas.Schema PART =
      org.apache.beam.sdk.schemas.Schema.builder()
          .addStringField("bucket")
          .addField("file", FieldType.STRING.withNullable(true))
          .addInt64Field("rows")
          .addField("run", FieldType.STRING.withNullable(true))
          .build();

  /** The file of a table staged whole, as one part; a bucket's file name is hex digits, never this. */
  static final String WHOLE_TABLE = "table.avro";

  private PartFiles() {}

  /** Sorts one bucket of a table's records and stages them; returns the part, keyed by table name. */
  static KV<String, Row> stage(Staging staging, TableDefinition table, String bucket, List<GenericRecord> records)
      throws IOException {
    return stage(staging, table, bucket, partFile(staging, table, bucket), records);
  }

  /**
   * Sorts all of a table's records and stages them as its one part, bucket {@code ""}, in {@link
   * #WHOLE_TABLE}; returns the part, keyed by table name.
   */
  static KV<String, Row> stageWholeTable(Staging staging, TableDefinition table, List<GenericRecord> records) throws IOException {
    return stage(staging, table, "", folderOf(staging, table).resolve(WHOLE_TABLE, StandardResolveOptions.RESOLVE_FILE), records);
  }

  private static KV<String, Row> stage(Staging staging, TableDefinition table, String bucket, ResourceId file,
      List<GenericRecord> records) throws IOException {
    records.sort(table.rowOrder());
    Schema schema = table.avroSchema();
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
      writer.create(schema, Channels.newOutputStream(staging.create(file, MimeTypes.BINARY)));
      for (GenericRecord record : records) {
        writer.append(record);
      }
    }
    return KV.of(table.name(), Row.withSchema(PART).addValues(bucket, file.toString(), (long) records.size(), null).build());
  }

  /** The part of a run of documents' rows ({@link DocumentRuns}) starting at this bucket. */
  static Row run(String firstBucket, ResourceId file, long rows, String runId) {
    return Row.withSchema(PART).addValues(firstBucket, file.toString(), rows, runId).build();
  }

  /** The marker part every table gets, so that a table without rows is still written. */
  static Row marker() {
    return Row.withSchema(PART).addValues("", null, 0L, null).build();
  }

  /** The folder of a table's parts. */
  static ResourceId folderOf(Staging staging, TableDefinition table) {
    return staging.root()
        .resolve(WriteTables.PARTS_FOLDER, StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(table.name(), StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  private static ResourceId partFile(Staging staging, TableDefinition table, String bucket) {
    return folderOf(staging, table)
        .resolve(HexFormat.of().formatHex(bucket.getBytes(StandardCharsets.UTF_8)) + ".avro", StandardResolveOptions.RESOLVE_FILE);
  }
}
