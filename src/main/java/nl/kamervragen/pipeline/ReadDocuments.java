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
import nl.kamervragen.person.NameCensus;
import nl.kamervragen.stats.StatsDocument;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.coders.RowCoder;
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
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads the entries of the run's listing, and each file it lists. Output {@link #DOCUMENTS}: one
 * parsed document per parsed file, keyed by case-number bucket and encoded for the shuffle
 * ({@link EncodedDocuments}); output {@link #REJECTS}: one {@code rejects} row per entry that is not
 * read or could not be read or parsed; output {@link #INPUT_FILES}: one {@code input_files} row per
 * entry. Every listed entry ends in exactly one of the first two.
 *
 * <p>The listing is made once, by the client, before the pipeline starts: the pipeline reads what
 * was listed and nothing else, and the client can check afterwards that the input did not change.
 */
public final class ReadDocuments extends PTransform<PBegin, PCollectionTuple> {

  public static final TupleTag<KV<String, byte[]>> DOCUMENTS = new TupleTag<>() {};
  public static final TupleTag<Row> REJECTS = TableTags.of(Tables.REJECTS);
  public static final TupleTag<Row> INPUT_FILES = TableTags.of(Tables.INPUT_FILES);
  /** The names of each parsed document, for {@link ResolvePersonKeys}. */
  public static final TupleTag<NameCensus> NAMES = new TupleTag<>() {};

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
  public PCollectionTuple expand(PBegin input) {
    PCollectionTuple parsed =
        input
            .apply("Listing", Create.of(listingFile).withCoder(StringUtf8Coder.of()))
            .apply("List entries", ParDo.of(new ListEntriesFn()))
            .setCoder(ListedEntryCoder.of())
            .apply("Spread entries", Reshuffle.<ListedEntry>viaRandomKey().withNumBuckets(BUCKETS))
            .apply("Read and parse files",
                ParDo.of(new ReadFileFn(settings)).withOutputTags(DOCUMENTS, TupleTagList.of(REJECTS).and(INPUT_FILES).and(NAMES)));
    parsed.get(DOCUMENTS).setCoder(EncodedDocuments.CODER);
    parsed.get(REJECTS).setCoder(RowCoder.of(Tables.REJECTS.beamSchema()));
    parsed.get(INPUT_FILES).setCoder(RowCoder.of(Tables.INPUT_FILES.beamSchema()));
    parsed.get(NAMES).setCoder(NameCensusCoder.of());
    return parsed;
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
    public void process(@Element ListedEntry entry, MultiOutputReceiver out) throws IOException {
      filesRead.inc();
      DocumentIntake.Outcome outcome = intake.read(entry);
      out.get(INPUT_FILES).output(outcome.inventory());
      if (outcome.document().isPresent()) {
        parsed.inc();
        Row document = outcome.document().get();
        StatsDocument stats = ParsedDocument.stats(document);
        out.get(DOCUMENTS).output(encoding.keyed(document, stats));
        NameCensus names = new NameCensus();
        stats.addNamesTo(names);
        out.get(NAMES).output(names);
      }
      outcome.reject().ifPresent(reject -> {
        rejected.inc();
        out.get(REJECTS).output(reject);
      });
    }
  }
}
