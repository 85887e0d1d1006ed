package nl.kamervragen.pipeline;

import java.nio.channels.Channels;
import java.time.LocalDate;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Matches the input files, reads and parses each one. Output {@link #DOCUMENTS}: one bundle per
 * parsed file; output {@link #REJECTS}: one {@code rejects} row per file that could not be read
 * or parsed. Every matched file ends in exactly one of the two.
 */
public final class ReadDocuments extends PTransform<PBegin, PCollectionTuple> {

  public static final TupleTag<Row> DOCUMENTS = new TupleTag<>() {};
  public static final TupleTag<Row> REJECTS = new TupleTag<>() {};
  /** One {@code input_files} row per matched file, whatever became of it. */
  public static final TupleTag<Row> INPUT_FILES = new TupleTag<>() {};

  private final String inputPattern;
  private final Settings settings;

  /** What parsing a file needs to know. */
  record Settings(String inputRoot, LocalDate referenceDate, long maxFileBytes) implements java.io.Serializable {}

  public ReadDocuments(RunConfig config) {
    this.inputPattern = config.inputPattern();
    this.settings = new Settings(config.inputRoot(), config.referenceDate(), config.maxFileBytes());
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollectionTuple parsed =
        input
            .apply("Match files", new MatchFiles(inputPattern))
            .apply("Open files", FileIO.readMatches().withCompression(Compression.AUTO).withDirectoryTreatment(FileIO.ReadMatches.DirectoryTreatment.SKIP))
            .apply("Parse files", ParDo.of(new ParseFileFn(settings)).withOutputTags(DOCUMENTS, TupleTagList.of(REJECTS).and(INPUT_FILES)));
    parsed.get(DOCUMENTS).setCoder(RowCoder.of(DocumentBundle.SCHEMA));
    parsed.get(REJECTS).setCoder(RowCoder.of(Tables.REJECTS.beamSchema()));
    parsed.get(INPUT_FILES).setCoder(RowCoder.of(Tables.INPUT_FILES.beamSchema()));
    return parsed;
  }

  /** Reads one file, bounded by the size cap, and parses it. Thin: the work is in {@link DocumentIntake}. */
  static final class ParseFileFn extends DoFn<FileIO.ReadableFile, Row> {
    private final Settings settings;
    private final Counter filesRead = PipelineMetrics.counter(PipelineMetrics.FILES_READ);
    private final Counter parsed = PipelineMetrics.counter(PipelineMetrics.DOCUMENTS_PARSED);
    private final Counter rejected = PipelineMetrics.counter(PipelineMetrics.FILES_REJECTED);
    private transient DocumentIntake intake;

    ParseFileFn(Settings settings) {
      this.settings = settings;
    }

    @Setup
    public void setup() {
      intake = new DocumentIntake(settings.maxFileBytes(), settings.referenceDate());
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      filesRead.inc();
      String name = RunConfig.relativeName(settings.inputRoot(), file.getMetadata().resourceId().toString());
      DocumentIntake.Outcome outcome =
          intake.read(name, file.getMetadata().sizeBytes(), file.getCompression() != Compression.UNCOMPRESSED,
              () -> Channels.newInputStream(file.open()));
      out.get(INPUT_FILES).output(outcome.inventory());
      outcome.bundle().ifPresent(bundle -> {
        parsed.inc();
        out.get(DOCUMENTS).output(bundle);
      });
      outcome.reject().ifPresent(reject -> {
        rejected.inc();
        out.get(REJECTS).output(reject);
      });
    }
  }
}
