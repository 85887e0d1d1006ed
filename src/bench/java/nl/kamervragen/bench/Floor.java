package nl.kamervragen.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.kamervragen.core.Candidate;
import nl.kamervragen.core.ChunkedBytes;
import nl.kamervragen.core.DocumentIntake;
import nl.kamervragen.core.DuplicateResolver;
import nl.kamervragen.core.KeptCopies;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.core.PersonKeyColumn;
import nl.kamervragen.core.RunChanges;
import nl.kamervragen.core.Statistics;
import nl.kamervragen.core.SummaryMeasures;
import nl.kamervragen.input.ArchiveWalker;
import nl.kamervragen.input.InputSelection;
import nl.kamervragen.input.ListedEntry;
import nl.kamervragen.ministry.MinistryFamilies;
import nl.kamervragen.person.NameCensus;
import nl.kamervragen.person.PersonKeys;
import nl.kamervragen.report.ReportWriter;
import nl.kamervragen.storage.StoredFolder;
import nl.kamervragen.stats.StatsDocument;
import nl.kamervragen.stats.StatsDocumentEncoding;
import nl.kamervragen.stats.StatsEncoding;
import nl.kamervragen.table.AvroReaders;
import nl.kamervragen.table.TableDefinition;
import nl.kamervragen.table.TableFileWriter;
import nl.kamervragen.table.Tables;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.Row;

/**
 * The benchmark's floor: the whole job (same intake, parser, duplicate rule, statistics, table rows
 * and CSV/Parquet writer as the pipeline) in one plain Java process on every core, without a Beam
 * pipeline. It stages each table's rows Avro-encoded per case-number bucket in memory; once they
 * take more than half of the heap ({@link SpillPolicy}), a bucket's buffer spills to a local file
 * per thread and table when it is full. It then writes each table bucket by bucket. It is the
 * yardstick, not the product.
 */
public final class Floor {

  /**
   * When staged rows spill to disk: once the encoded rows in memory pass {@code memoryBytes}, each
   * bucket buffer that holds at least {@code chunkBytes}.
   */
  record SpillPolicy(long memoryBytes, int chunkBytes) {
    /**
     * 55 % of the heap, 64 KB chunks. A million documents' rows take about 5.7 GB encoded and
     * everything else the floor holds about 2 GB, so with bench/run's 12 GB heap nothing spills at
     * 1M: spilled rows and a larger heap crowded the archive out of the page cache, and the floor
     * read part of it from disk again (docs/benchmarks.md).
     */
    static SpillPolicy forThisHeap() {
      return new SpillPolicy(Runtime.getRuntime().maxMemory() / 100 * 55, 64 * 1024);
    }
  }

  /** The floor's inputs, taken from its options once. */
  record Settings(String input, Path output, LocalDate referenceDate, long maxFileBytes, int threads) {
    static Settings of(BenchOptions options) {
      return new Settings(options.getInput(), Path.of(options.getOutput()).toAbsolutePath(),
          LocalDate.parse(options.getReferenceDate()), options.getMaxFileBytes(), InputFiles.threads(options.getThreads()));
    }
  }

  /** What a run wrote: rows per table, and the bytes of staged rows that went through spill files. */
  record Result(Map<String, Long> rows, long spilledBytes) {}

  private final AtomicLong inMemory = new AtomicLong();
  /** How long the write phase spent on the duplicates, person keys and statistics, before the tables. */
  private long statisticsNanos;

  private final List<ListedEntry> input;
  private final Path spillFolder;
  private final SpillPolicy spillPolicy;
  private final LocalDate referenceDate;
  private final List<Worker> workers = new ArrayList<>();

  private Floor(List<ListedEntry> input, Path spillFolder, SpillPolicy spillPolicy, LocalDate referenceDate) {
    this.input = input;
    this.spillFolder = spillFolder;
    this.spillPolicy = spillPolicy;
    this.referenceDate = referenceDate;
  }

  public static void main(String[] args) throws Exception {
    PipelineOptionsFactory.register(BenchOptions.class);
    try {
      run(Settings.of(PipelineOptionsFactory.fromArgs(args).as(BenchOptions.class)), SpillPolicy.forThisHeap());
    } catch (IllegalArgumentException | DateTimeParseException | nl.kamervragen.input.InputException e) {
      System.err.println("floor: " + e.getMessage());
      System.exit(2);
    }
  }

