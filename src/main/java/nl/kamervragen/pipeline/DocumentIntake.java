package nl.kamervragen.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.kamervragen.model.ParseResult;
import nl.kamervragen.parse.DocumentBytes;
import nl.kamervragen.parse.DocumentParser;
import nl.kamervragen.parse.TopicVocabulary;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.values.Row;

/**
 * What becomes of one input file: its {@code input_files} row, and either its bundle or its
 * {@code rejects} row. Plain Java, so that the pipeline and the benchmark's floor read files the
 * same way; not thread-safe (one per worker thread).
 */
public final class DocumentIntake {

  /** Opens a file's (decompressed) bytes. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /**
   * The outcome for one file: exactly one of {@code bundle} and {@code reject} is present.
   *
   * @param inventory the file's {@code input_files} row
   */
  public record Outcome(Row inventory, Optional<Row> bundle, Optional<Row> reject) {}

  private final DocumentParser parser = new DocumentParser(TopicVocabulary.standard());
  private final long maxFileBytes;
  private final LocalDate referenceDate;

  public DocumentIntake(long maxFileBytes, LocalDate referenceDate) {
    this.maxFileBytes = maxFileBytes;
    this.referenceDate = referenceDate;
  }

  /**
   * Reads, decodes and parses one file.
   *
   * @param name the file's name relative to the input folder
   * @param storedBytes its size as stored
   * @param compressed whether it is decompressed while read (then the cap applies while reading)
   */
  public Outcome read(String name, long storedBytes, boolean compressed, Opener opener) {
    byte[] bytes = null;
    DocumentBytes.Decoded decoded;
    try {
      if (!compressed && storedBytes > maxFileBytes) {
        throw new IllegalArgumentException(tooLarge());
      }
      bytes = readCapped(opener);
      decoded = DocumentBytes.decode(bytes);
    } catch (IOException | RuntimeException e) {
      return rejected(inventory(name, storedBytes, bytes == null ? null : sha256(bytes)), name, "read", 0, readProblem(e));
    }
    String digest = sha256(bytes);
    Row inventory = inventory(name, storedBytes, digest);
    ParseResult result;
    try {
      result = parser.parse(decoded.text());
    } catch (RuntimeException parserBug) {
      // One strange file must not stop a nightly run: record it, and the bug, as a reject.
      return rejected(inventory, name, "parse", 0, "the parser failed on this file (" + parserBug + "); please report it");
    }
    if (result instanceof ParseResult.Failed failed) {
      return rejected(inventory, name, "parse", failed.line(), failed.reason());
    }
    Row bundle = DocumentBundle.of(((ParseResult.Parsed) result).document(), name, digest,
        decoded.warning().map(List::of).orElse(List.of()), referenceDate);
    return new Outcome(inventory, Optional.of(bundle), Optional.empty());
  }

  private byte[] readCapped(Opener opener) throws IOException {
    // Read at most cap + 1 bytes: enough to know a (decompressed) file is too large.
    try (InputStream in = opener.open()) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      byte[] chunk = new byte[64 * 1024];
      int n;
      while ((n = in.read(chunk, 0, (int) Math.min(chunk.length, maxFileBytes + 1 - buffer.size()))) > 0) {
        buffer.write(chunk, 0, n);
        if (buffer.size() > maxFileBytes) {
          throw new IllegalArgumentException(tooLarge());
        }
      }
      return buffer.toByteArray();
    }
  }

  private static Outcome rejected(Row inventory, String file, String stage, int line, String reason) {
    Row reject = Tables.REJECTS.row()
        .withFieldValue("source_file", file)
        .withFieldValue("stage", stage)
        .withFieldValue("line", line > 0 ? line : null)
        .withFieldValue("reason", reason)
        .build();
    return new Outcome(inventory, Optional.empty(), Optional.of(reject));
  }

  private static Row inventory(String name, long storedBytes, String digest) {
    return Tables.INPUT_FILES.row()
        .withFieldValue("source_file", name)
        .withFieldValue("bytes", storedBytes)
        .withFieldValue("sha256", digest)
        .build();
  }

  private String tooLarge() {
    return "larger than the size cap of " + maxFileBytes + " bytes (--maxFileBytes); not read";
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

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
