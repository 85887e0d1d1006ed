package nl.kamervragen.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.kamervragen.input.ArchiveReader;
import nl.kamervragen.input.ListedEntry;
import nl.kamervragen.model.ParseResult;
import nl.kamervragen.parse.DocumentBytes;
import nl.kamervragen.parse.DocumentParser;
import nl.kamervragen.ministry.MinistryFamilies;
import nl.kamervragen.parse.TopicVocabulary;
import nl.kamervragen.table.Tables;
import org.apache.beam.sdk.values.Row;

/**
 * What becomes of one listed entry: its {@code input_files} row, and either its parsed document or its
 * {@code rejects} row. Plain Java, so that the pipeline and the benchmark's floor read files the
 * same way; not thread-safe (one per worker thread).
 */
public final class DocumentIntake {

  /** The stages of {@code rejects.stage}. */
  public static final String LISTED = "list";
  public static final String READ = "read";
  public static final String CHANGED = "changed";
  public static final String PARSED = "parse";

  /**
   * The outcome for one entry: exactly one of {@code document} and {@code reject} is present.
   *
   * @param inventory the entry's {@code input_files} row
   */
  public record Outcome(Row inventory, Optional<Row> document, Optional<Row> reject) {}

  private final DocumentParser parser = new DocumentParser(TopicVocabulary.standard());
  private final ArchiveReader reader;
  private final LocalDate referenceDate;
  private final MinistryFamilies families;

  /** @param families the mapping that gives each answerer's ministry its family */
  public DocumentIntake(long maxFileBytes, LocalDate referenceDate, MinistryFamilies families) {
    this.reader = new ArchiveReader(maxFileBytes);
    this.referenceDate = referenceDate;
    this.families = families;
  }

  /** Reads, decodes and parses one entry, when the listing policy lets it be read. */
  public Outcome read(ListedEntry entry) {
    String name = entry.name();
    if (!entry.isRead()) {
      return rejected(inventory(entry, -1, null), name, LISTED, 0, entry.rejection());
    }
    ArchiveReader.Result read = reader.read(entry);
    if (read instanceof ArchiveReader.Failure failure) {
      return failure.changed()
          ? rejected(inventory(entry, failure.storedBytesRead(), null), name, CHANGED, 0, "changed during the run: " + failure.reason())
          : rejected(inventory(entry, failure.storedBytesRead(), null), name, READ, 0, failure.reason());
    }
    byte[] bytes = ((ArchiveReader.Content) read).bytes();
    String digest = sha256(bytes);
    Row inventory = inventory(entry, read.storedBytesRead(), digest);
    DocumentBytes.Decoded decoded;
    try {
      decoded = DocumentBytes.decode(bytes);
    } catch (IllegalArgumentException notText) {
      return rejected(inventory, name, READ, 0, notText.getMessage());
    }
    ParseResult result;
    try {
      result = parser.parse(decoded.text());
    } catch (RuntimeException parserBug) {
      // One strange file must not stop a nightly run: record it, and the bug, as a reject.
      return rejected(inventory, name, PARSED, 0, "the parser failed on this file (" + parserBug + "); please report it");
    }
    if (result instanceof ParseResult.Failed failed) {
      return rejected(inventory, name, PARSED, failed.line(), failed.reason());
    }
    Row parsed = ParsedDocument.of(((ParseResult.Parsed) result).document(), name, digest,
        decoded.warning().map(List::of).orElse(List.of()), referenceDate, families);
    return new Outcome(inventory, Optional.of(parsed), Optional.empty());
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

  /** The {@code input_files} row of an entry: as listed, and what was read of it. */
  private static Row inventory(ListedEntry entry, long storedBytesRead, String digest) {
    return Tables.INPUT_FILES.row()
        .withFieldValue("source_file", entry.name())
        .withFieldValue("bytes", entry.size())
        .withFieldValue("sha256", digest)
        .withFieldValue("kind", entry.kind().label())
        .withFieldValue("modified", entry.modifiedNanos() == null ? null
            : Instant.EPOCH.plusNanos(entry.modifiedNanos()).truncatedTo(ChronoUnit.MICROS))
        .withFieldValue("link_target", entry.linkTarget())
        .withFieldValue("read_bytes", storedBytesRead < 0 ? null : storedBytesRead)
        .build();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
