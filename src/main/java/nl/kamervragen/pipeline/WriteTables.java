package nl.kamervragen.pipeline;

import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kamervragen.core.PersonKeyColumn;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.TableFileWriter;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Writes every table as one sorted {@code <table>.csv} and one {@code <table>.parquet} in the
 * output folder, the same on every runner.
 *
 * <p>Sorting a large table in one place would need all its rows in memory, so rows are first
 * split into buckets (case-number prefixes for detail tables), each bucket is sorted in memory and
 * staged as an Avro part file, and then one writer per table streams the parts in bucket order
 * into the CSV and Parquet files. The document tables and {@code input_files} come already
 * staged, as runs written where the entries were read ({@link DocumentRuns}); their writer merges
 * the runs bucket by bucket ({@link RunMerge}) and leaves out the copies set aside (of the document
 * tables only). On a local disk files are written under
 * a temporary name and renamed when complete; on object storage an object appears only once
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

  /** Folder inside the output where sorted parts wait to be merged; empty once the tables are written. */
  public static final String PARTS_FOLDER = ".parts";

  /**
   * Optional input: parts already staged upstream, keyed by table name (see {@link PartFiles}). A
   * table's rows may come as rows under {@link TableTags#of}, as staged parts, or both.
   */
  public static final TupleTag<KV<String, Row>> STAGED_PARTS = new TupleTag<>("staged parts");

  /**
   * Optional input: rows already keyed by table and bucket and encoded ({@link KeyedRows}), of the
   * tables given as {@code keyed}: a step that makes the rows of many tables hands them on as one
   * collection.
   */
  public static final TupleTag<KV<String, byte[]>> KEYED_ROWS = new TupleTag<>("keyed rows");

  private final Staging staging;
  private final List<TableDefinition> tables;
  private final List<TableDefinition> staged;
  private final List<TableDefinition> keyed;
  private final PCollectionView<PersonKeys> personKeys;
  private final PCollectionView<List<String>> setAside;

  /**
   * @param staging the folder the tables land in
   * @param tables the tables to write; the input tuple holds each under {@link TableTags#of}, or as
   *     parts staged upstream
   * @param staged the tables whose rows come (also) as {@link #STAGED_PARTS}
   * @param keyed the tables whose rows come (also) as {@link #KEYED_ROWS}
   * @param personKeys the archive's person keys ({@link ResolvePersonKeys}), given to the rows of
   *     the tables with a person key ({@link PersonKeyColumn}) as they are written
   * @param setAside the copies whose rows in staged runs ({@link DocumentRuns}) are left out, by
   *     {@link DocumentRuns#copyName}
   */
  public WriteTables(Staging staging, List<TableDefinition> tables, List<TableDefinition> staged, List<TableDefinition> keyed,
      PCollectionView<PersonKeys> personKeys, PCollectionView<List<String>> setAside) {
    this.staging = staging;
    this.tables = List.copyOf(tables);
    this.staged = List.copyOf(staged);
    this.keyed = List.copyOf(keyed);
    this.personKeys = personKeys;
    this.setAside = setAside;
  }

  /** Tables whose person keys, if they have any, are those of their own names, with no staged runs and no keyed rows. */
  public WriteTables(Staging staging, List<TableDefinition> tables, List<TableDefinition> staged) {
    this(staging, tables, staged, List.of(), null, null);
  }

  @Override
  public PCollection<Row> expand(PCollectionTuple input) {
    KvCoder<String, Row> partCoder = KvCoder.of(StringUtf8Coder.of(), RowCoder.of(PartFiles.PART));
    List<KV<String, Row>> markers = new ArrayList<>();
    PCollectionList<KV<String, Row>> parts = PCollectionList.empty(input.getPipeline());
    if (input.has(STAGED_PARTS)) {
      parts = parts.and(input.get(STAGED_PARTS));
    }
    // The rows of every table go through one shuffle, keyed by table and bucket: a shuffle per table
    // was a Flink task set and a sort each.
    PCollectionList<KV<String, byte[]>> rows = PCollectionList.empty(input.getPipeline());
    if (input.has(KEYED_ROWS)) {
      rows = rows.and(input.get(KEYED_ROWS));
    }
    for (TableDefinition table : tables) {
      boolean hasRows = input.has(TableTags.of(table));
      if (!hasRows && !(staged.contains(table) && input.has(STAGED_PARTS)) && !(keyed.contains(table) && input.has(KEYED_ROWS))) {
        // A table nothing makes rows for is a wiring mistake, not an empty table.
        throw new IllegalArgumentException("table " + table.name() + " has no producer: nothing makes its rows");
      }
      markers.add(KV.of(table.name(), PartFiles.marker()));
      if (hasRows) {
        rows = rows.and(input.get(TableTags.of(table)).apply("Bucket " + table.name(), ParDo.of(new KeyByBucketFn(table)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of())));
      }
    }
    Map<String, TableDefinition> byName = new LinkedHashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    if (!rows.getAll().isEmpty()) {
      parts = parts.and(rows
          .apply("Flatten rows", Flatten.pCollections())
          .apply("Group rows by table and bucket", GroupByKey.create())
          .apply("Sort and stage buckets", ParDo.of(new StagePartFn(byName, staging)))
          .setCoder(partCoder));
    }
    // Every table gets a marker part, so that a table without rows is still written (header only).
    parts = parts.and(input.getPipeline().apply("Every table", Create.of(markers).withCoder(partCoder)));
    List<PCollectionView<?>> sideInputs = new ArrayList<>();
    if (personKeys != null) {
      sideInputs.add(personKeys);
    }
    if (setAside != null) {
      sideInputs.add(setAside);
    }
    return parts
        .apply("Flatten parts", Flatten.pCollections())
        .apply("Group parts by table", GroupByKey.create())
        // The side inputs are read here, over a few part descriptors per table, not where rows are staged.
        .apply("Publish tables", ParDo.of(new PublishTableFn(byName, staging, personKeys, setAside)).withSideInputs(sideInputs))
        .setRowSchema(WRITTEN);
  }

  /** Keys a table's rows by table and bucket ({@link KeyedRows}). */
  static final class KeyByBucketFn extends DoFn<Row, KV<String, byte[]>> {
    private final TableDefinition table;
    private transient KeyedRows.Encoder encoder;

    KeyByBucketFn(TableDefinition table) {
      this.table = table;
    }

    @Setup
    public void setup() {
      encoder = new KeyedRows.Encoder();
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<KV<String, byte[]>> out) throws IOException {
      out.output(encoder.encode(table, row));
    }
  }

  /** Sorts one bucket of a table in memory and stages it as an Avro part file. */
  static final class StagePartFn extends DoFn<KV<String, Iterable<byte[]>>, KV<String, Row>> {
    private final Map<String, TableDefinition> tables;
    private final Staging staging;
    private transient KeyedRows.Decoder decoder;

    StagePartFn(Map<String, TableDefinition> tables, Staging staging) {
      this.tables = tables;
      this.staging = staging;
    }

    @Setup
    public void setup() {
      decoder = new KeyedRows.Decoder(tables.values());
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<byte[]>> bucket, OutputReceiver<KV<String, Row>> out) throws IOException {
      String name = KeyedRows.tableOf(bucket.getKey());
      List<GenericRecord> records = new ArrayList<>();
      for (byte[] datum : bucket.getValue()) {
        records.add(decoder.decode(name, datum));
      }
      out.output(PartFiles.stage(staging, tables.get(name), KeyedRows.bucketOf(bucket.getKey()), records));
    }
  }

  /**
   * Streams a table's parts, in bucket order, into its CSV and Parquet files; the rows of a table
   * with a person key get the archive's keys on the way. A table's parts are either sorted buckets
   * or runs of documents' rows, which are merged ({@link RunMerge}).
   */
  static final class PublishTableFn extends DoFn<KV<String, Iterable<Row>>, Row> {
    private final Map<String, TableDefinition> tables;
    private final Staging staging;
    private final PCollectionView<PersonKeys> personKeys;
    private final PCollectionView<List<String>> setAside;

    PublishTableFn(Map<String, TableDefinition> tables, Staging staging, PCollectionView<PersonKeys> personKeys,
        PCollectionView<List<String>> setAside) {
      this.tables = tables;
      this.staging = staging;
      this.personKeys = personKeys;
      this.setAside = setAside;
    }

    @ProcessElement
    public void process(ProcessContext context) throws IOException {
      KV<String, Iterable<Row>> tableParts = context.element();
      TableDefinition table = tables.get(tableParts.getKey());
      PersonKeys keys = personKeys == null || !PersonKeyColumn.isIn(table) ? null : context.sideInput(personKeys);
      List<Row> parts = new ArrayList<>();
      List<Row> runs = new ArrayList<>();
      for (Row part : tableParts.getValue()) {
        if (part.getString("file") != null) {
          (part.getString("run") == null ? parts : runs).add(part);
        }
      }
      if (!parts.isEmpty() && !runs.isEmpty()) {
        throw new IllegalStateException(table.name() + " has both sorted parts and runs of documents' rows; a table is staged one way");
      }
      parts.sort(Comparator.comparing((Row p) -> p.getString("bucket")));

      ResourceId folder = staging.root();
      ResourceId csv = folder.resolve(table.name() + ".csv", StandardResolveOptions.RESOLVE_FILE);
      ResourceId parquet = folder.resolve(table.name() + ".parquet", StandardResolveOptions.RESOLVE_FILE);
      boolean inPlace = staging.writesWholeFiles();
      ResourceId csvInProgress = inPlace ? csv : folder.resolve("." + table.name() + ".csv.inprogress", StandardResolveOptions.RESOLVE_FILE);
      ResourceId parquetInProgress = inPlace ? parquet
          : folder.resolve("." + table.name() + ".parquet.inprogress", StandardResolveOptions.RESOLVE_FILE);

      long rows;
      Schema schema = table.avroSchema();
      try (TableFileWriter writer =
          new TableFileWriter(table, staging.create(csvInProgress, "text/csv"), staging.create(parquetInProgress, MimeTypes.BINARY))) {
        if (!runs.isEmpty()) {
          // input_files keeps every entry's row; the document tables only the kept copies'.
          Set<String> left = setAside == null || !DocumentRuns.followsCopies(table) ? Set.of() : new HashSet<>(context.sideInput(setAside));
          new RunMerge(table, left).merge(runs, record -> {
            if (keys != null) {
              PersonKeyColumn.rekey(record, keys);
            }
            writer.write(record);
          });
        }
        for (Row part : parts) {
          ResourceId partFile = FileSystems.matchNewResource(part.getString("file"), false);
          try (DataFileStream<GenericRecord> records =
              new DataFileStream<>(Channels.newInputStream(FileSystems.open(partFile)), new GenericDatumReader<>(schema))) {
            for (GenericRecord record : records) {
              if (keys != null) {
                PersonKeyColumn.rekey(record, keys);
              }
              writer.write(record);
            }
          }
        }
        rows = writer.rows();
      }
      if (!inPlace) {
        staging.rename(List.of(csvInProgress, parquetInProgress), List.of(csv, parquet));
      }
      // The parts stay until the run ends (the client removes them): a retried write needs them.
      PipelineMetrics.counter(PipelineMetrics.ROWS_WRITTEN_PREFIX + table.name()).inc(rows);
      context.output(Row.withSchema(WRITTEN).addValues(table.name(), rows, csv.toString(), parquet.toString()).build());
    }
  }
}