  static Result run(Settings settings, SpillPolicy spillPolicy) throws Exception {
    List<ListedEntry> input = new ArrayList<>();
    new ArchiveWalker(InputSelection.of(settings.input(), false)).forEachRemaining(input::add);
    Path output = settings.output();
    StoredFolder.deleteTree(output);
    Files.createDirectories(output);
    int threads = settings.threads();
    long started = System.nanoTime();
    Path spill = output.resolve(".spill");
    Files.createDirectories(spill);
    Floor floor = new Floor(input, spill, spillPolicy, settings.referenceDate());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      floor.read(threads, settings.maxFileBytes(), pool);
      long read = System.nanoTime();
      Map<String, Long> rows = floor.write(output, pool);
      long spilledBytes = floor.closeSpills();
      StoredFolder.deleteTree(spill);
      ReportWriter.write(StoredFolder.local(output), floor.referenceDate, "", RunChanges.Comparison.FIRST_RUN);
      long done = System.nanoTime();
      System.out.printf(java.util.Locale.ROOT,
          "floor: threads=%d files=%d read_parse_s=%.3f write_s=%.3f (statistics_s=%.3f) seconds=%.3f spilled_mb=%.1f rows=%s%n",
          threads, input.size(), (read - started) / 1e9, (done - read) / 1e9, floor.statisticsNanos / 1e9, (done - started) / 1e9,
          spilledBytes / 1e6, rows);
      return new Result(rows, spilledBytes);
    } finally {
      pool.shutdown();
    }
  }

  // ---- phase 1: read, parse and stage every file on every core -------------------------------

  private void read(int threads, long maxFileBytes, ExecutorService pool) throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Worker worker = new Worker(new DocumentIntake(maxFileBytes, referenceDate, MinistryFamilies.standard()), spillFolder.resolve("worker-" + t), spillPolicy, inMemory);
      workers.add(worker);
      tasks.add(() -> {
        for (int i = next.getAndIncrement(); i < input.size(); i = next.getAndIncrement()) {
          worker.add(i, worker.intake.read(input.get(i)));
        }
        return null;
      });
    }
    for (Future<Void> f : pool.invokeAll(tasks)) {
      f.get();
    }
  }

  /** Closes the spill files; returns the bytes they held. */
  private long closeSpills() throws IOException {
    long bytes = 0;
    for (Worker w : workers) {
      for (SpillFile file : w.spills.values()) {
        file.channel.close();
        bytes += file.size;
      }
    }
    return bytes;
  }

  /** One thread's share: small rows and statistics inputs as objects, table rows Avro-encoded per bucket. */
  private static final class Worker {
    final DocumentIntake intake;
    final Path spillPrefix;
    final SpillPolicy spillPolicy;
    final AtomicLong inMemory;
    final Map<TableDefinition, SpillFile> spills = new HashMap<>();
    final List<Row> inventory = new ArrayList<>();
    final List<Row> rejects = new ArrayList<>();
    final List<Candidate> candidates = new ArrayList<>();
    // What the statistics need of each parsed copy, in the order of candidates, compactly: through
    // one writer, so that every name, party and ministry is stored once per thread.
    final ChunkedBytes stats = new ChunkedBytes();
    final StatsEncoding.Writer statsWriter = new StatsEncoding.Writer(stats);
    final NameCensus names = new NameCensus();
    final Map<TableDefinition, Map<String, Staged>> staged = new HashMap<>();

    Worker(DocumentIntake intake, Path spillPrefix, SpillPolicy spillPolicy, AtomicLong inMemory) {
      this.intake = intake;
      this.spillPrefix = spillPrefix;
      this.spillPolicy = spillPolicy;
      this.inMemory = inMemory;
    }

    void add(int fileIndex, DocumentIntake.Outcome outcome) throws IOException {
      inventory.add(outcome.inventory());
      outcome.reject().ifPresent(rejects::add);
      if (outcome.document().isEmpty()) {
        return;
      }
      Row parsed = outcome.document().get();
      Candidate candidate = ParsedDocument.candidate(parsed);
      candidates.add(candidate);
      StatsDocument doc = ParsedDocument.stats(parsed);
      doc.addNamesTo(names); // every copy's, as the archive's names
      StatsDocumentEncoding.write(statsWriter, doc);
      ParsedDocument.forEachTableRow(parsed, (table, row) -> stage(table, row, fileIndex));
    }

    private void stage(TableDefinition table, Row row, int fileIndex) {
      try {
        Staged bucket = staged.computeIfAbsent(table, t -> new HashMap<>()).computeIfAbsent(table.bucketOf(row), b -> new Staged(table));
        long before = bucket.bytes.size();
        bucket.append(fileIndex, table.toAvro(row));
        long total = inMemory.addAndGet(bucket.bytes.size() - before);
        if (total > spillPolicy.memoryBytes() && bucket.bytes.size() >= spillPolicy.chunkBytes()) {
          SpillFile spill = spills.get(table);
          if (spill == null) {
            spill = new SpillFile(spillPrefix.resolveSibling(spillPrefix.getFileName() + "-" + table.name()));
            spills.put(table, spill);
          }
          inMemory.addAndGet(-bucket.bytes.size());
          bucket.spillTo(spill);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The statistics of this thread's documents, those set aside left out, with the archive's person keys. */
    Statistics statistics(LocalDate referenceDate, Set<String> setAside, PersonKeys keys) throws IOException {
      Statistics statistics = new Statistics(referenceDate);
      StatsEncoding.Reader reader = new StatsEncoding.Reader(stats.inputStream());
      for (Candidate candidate : candidates) {
        StatsDocument doc = StatsDocumentEncoding.read(reader);
        if (!setAside.contains(candidate.sourceFile())) {
          statistics.add(doc, keys);
        }
      }
      return statistics;
    }
  }

  /** One thread's spill file of one table: chunks of buckets, appended in any order. */
  private static final class SpillFile {
    final FileChannel channel;
    long size;

    SpillFile(Path path) throws IOException {
      channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Appends the bytes of these buffers; returns their offset. */
    long append(ByteBuffer[] buffers) throws IOException {
      long offset = size;
      long length = 0;
      for (ByteBuffer buffer : buffers) {
        length += buffer.remaining();
      }
      channel.position(offset);
      for (long written = 0; written < length; ) {
        written += channel.write(buffers);
      }
      size += length;
      return offset;
    }

    byte[] read(long offset, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(length);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, offset + buffer.position()) < 0) {
          throw new IOException("spill file ends early");
        }
      }
      return buffer.array();
    }
  }

  /** The Avro-encoded rows of one bucket of one table, each after the index of its file: in memory, and the chunks spilled. */
  private static final class Staged {
    final ChunkedBytes bytes = new ChunkedBytes();
    // Direct: every record is in bytes as soon as it is written, so their size is exact for the memory budget.
    final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
    final GenericDatumWriter<GenericRecord> writer;
    final List<long[]> chunks = new ArrayList<>(); // {offset, length} in the spill file

    Staged(TableDefinition table) {
      writer = new GenericDatumWriter<>(table.avroSchema());
    }

    void append(int fileIndex, GenericRecord record) throws IOException {
      encoder.writeInt(fileIndex);
      writer.write(record, encoder);
    }

    void spillTo(SpillFile spill) throws IOException {
      if (bytes.size() > 0) {
        chunks.add(new long[] {spill.append(bytes.buffers()), bytes.size()});
        bytes.reset();
      }
    }

    /** Every staged record, spilled chunks first, as one stream. */
    InputStream read(SpillFile spill) throws IOException {
      List<InputStream> parts = new ArrayList<>();
      for (long[] chunk : chunks) {
        parts.add(new ByteArrayInputStream(spill.read(chunk[0], (int) chunk[1])));
      }
      parts.add(bytes.inputStream());
      return new SequenceInputStream(Collections.enumeration(parts));
    }
  }

  // ---- phase 2: duplicates, statistics and the tables, one table per core at a time ---------

  private Map<String, Long> write(Path output, ExecutorService pool) throws Exception {
    long started = System.nanoTime();
    List<Candidate> copies = new ArrayList<>();
    workers.forEach(w -> copies.addAll(w.candidates));
    List<Row> duplicates = new ArrayList<>();
    Set<String> setAside = new HashSet<>();
    for (DuplicateResolver.Decision d : KeptCopies.resolve(copies, candidate -> candidate).decisions()) {
      duplicates.add(KeptCopies.duplicateRow(d));
      setAside.add(d.duplicateFile());
    }
    // The person keys from the names of every parsed copy, as the pipeline resolves them.
    NameCensus names = new NameCensus();
    workers.forEach(w -> names.merge(w.names));
    PersonKeys keys = PersonKeys.resolve(names);
    // Each thread adds its own documents; the parts are merged, as a runner's combine does.
    List<Callable<Statistics>> adding = new ArrayList<>();
    for (Worker w : workers) {
      adding.add(() -> w.statistics(referenceDate, setAside, keys));
    }
    Statistics statistics = new Statistics(referenceDate);
    for (Future<Statistics> part : pool.invokeAll(adding)) {
      statistics.merge(part.get());
    }
    statisticsNanos = System.nanoTime() - started;
    long parsed = 0;
    for (Worker w : workers) {
      parsed += w.candidates.size();
    }
    // A staged row carries the index of its file in the sorted input; drop those of the copies set aside.
    Set<Integer> setAsideIndexes = new HashSet<>();
    for (int i = 0; i < input.size(); i++) {
      if (setAside.contains(input.get(i).name())) {
        setAsideIndexes.add(i);
      }
    }

    Map<TableDefinition, List<Row>> plain = new HashMap<>(statistics.tableRows());
    plain.put(Tables.REJECTS, new ArrayList<>());
    plain.put(Tables.INPUT_FILES, new ArrayList<>());
    workers.forEach(w -> {
      plain.get(Tables.REJECTS).addAll(w.rejects);
      plain.get(Tables.INPUT_FILES).addAll(w.inventory);
    });
    plain.put(Tables.DUPLICATES, duplicates);
    plain.put(Tables.CHANGES, new ArrayList<>()); // the benchmark has no previous run to compare with
    Map<String, Long> measures = new HashMap<>(statistics.totals());
    measures.put(SummaryMeasures.DOCUMENTS_PARSED, parsed);
    measures.put(SummaryMeasures.REJECTED, (long) plain.get(Tables.REJECTS).size());
    measures.put(SummaryMeasures.DUPLICATES, (long) duplicates.size());
    measures.put(SummaryMeasures.CONFLICTS, duplicates.stream().filter(row -> row.getBoolean("conflict")).count());
    plain.put(Tables.SUMMARY, SummaryMeasures.rows(measures));

    // The largest tables first, so that no thread is left writing a large one alone at the end.
    List<TableDefinition> order = new ArrayList<>(Tables.ALL);
    order.sort(Comparator.comparingLong((TableDefinition table) -> plain.containsKey(table) ? plain.get(table).size() * 64L : stagedBytes(table))
        .reversed());
    List<Callable<Long>> tasks = new ArrayList<>();
    for (TableDefinition table : order) {
      tasks.add(() -> plain.containsKey(table)
          ? writePlain(output, table, plain.get(table))
          : writeStaged(output, table, setAsideIndexes, keys));
    }
    Map<String, Long> rows = new TreeMap<>();
    List<Future<Long>> results = pool.invokeAll(tasks);
    for (int i = 0; i < order.size(); i++) {
      rows.put(order.get(i).name(), results.get(i).get());
    }
    return rows;
  }

  /** The bytes of a table's staged rows, in memory and spilled. */
  private long stagedBytes(TableDefinition table) {
    long bytes = 0;
    for (Worker w : workers) {
      for (Staged staged : w.staged.getOrDefault(table, Map.of()).values()) {
        bytes += staged.bytes.size();
        for (long[] chunk : staged.chunks) {
          bytes += chunk[1];
        }
      }
    }
    return bytes;
  }

  private long writePlain(Path output, TableDefinition table, List<Row> rows) throws IOException {
    List<GenericRecord> records = new ArrayList<>(rows.size());
    rows.forEach(r -> records.add(table.toAvro(r)));
    records.sort(table.rowOrder());
    try (TableFileWriter writer = writer(output, table)) {
      for (GenericRecord record : records) {
        writer.write(record);
      }
      return writer.rows();
    }
  }

  private long writeStaged(Path output, TableDefinition table, Set<Integer> setAside, PersonKeys keys) throws IOException {
    boolean personKeys = PersonKeyColumn.isIn(table);
    TreeSet<String> buckets = new TreeSet<>();
    workers.forEach(w -> buckets.addAll(w.staged.getOrDefault(table, Map.of()).keySet()));
    GenericDatumReader<GenericRecord> reader = AvroReaders.of(table.avroSchema());
    try (TableFileWriter writer = writer(output, table)) {
      for (String bucket : buckets) {
        List<GenericRecord> records = new ArrayList<>();
        for (Worker w : workers) {
          Staged staged = w.staged.getOrDefault(table, Map.of()).get(bucket);
          if (staged == null) {
            continue;
          }
          BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(staged.read(w.spills.get(table)), null);
          while (!decoder.isEnd()) {
            int fileIndex = decoder.readInt();
            GenericRecord record = reader.read(null, decoder);
            if (!setAside.contains(fileIndex)) {
              if (personKeys) {
                PersonKeyColumn.rekey(record, keys);
              }
              records.add(record);
            }
          }
        }
        records.sort(table.rowOrder());
        for (GenericRecord record : records) {
          writer.write(record);
        }
      }
      return writer.rows();
    }
  }

  private static TableFileWriter writer(Path output, TableDefinition table) throws IOException {
    try {
      return new TableFileWriter(table,
          Files.newByteChannel(output.resolve(table.name() + ".csv"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
          Files.newByteChannel(output.resolve(table.name() + ".parquet"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + table.name() + " in " + output, e);
    }
  }
}
