package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.time.LocalDate;
import java.util.List;
import nl.kamervragen.core.DocumentIntake;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.input.ListedEntry;
import nl.kamervragen.input.ListingFile;
import nl.kamervragen.ministry.MinistryFamilies;
import org.apache.beam.sdk.coders.BigEndianIntegerCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Reads the entries of the run's listing, in chunks of consecutive entries (a block of the listing
 * file each, {@link ListingFile#ENTRIES_PER_BLOCK} entries), and each file it lists, and stages in
 * runs ({@link DocumentRuns}) each entry's {@code input_files} row and the rows each parsed document
 * gives to the staged tables. Output: per chunk, one batch per bucket of what the next step needs of
 * each entry, encoded for the shuffle ({@link EncodedDocuments}): what it needs of a parsed document,
 * or the entry's {@code rejects} row (an entry that is not read or could not be read or parsed); and
 * one element per run staged, under {@link EncodedDocuments#RUNS_KEY}. {@link RemoveDuplicates}
 * takes them apart.
 *
 * <p>The rows are staged here, not after the shuffle, because they are nearly all of a document's
 * bytes: shuffled, Flink sorted and spilled them, and staged them only after the last file was read.
 *
 * <p>One output, not one per kind: Flink writes the outputs of a multi-output step as one stream
 * that each output reads whole again. When the documents still crossed the shuffle whole, a job over
 * 100,000 documents on Flink embedded took 42.0 and 39.7 s with four outputs (documents, rejects,
 * input_files rows, names), and 37.0 and 37.2 s with one (runs alternated, same archive).
 *
 * <p>The listing is made once, by the client, before the pipeline starts: the pipeline reads what
 * was listed and nothing else, and the client can check afterwards that the input did not change.
 */
public final class ReadDocuments extends PTransform<PBegin, PCollection<KV<String, byte[]>>> {

  private final String listingFile;
  private final Settings settings;

  /** What reading a file and staging its rows need to know. */
  record Settings(LocalDate referenceDate, long maxFileBytes, MinistryFamilies ministryFamilies, Staging staging) implements Serializable {}

  public ReadDocuments(RunConfig config) {
    this.listingFile = config.listingFile();
    this.settings = new Settings(config.referenceDate(), config.maxFileBytes(), config.ministryFamilies(), config.staging());
  }

  /**
   * Chunks, not files, are what the runner spreads over workers, by the hash of their number: files
   * are named after their case numbers, so a chunk's documents are mostly of one bucket and leave as
   * one batch ({@link EncodedDocuments}). A key per file (Beam's own file reading) made the
   * DirectRunner run every later step once per file (20,000 files took over ten minutes), and 64 keys
   * had left one of two Flink workers 55 % of a million files; a million files make 3,907 chunks,
   * 100,000 make 391. (An Avro source split by size was even, but a job on a Flink cluster then failed
   * to recover from a lost TaskManager: FlinkClusterIT.) The chunks cross the shuffle still encoded,
   * a block each: an element per entry made Flink encode, sort and decode every entry before the
   * first file was read, 4.7 s at 1M on one worker.
   */
  @Override
  public PCollection<KV<String, byte[]>> expand(PBegin input) {
    return input
        .apply("Listing", Create.of(listingFile).withCoder(StringUtf8Coder.of()))
        .apply("List chunks", ParDo.of(new ListChunksFn()))
        // Big-endian: Flink hands a worker its chunks in the order of their encoded keys, here the
        // listing's, so the runs a worker stages cover few buckets each.
        .setCoder(KvCoder.of(BigEndianIntegerCoder.of(), ListingBlockCoder.of()))
        .apply("Spread chunks", GroupByKey.create())
        .apply("Read and parse files", ParDo.of(new ReadChunkFn(settings)))
        .setCoder(EncodedDocuments.CODER);
  }

  /** The blocks of a listing file, each a chunk, numbered in listing order. */
  static final class ListChunksFn extends DoFn<String, KV<Integer, ListingFile.Block>> {
    @ProcessElement
    public void process(@Element String listing, OutputReceiver<KV<Integer, ListingFile.Block>> out) throws IOException {
      try (ListingFile.Sequence<ListingFile.Block> blocks =
          ListingFile.readBlocks(Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(listing, false))))) {
        int chunk = 0;
        while (blocks.hasNext()) {
          out.output(KV.of(chunk++, blocks.next()));
        }
      }
    }
  }

  /**
   * Reads a chunk's entries, each bounded by the size cap, parses them and stages their rows. Thin:
   * the work is in {@link DocumentIntake}, {@link DocumentRuns} and {@link EncodedDocuments}.
   */
  static final class ReadChunkFn extends DoFn<KV<Integer, Iterable<ListingFile.Block>>, KV<String, byte[]>> {
    private final Settings settings;
    private final Counter filesRead = PipelineMetrics.counter(PipelineMetrics.FILES_READ);
    private final Counter parsed = PipelineMetrics.counter(PipelineMetrics.DOCUMENTS_PARSED);
    private final Counter rejected = PipelineMetrics.counter(PipelineMetrics.FILES_REJECTED);
    private transient DocumentIntake intake;
    private transient EncodedDocuments encoding;
    private transient DocumentRuns.Buffer runs;
    private transient ListingFile.BlockDecoder listing;

    ReadChunkFn(Settings settings) {
      this.settings = settings;
    }

    @Setup
    public void setup() {
      intake = new DocumentIntake(settings.maxFileBytes(), settings.referenceDate(), settings.ministryFamilies());
      encoding = new EncodedDocuments();
      runs = new DocumentRuns.Buffer(settings.staging(), DocumentRuns.budgetBytes());
      listing = new ListingFile.BlockDecoder();
    }

    /** Nothing of a failed bundle is carried into the next. */
    @StartBundle
    public void start() {
      runs.clear();
      encoding.clear();
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<ListingFile.Block>> chunk, OutputReceiver<KV<String, byte[]>> out) throws IOException {
      for (ListingFile.Block block : chunk.getValue()) {
        read(listing.entries(block), out);
      }
      encoding.batches().forEach(out::output);
    }

    private void read(List<ListedEntry> entries, OutputReceiver<KV<String, byte[]>> out) throws IOException {
      for (ListedEntry entry : entries) {
        filesRead.inc();
        DocumentIntake.Outcome outcome = intake.read(entry);
        (outcome.document().isPresent() ? parsed : rejected).inc();
        String stagedAs = runs.add(outcome);
        encoding.add(outcome, outcome.document().map(ParsedDocument::stats).orElse(null), stagedAs);
        if (runs.full()) {
          for (KV<String, Row> run : runs.flush()) {
            out.output(EncodedDocuments.keyedRun(run));
          }
        }
      }
    }

    /** A bundle's runs are complete when it ends: a retried bundle stages runs of its own. */
    @FinishBundle
    public void finish(FinishBundleContext context) throws IOException {
      for (KV<String, Row> run : runs.flush()) {
        context.output(EncodedDocuments.keyedRun(run), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
    }
  }
}
