package nl.kamervragen.pipeline;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import nl.kamervragen.core.DocumentIntake;
import nl.kamervragen.input.ListedEntry;
import nl.kamervragen.input.ListingFile;
import nl.kamervragen.ministry.MinistryFamilies;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroSource;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
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
    // The listing is an Avro file, read as a splittable source: each worker reads its own share of
    // the entries, split by the source's size into equal parts. A reshuffle over random keys left
    // the split to the hash of 64 keys, and one of two Flink workers read 55 % of a million files.
    PCollectionTuple parsed =
        input
            .apply("List entries", Read.from(
                AvroSource.from(listingFile)
                    .withParseFn(ListingFile::entryOf, ListedEntryCoder.of())
                    .withMinBundleSize(ListingFile.SYNC_INTERVAL_BYTES)))
            .apply("Read and parse files",
                ParDo.of(new ReadFileFn(settings)).withOutputTags(DOCUMENTS, TupleTagList.of(REJECTS).and(INPUT_FILES)));
    parsed.get(DOCUMENTS).setCoder(EncodedDocuments.CODER);
    parsed.get(REJECTS).setCoder(RowCoder.of(Tables.REJECTS.beamSchema()));
    parsed.get(INPUT_FILES).setCoder(RowCoder.of(Tables.INPUT_FILES.beamSchema()));
    return parsed;
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
        out.get(DOCUMENTS).output(encoding.keyed(outcome.document().get()));
      }
      outcome.reject().ifPresent(reject -> {
        rejected.inc();
        out.get(REJECTS).output(reject);
      });
    }
  }
}
