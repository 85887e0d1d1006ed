package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.time.LocalDate;
import nl.kamervragen.core.DocumentIntake;
import nl.kamervragen.core.ParsedDocument;
import nl.kamervragen.input.ListedEntry;
import nl.kamervragen.input.ListingFile;
import nl.kamervragen.ministry.MinistryFamilies;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads the entries of the run's listing, and each file it lists. Output: one element per entry,
 * keyed by bucket and encoded for the shuffle ({@link EncodedDocuments}): its {@code input_files}
 * row, and either its parsed document or its {@code rejects} row (an entry that is not read or could
 * not be read or parsed). {@link StageDocuments} takes them apart.
 *
 * <p>One output, not one per kind: Flink writes the outputs of a multi-output step as one stream
 * that each output reads whole again, and the documents are nearly all of its bytes. With four
 * outputs (documents, rejects, input_files rows, names) a job over 100,000 documents on Flink
 * embedded took 42.0 and 39.7 s; with one, 37.0 and 37.2 s (runs alternated, same archive).
 *
 * <p>The listing is made once, by the client, before the pipeline starts: the pipeline reads what
 * was listed and nothing else, and the client can check afterwards that the input did not change.
 */
public final class ReadDocuments extends PTransform<PBegin, PCollection<KV<String, byte[]>>> {

  /**
   * Entries are spread over this many random keys for reading. Beam's own file reading reshuffles
   * with one random key per file; the DirectRunner runs every later step once per key, which made
   * 20,000 files take over ten minutes. But the runner spreads keys over workers by their hash, and
   * 64 keys left one of two Flink workers 55 % of a million files (31 s longer than the other);
   * with 1,024 keys the shares differ by about 3 %. (An Avro source split by size was even, but a
   * job on a Flink cluster then failed to recover from a lost TaskManager: FlinkClusterIT.)
   */
  static final int BUCKETS = 1024;

  private final String listingFile;
  private final Settings settings;

  /** What reading a file needs to know. */
  record Settings(LocalDate referenceDate, long maxFileBytes, MinistryFamilies ministryFamilies) implements Serializable {}

  public ReadDocuments(RunConfig config) {
    this.listingFile = config.listingFile();
    this.settings = new Settings(config.referenceDate(), config.maxFileBytes(), config.ministryFamilies());
  }

  @Override
  public PCollection<KV<String, byte[]>> expand(PBegin input) {
    return input
        .apply("Listing", Create.of(listingFile).withCoder(StringUtf8Coder.of()))
        .apply("List entries", ParDo.of(new ListEntriesFn()))
        .setCoder(ListedEntryCoder.of())
        .apply("Spread entries", Reshuffle.<ListedEntry>viaRandomKey().withNumBuckets(BUCKETS))
        .apply("Read and parse files", ParDo.of(new ReadFileFn(settings)))
        .setCoder(EncodedDocuments.CODER);
  }

  /** The entries of a listing file. */
  static final class ListEntriesFn extends DoFn<String, ListedEntry> {
    @ProcessElement
    public void process(@Element String listing, OutputReceiver<ListedEntry> out) throws IOException {
      try (ListingFile.Reader entries =
          ListingFile.read(Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(listing, false))))) {
        entries.forEachRemaining(out::output);
      }
    }
  }

  /** Reads one entry, bounded by the size cap, and parses it. Thin: the work is in {@link DocumentIntake}. */
  static final class ReadFileFn extends DoFn<ListedEntry, KV<String, byte[]>> {
    private final Settings settings;
    private final Counter filesRead = PipelineMetrics.counter(PipelineMetrics.FILES_READ);
    private final Counter parsed = PipelineMetrics.counter(PipelineMetrics.DOCUMENTS_PARSED);
    private final Counter rejected = PipelineMetrics.counter(PipelineMetrics.FILES_REJECTED);
    private transient DocumentIntake intake;
    private transient EncodedDocuments encoding;

    ReadFileFn(Settings settings) {
      this.settings = settings;
    }

    @Setup
    public void setup() {
      intake = new DocumentIntake(settings.maxFileBytes(), settings.referenceDate(), settings.ministryFamilies());
      encoding = new EncodedDocuments();
    }

    @ProcessElement
    public void process(@Element ListedEntry entry, OutputReceiver<KV<String, byte[]>> out) throws IOException {
      filesRead.inc();
      DocumentIntake.Outcome outcome = intake.read(entry);
      (outcome.document().isPresent() ? parsed : rejected).inc();
      out.output(encoding.keyed(outcome, outcome.document().map(ParsedDocument::stats).orElse(null)));
    }
  }
}
