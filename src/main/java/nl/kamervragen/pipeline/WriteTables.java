package nl.kamervragen.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamervragen.table.CsvCells;
import nl.kamervragen.table.TableDefinition;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes every table as one sorted {@code <table>.csv} and one {@code <table>.parquet} in the
 * output folder, the same on every runner.
 *
 * <p>Sorting a large table in one place would need all its rows in memory, so rows are first
 * split into buckets (case-number prefixes for detail tables), each bucket is sorted in memory and
 * staged as an Avro part file, and then one writer per table streams the parts in bucket order
 * into the CSV and Parquet files. Files are written under a temporary name and renamed when
 * complete. Output: one row per table written (see {@link #WRITTEN}).
 */
public final class WriteTables extends PTransform<PCollectionTuple, PCollection<Row>> {

  /** What was written for each table. */
  public static final org.apache.beam.sdk.schemas.Schema WRITTEN =
      org.apache.beam.sdk.schemas.Schema.builder()
          .addStringField("table")
          .addInt64Field("rows")
          .addStringField("csv")
          .addStringField("parquet")
          .build();

  /** A staged part of a table: a sorted bucket; the marker part of each table has no file. */
  static final org.apache.beam.sdk.schemas.Schema PART =
      org.apache.beam.sdk.schemas.Schema.builder()
          .addStringField("bucket")
          .addField("file", FieldType.STRING.withNullable(true))
          .addInt64Field("rows")
          .build();

  /** Folder inside the output where sorted parts wait to be merged; empty once the tables are written. */
  public static final String PARTS_FOLDER = ".parts";

  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  private final String outputFolder;
  private final List<TableDefinition> tables;

  /**
   * @param outputFolder the folder the tables land in
   * @param tables the tables to write; the input tuple holds each under {@link TableTags#of}
   */
  public WriteTables(String outputFolder, List<TableDefinition> tables) {
    this.outputFolder = outputFolder;
    this.tables = List.copyOf(tables);
  }

  @Override
  public PCollection<Row> expand(PCollectionTuple input) {
    KvCoder<String, Row> partCoder = KvCoder.of(StringUtf8Coder.of(), RowCoder.of(PART));
    List<KV<String, Row>> markers = new ArrayList<>();
    PCollectionList<KV<String, Row>> parts = PCollectionList.empty(input.getPipeline());
    for (TableDefinition table : tables) {
      markers.add(KV.of(table.name(), Row.withSchema(PART).addValues("", null, 0L).build()));
      parts =
          parts.and(
              input
                  .get(TableTags.of(table))
                  .apply(
                      "Bucket " + table.name(),
                      MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.rows()))
                          .via(row -> KV.of(table.bucketOf(row), row)))
                  .setCoder(KvCoder.of(StringUtf8Coder.of(), RowCoder.of(table.beamSchema())))
                  .apply("Group " + table.name(), GroupByKey.create())
                  .apply("Sort and stage " + table.name(), ParDo.of(new StagePartFn(table, outputFolder)))
                  .setCoder(partCoder));
    }
    // Every table gets a marker part, so that an empty table is still written (header only).
    parts = parts.and(input.getPipeline().apply("Every table", Create.of(markers).withCoder(partCoder)));
    Map<String, TableDefinition> byName = new LinkedHashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    return parts
        .apply("Flatten parts", Flatten.pCollections())
        .apply("Group parts by table", GroupByKey.create())
        .apply("Publish tables", ParDo.of(new PublishTableFn(byName, outputFolder)))
        .setRowSchema(WRITTEN);
  }

  private static ResourceId folder(String path) {
    return FileSystems.matchNewResource(path, true);
  }

  /** Sorts one bucket of a table in memory and stages it as an Avro part file. */
  static final class StagePartFn extends DoFn<KV<String, Iterable<Row>>, KV<String, Row>> {
    private final TableDefinition table;
    private final String outputFolder;

    StagePartFn(TableDefinition table, String outputFolder) {
      this.table = table;
      this.outputFolder = outputFolder;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Row>> bucket, OutputReceiver<KV<String, Row>> out)
        throws IOException {
      List<GenericRecord> records = new ArrayList<>();
      for (Row row : bucket.getValue()) {
        records.add(table.toAvro(row));
      }
      records.sort(table.rowOrder());
      // The name depends only on the bucket, so a retried bundle overwrites its own part.
      ResourceId file =
          folder(outputFolder)
              .resolve(PARTS_FOLDER, StandardResolveOptions.RESOLVE_DIRECTORY)
              .resolve(table.name(), StandardResolveOptions.RESOLVE_DIRECTORY)
              .resolve(HexFormat.of().formatHex(bucket.getKey().getBytes(StandardCharsets.UTF_8)) + ".avro",
                  StandardResolveOptions.RESOLVE_FILE);
      Schema schema = table.avroSchema();
      try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
        writer.create(schema, Channels.newOutputStream(FileSystems.create(file, MimeTypes.BINARY)));
        for (GenericRecord record : records) {
          writer.append(record);
        }
      }
      out.output(
          KV.of(table.name(), Row.withSchema(PART).addValues(bucket.getKey(), file.toString(), (long) records.size()).build()));
    }
  }

  /** Streams a table's parts, in bucket order, into its CSV and Parquet files. */
  static final class PublishTableFn extends DoFn<KV<String, Iterable<Row>>, Row> {
    private final Map<String, TableDefinition> tables;
    private final String outputFolder;

    PublishTableFn(Map<String, TableDefinition> tables, String outputFolder) {
      this.tables = tables;
      this.outputFolder = outputFolder;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Row>> tableParts, OutputReceiver<Row> out) throws IOException {
      TableDefinition table = tables.get(tableParts.getKey());
      List<Row> parts = new ArrayList<>();
      for (Row part : tableParts.getValue()) {
        if (part.getString("file") != null) {
          parts.add(part);
        }
      }
      parts.sort(Comparator.comparing((Row p) -> p.getString("bucket")));

      ResourceId folder = folder(outputFolder);
      ResourceId csv = folder.resolve(table.name() + ".csv", StandardResolveOptions.RESOLVE_FILE);
      ResourceId parquet = folder.resolve(table.name() + ".parquet", StandardResolveOptions.RESOLVE_FILE);
      ResourceId csvInProgress = folder.resolve("." + table.name() + ".csv.inprogress", StandardResolveOptions.RESOLVE_FILE);
      ResourceId parquetInProgress = folder.resolve("." + table.name() + ".parquet.inprogress", StandardResolveOptions.RESOLVE_FILE);

      long rows = 0;
      Schema schema = table.avroSchema();
      ParquetIO.Sink parquetSink = ParquetIO.sink(schema);
      parquetSink.open(FileSystems.create(parquetInProgress, MimeTypes.BINARY));
      try (Writer writer =
              new BufferedWriter(
                  new OutputStreamWriter(Channels.newOutputStream(FileSystems.create(csvInProgress, "text/csv")), StandardCharsets.UTF_8));
          CSVPrinter printer = new CSVPrinter(writer, CSV.builder().setHeader(CsvCells.header(table)).get())) {
        for (Row part : parts) {
          ResourceId partFile = FileSystems.matchNewResource(part.getString("file"), false);
          try (DataFileStream<GenericRecord> records =
              new DataFileStream<>(Channels.newInputStream(FileSystems.open(partFile)), new GenericDatumReader<>(schema))) {
            for (GenericRecord record : records) {
              printer.printRecord(CsvCells.of(table, record));
              parquetSink.write(record);
              rows++;
            }
          }
        }
      } finally {
        parquetSink.flush();
      }
      FileSystems.rename(List.of(csvInProgress, parquetInProgress), List.of(csv, parquet));
      List<ResourceId> partFiles = new ArrayList<>();
      for (Row part : parts) {
        partFiles.add(FileSystems.matchNewResource(part.getString("file"), false));
      }
      FileSystems.delete(partFiles, StandardMoveOptions.IGNORE_MISSING_FILES);
      PipelineMetrics.counter(PipelineMetrics.ROWS_WRITTEN_PREFIX + table.name()).inc(rows);
      out.output(Row.withSchema(WRITTEN).addValues(table.name(), rows, csv.toString(), parquet.toString()).build());
    }
  }
}
