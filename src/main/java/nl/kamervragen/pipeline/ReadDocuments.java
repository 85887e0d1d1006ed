package nl.kamervragen.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import nl.kamervragen.model.ParseResult;
import nl.kamervragen.parse.DocumentBytes;
import nl.kamervragen.parse.DocumentParser;
import nl.kamervragen.parse.TopicVocabulary;
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

  /** Reads one file, bounded by the size cap, and parses it. Thin: the work is in the parser. */
  static final class ParseFileFn extends DoFn<FileIO.ReadableFile, Row> {
    private final Settings settings;
    private final Counter filesRead = PipelineMetrics.counter(PipelineMetrics.FILES_READ);
    private final Counter parsed = PipelineMetrics.counter(PipelineMetrics.DOCUMENTS_PARSED);
    private final Counter rejected = PipelineMetrics.counter(PipelineMetrics.FILES_REJECTED);
    private transient DocumentParser parser;

    ParseFileFn(Settings settings) {
      this.settings = settings;
    }

    @Setup
    public void setup() {
      parser = new DocumentParser(TopicVocabulary.standard());
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      filesRead.inc();
      String name = RunConfig.relativeName(settings.inputRoot(), file.getMetadata().resourceId().toString());
      byte[] bytes = null;
      DocumentBytes.Decoded decoded;
      try {
        bytes = readCapped(file);
        decoded = DocumentBytes.decode(bytes);
      } catch (IOException | RuntimeException e) {
        inventory(out, file, name, bytes == null ? null : sha256(bytes));
        reject(out, name, "read", 0, readProblem(e));
        return;
      }
      String digest = sha256(bytes);
      inventory(out, file, name, digest);
      ParseResult result;
      try {
        result = parser.parse(decoded.text());
      } catch (RuntimeException parserBug) {
        // One strange file must not stop a nightly run: record it, and the bug, as a reject.
        reject(out, name, "parse", 0, "the parser failed on this file (" + parserBug + "); please report it");
        return;
      }
      if (result instanceof ParseResult.Failed failed) {
        reject(out, name, "parse", failed.line(), failed.reason());
        return;
      }
      parsed.inc();
      out.get(DOCUMENTS)
          .output(
              DocumentBundle.of(
                  ((ParseResult.Parsed) result).document(),
                  name,
                  digest,
                  decoded.warning().map(List::of).orElse(List.of()),
                  settings.referenceDate()));
    }

    private byte[] readCapped(FileIO.ReadableFile file) throws IOException {
      long cap = settings.maxFileBytes();
      if (file.getCompression() == Compression.UNCOMPRESSED && file.getMetadata().sizeBytes() > cap) {
        throw new IllegalArgumentException(tooLarge(cap));
      }
      // Read at most cap + 1 bytes: enough to know a (decompressed) file is too large.
      try (InputStream in = Channels.newInputStream(file.open())) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        int n;
        while ((n = in.read(chunk, 0, (int) Math.min(chunk.length, cap + 1 - buffer.size()))) > 0) {
          buffer.write(chunk, 0, n);
          if (buffer.size() > cap) {
            throw new IllegalArgumentException(tooLarge(cap));
          }
        }
        return buffer.toByteArray();
      }
    }

    private static void inventory(MultiOutputReceiver out, FileIO.ReadableFile file, String name, String digest) {
      out.get(INPUT_FILES)
          .output(
              Tables.INPUT_FILES
                  .row()
                  .withFieldValue("source_file", name)
                  .withFieldValue("bytes", file.getMetadata().sizeBytes())
                  .withFieldValue("sha256", digest)
                  .build());
    }

    private static String tooLarge(long cap) {
      return "larger than the size cap of " + cap + " bytes (--maxFileBytes); not read";
    }

    private static String readProblem(Exception e) {
      if (e instanceof IllegalArgumentException) {
        return e.getMessage();
      }
      if (e instanceof java.io.EOFException) {
        return "cannot read the file: it ends unexpectedly (cut off or corrupt compressed data)";
      }
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return "cannot read the file: " + message;
    }

    private void reject(MultiOutputReceiver out, String file, String stage, int line, String reason) {
      rejected.inc();
      out.get(REJECTS)
          .output(
              Tables.REJECTS
                  .row()
                  .withFieldValue("source_file", file)
                  .withFieldValue("stage", stage)
                  .withFieldValue("line", line > 0 ? line : null)
                  .withFieldValue("reason", reason)
                  .build());
    }

    private static String sha256(byte[] bytes) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    }
  }
}
