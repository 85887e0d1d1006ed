package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kamervragen.core.InputFingerprint;
import nl.kamervragen.core.PersonKeyColumn;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.table.AvroReaders;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.TableFileWriter;
import nl.kamervragen.table.Tables;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
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
 * tables only). Tables that a step sorts and stages itself ({@link ComputeStatistics}) come as
 * their parts. The staged tables and the others are written apart, each as soon as its own parts
 * are there. Beside {@code input_files} its writer leaves the input's fingerprint ({@link
 * InputFingerprint}). On a local disk files are written under a temporary name and renamed when
 * complete; on object storage an object appears only once complete. Output: one row per table
 * written (see {@link #WRITTEN}), one collection for each of the two ways.
 */
public final class WriteTables extends PTransform<PCollectionTuple, PCollectionList<Row>> {

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
   * Optional input: parts staged upstream, keyed by table name, of the tables given as {@code
   * staged}: runs of documents' rows ({@link DocumentRuns}) or sorted buckets ({@link PartFiles}).
   * These tables are written apart from the others, as soon as their parts are there. A table's rows
   * come one way: as staged parts, as sorted parts ({@link #SORTED_PARTS}), or as rows (under
   * {@link TableTags#of}).
   */
  public static final TupleTag<KV<String, Row>> STAGED_PARTS = new TupleTag<>("staged parts");

  /**
   * Optional input: tables sorted and staged upstream, as parts in bucket order ({@link
   * PartFiles#stage}, {@link PartFiles#stageWholeTable}), keyed by table name, of the tables given
   * as {@code sorted}: a step that makes whole tables in one place hands them on staged. They are
   * written with the tables given as rows.
   */
  public static final TupleTag<KV<String, Row>> SORTED_PARTS = new TupleTag<>("sorted parts");

  private final Staging staging;
  private final List<TableDefinition> tables;
  private final List<TableDefinition> staged;
  private final List<TableDefinition> sorted;
  private final PCollectionView<PersonKeys> personKeys;
  private final PCollectionView<List<String>> setAside;

  /**
   * @param staging the folder the tables land in
   * @param tables the tables to write; the input tuple holds each under {@link TableTags#of}, or as
   *     parts staged upstream
   * @param staged the tables whose rows come as {@link #STAGED_PARTS}
   * @param sorted the tables whose rows come as {@link #SORTED_PARTS}
   * @param personKeys the archive's person keys ({@link ResolvePersonKeys}), given to the rows of
   *     the tables with a person key ({@link PersonKeyColumn}) as they are written
   * @param setAside the copies whose rows in staged runs ({@link DocumentRuns}) are left out, by
   *     {@link DocumentRuns#copyName}
   */
  public WriteTables(Staging staging, List<TableDefinition> tables, List<TableDefinition> staged, List<TableDefinition> sorted,
      PCollectionView<PersonKeys> personKeys, PCollectionView<List<String>> setAside) {
    this.staging = staging;
    this.tables = List.copyOf(tables);
    this.staged = List.copyOf(staged);
    this.sorted = List.copyOf(sorted);
    this.personKeys = personKeys;
    this.setAside = setAside;
  }

  /** Tables whose person keys, if they have any, are those of their own names, with no sorted parts. */
  public WriteTables(Staging staging, List<TableDefinition> tables, List<TableDefinition> staged) {
    this(staging, tables, staged, List.of(), null, null);
  }

  @Override
  public PCollectionList<Row> expand(PCollectionTuple input) {
    KvCoder<String, Row> partCoder = KvCoder.of(StringUtf8Coder.of(), RowCoder.of(PartFiles.PART));
    // The rows of the tables given as rows go through one shuffle, keyed by table and bucket: a
    // shuffle per table was a Flink task set and a sort each.
    PCollectionList<KV<String, byte[]>> rows = PCollectionList.empty(input.getPipeline());
    List<TableDefinition> stagedTables = new ArrayList<>();
    List<TableDefinition> others = new ArrayList<>();
    for (TableDefinition table : tables) {
      boolean isStaged = staged.contains(table);
      boolean isSorted = sorted.contains(table);
      boolean hasRows = input.has(TableTags.of(table));
      boolean hasRuns = isStaged && input.has(STAGED_PARTS);
      boolean hasSorted = isSorted && input.has(SORTED_PARTS);
      if (!hasRows && !hasRuns && !hasSorted) {
        // A table nothing makes rows for is a wiring mistake, not an empty table.
        throw new IllegalArgumentException("table " + table.name() + " has no producer: nothing makes its rows");
      }
      List<String> ways = new ArrayList<>();
      if (isStaged) {
        ways.add("as staged parts");
      }
      if (isSorted) {
        ways.add("as sorted parts");
      }
      if (hasRows) {
        ways.add("as rows");
      }
      if (ways.size() > 1) {
        throw new IllegalArgumentException("table " + table.name() + " comes " + String.join(" and ", ways) + ": a table's rows come one way");
      }
      (isStaged ? stagedTables : others).add(table);
      if (hasRows) {
        rows = rows.and(input.get(TableTags.of(table)).apply("Bucket " + table.name(), ParDo.of(new KeyByBucketFn(table)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of())));
      }
    }
    // The tables staged upstream (the documents' tables) are written as soon as their parts are,
    // beside the others: in one shuffle with the rest, the largest tables waited for the statistics
    // (a shuffle gives nothing before all its input is in). The two ways share no step and no side
    // input: on Flink, a step feeding both, or a side input read by both, made the staged tables wait
    // for the statistics again (tried); their outputs are not flattened into one for the same reason.
    PCollectionList<KV<String, Row>> stagedParts = PCollectionList.empty(input.getPipeline());
    if (input.has(STAGED_PARTS)) {
      stagedParts = stagedParts.and(input.get(STAGED_PARTS));
    }
    PCollectionList<KV<String, Row>> otherParts = PCollectionList.empty(input.getPipeline());
    if (input.has(SORTED_PARTS)) {
      otherParts = otherParts.and(input.get(SORTED_PARTS));
    }
    if (!rows.getAll().isEmpty()) {
      otherParts = otherParts.and(rows
          .apply("Flatten rows", Flatten.pCollections())
          .apply("Group rows by table and bucket", GroupByKey.create())
          .apply("Sort and stage buckets", ParDo.of(new StagePartFn(byName(others), staging)))
          .setCoder(partCoder));
    }
    PCollectionList<Row> written = PCollectionList.empty(input.getPipeline());
    if (!stagedTables.isEmpty()) {
      written = written.and(publish("staged tables", stagedTables, stagedParts, partCoder));
    }
    if (!others.isEmpty()) {
      written = written.and(publish("tables", others, otherParts, partCoder));
    }
    return written;
  }

  /**
   * Groups the parts of these tables by table and writes each table. Every table gets a marker
   * part, so that a table without rows is still written (header only).
   */
  private PCollection<Row> publish(String what, List<TableDefinition> these, PCollectionList<KV<String, Row>> parts,
      KvCoder<String, Row> partCoder) {
    List<KV<String, Row>> markers = these.stream().map(table -> KV.of(table.name(), PartFiles.marker())).toList();
    parts = parts.and(parts.getPipeline().apply("Every one of the " + what, Create.of(markers).withCoder(partCoder)));
    // Each side input only where a table needs it: one read by both ways joined them on Flink again.
    PCollectionView<PersonKeys> keys = these.stream().anyMatch(PersonKeyColumn::isIn) ? personKeys : null;
    PCollectionView<List<String>> copiesSetAside = these.stream().anyMatch(DocumentRuns::followsCopies) ? setAside : null;
    List<PCollectionView<?>> sideInputs = new ArrayList<>();
    if (keys != null) {
      sideInputs.add(keys);
    }
    if (copiesSetAside != null) {
      sideInputs.add(copiesSetAside);
    }
    return parts
        .apply("Flatten parts of the " + what, Flatten.pCollections())
        .apply("Group parts of the " + what, GroupByKey.create())
        // The side inputs are read here, over a few part descriptors per table, not where rows are staged.
        .apply("Publish " + what, ParDo.of(new PublishTableFn(byName(these), staging, keys, copiesSetAside)).withSideInputs(sideInputs))
        .setRowSchema(WRITTEN);
  }

  private static Map<String, TableDefinition> byName(List<TableDefinition> tables) {
    Map<String, TableDefinition> byName = new LinkedHashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    return byName;
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
      // By name: the definitions here are this DoFn's deserialized copies.
      InputFingerprint.Builder fingerprint = table.name().equals(Tables.INPUT_FILES.name()) ? new InputFingerprint.Builder() : null;
      try (TableFileWriter writer =
          new TableFileWriter(table, staging.create(csvInProgress, "text/csv"), staging.create(parquetInProgress, MimeTypes.BINARY))) {
        RunMerge.RecordSink sink = record -> {
          if (keys != null) {
            PersonKeyColumn.rekey(record, keys);
          }
          writer.write(record);
          if (fingerprint != null) {
            fingerprint.add(record);
          }
        };
        if (!runs.isEmpty()) {
          // input_files keeps every entry's row; the document tables only the kept copies'.
          Set<String> left = setAside == null || !DocumentRuns.followsCopies(table) ? Set.of() : new HashSet<>(context.sideInput(setAside));
          new RunMerge(table, left).merge(runs, sink);
        }
        for (Row part : parts) {
          ResourceId partFile = FileSystems.matchNewResource(part.getString("file"), false);
          try (DataFileStream<GenericRecord> records =
              new DataFileStream<>(Channels.newInputStream(FileSystems.open(partFile)), AvroReaders.of(schema))) {
            for (GenericRecord record : records) {
              sink.accept(record);
            }
          }
        }
        rows = writer.rows();
      }
      if (!inPlace) {
        staging.rename(List.of(csvInProgress, parquetInProgress), List.of(csv, parquet));
      }
      if (fingerprint != null) {
        // Written once the table is complete: the client reads it instead of the table.
        try (OutputStream out = Channels.newOutputStream(staging.create(folder.resolve(InputFingerprint.FILE_NAME, StandardResolveOptions.RESOLVE_FILE), "text/plain"))) {
          fingerprint.build().writeTo(out);
        }
      }
      // The parts stay until the run ends (the client removes them): a retried write needs them.
      PipelineMetrics.counter(PipelineMetrics.ROWS_WRITTEN_PREFIX + table.name()).inc(rows);
      context.output(Row.withSchema(WRITTEN).addValues(table.name(), rows, csv.toString(), parquet.toString()).build());
    }
  }
}
