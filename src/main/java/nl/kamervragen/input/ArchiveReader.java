package nl.kamervragen.input;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Reads one listed file, and only the file that was listed: it is opened without following a
 * link, its state is checked against the listing before it is opened and after it is read, and
 * what was read is counted. A {@code .gz} file is decompressed; no file is read past the size cap.
 */
public final class ArchiveReader {

  /** What reading a file gave. */
  public sealed interface Result permits Content, Failure {
    /** Bytes read from storage (the compressed bytes of a {@code .gz} file); -1 when it was not opened. */
    long storedBytesRead();
  }

  /** The file's (decompressed) bytes, read whole and unchanged since it was listed. */
  public record Content(byte[] bytes, long storedBytesRead) implements Result {}

  /**
   * Why the file gave no content.
   *
   * @param changed the file changed, appeared or went away since it was listed: the run cannot publish
   * @param reason what was wrong, without the file's absolute path
   */
  public record Failure(boolean changed, String reason, long storedBytesRead) implements Result {}

  private static final int CHUNK = 64 * 1024;
  /** The largest array the JVM allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final long maxBytes;

  /** @param maxBytes the size cap: files larger than this (after decompression) are not read whole */
  public ArchiveReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public Result read(ListedEntry entry) {
    if (!entry.isRead()) {
      throw new IllegalArgumentException(entry.name() + " is not read: " + entry.rejection());
    }
    if (!entry.location().startsWith("file:")) {
      return readObject(entry);
    }
    Path path = FileNames.path(entry.location());
    FileState listed = FileState.of(entry);
    Counting stored = null;
    byte[] content;
    try {
      String change = changeSince(path, listed);
      if (change != null) {
        return new Failure(true, change, -1);
      }
      if (!entry.compressed() && listed.size() > maxBytes) {
        return new Failure(false, tooLarge(), -1);
      }
      try (InputStream file = Files.newInputStream(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
        stored = new Counting(file);
        content = readCapped(entry.compressed() ? new GZIPInputStream(stored, CHUNK) : stored);
        if (content != null && entry.compressed()) {
          stored.transferTo(OutputStream.nullOutputStream()); // whatever follows the compressed data is counted too
        }
      }
      change = changeSince(path, listed);
      if (change != null) {
        return new Failure(true, change + " while it was read", stored.count);
      }
    } catch (NoSuchFileException gone) {
      return new Failure(true, "removed after it was listed", stored == null ? -1 : stored.count);
    } catch (IOException e) {
      return new Failure(false, "cannot read the file: " + reason(e, path, entry.name()), stored == null ? -1 : stored.count);
    }
    if (content == null) {
      return new Failure(false, tooLarge(), stored.count);
    }
    if (stored.count != listed.size()) {
      return new Failure(true, String.format(Locale.ROOT, "%d bytes read, but listed with %d", stored.count, listed.size()), stored.count);
    }
    return new Content(content, stored.count);
  }

  /**
   * Reads an object from object storage (through Beam's file systems): its size and modification
   * time are checked against the listing before it is read, and its size, modification time and
   * ETag after, against those before.
   */
  private Result readObject(ListedEntry entry) {
    FileState listed = FileState.of(entry);
    Counting stored = null;
    byte[] content;
    try {
      MatchResult.Metadata before = objectState(entry.location());
      if (before == null) {
        return new Failure(true, "removed after it was listed", -1);
      }
      String change = new FileState(before.sizeBytes(), before.lastModifiedMillis() * 1_000_000L, null).changeSince(listed);
      if (change != null) {
        return new Failure(true, change, -1);
      }
      if (!entry.compressed() && listed.size() > maxBytes) {
        return new Failure(false, tooLarge(), -1);
      }
      ResourceId object = FileSystems.matchNewResource(entry.location(), false);
      try (InputStream in = Channels.newInputStream(FileSystems.open(object))) {
        stored = new Counting(in);
        content = readCapped(entry.compressed() ? new GZIPInputStream(stored, CHUNK) : stored);
        if (content != null && entry.compressed()) {
          stored.transferTo(OutputStream.nullOutputStream());
        }
      }
      MatchResult.Metadata after = objectState(entry.location());
      if (after == null) {
        return new Failure(true, "removed while it was read", stored.count);
      }
      if (after.sizeBytes() != before.sizeBytes() || after.lastModifiedMillis() != before.lastModifiedMillis()
          || !Objects.equals(after.checksum(), before.checksum())) {
        return new Failure(true, "replaced while it was read", stored.count);
      }
    } catch (IOException e) {
      return new Failure(false, "cannot read the object: " + (e instanceof EOFException
          ? "it ends unexpectedly (cut off or corrupt compressed data)" : String.valueOf(e.getMessage()).lines().findFirst().orElse("")),
          stored == null ? -1 : stored.count);
    }
    if (content == null) {
      return new Failure(false, tooLarge(), stored.count);
    }
    if (stored.count != listed.size()) {
      return new Failure(true, String.format(Locale.ROOT, "%d bytes read, but listed with %d", stored.count, listed.size()), stored.count);
    }
    return new Content(content, stored.count);
  }

  /** An object's size, modification time and ETag now; null when it is gone. */
  private static MatchResult.Metadata objectState(String location) throws IOException {
    try {
      return FileSystems.matchSingleFileSpec(location);
    } catch (FileNotFoundException gone) {
      return null;
    }
  }

  /** How the file at a path differs from its listed state; null when it does not. */
  private static String changeSince(Path path, FileState listed) throws IOException {
    BasicFileAttributes now;
    try {
      now = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException gone) {
      return "removed after it was listed";
    }
    if (!now.isRegularFile()) {
      return "no longer a regular file";
    }
    return FileState.of(now).changeSince(listed);
  }

  /** The bytes of a stream, or null when there are more than the cap (reading stops there). */
  private byte[] readCapped(InputStream in) throws IOException {
    long cap = Math.min(maxBytes, MAX_ARRAY - 1); // one file is one array; a cap above that cannot be met
    byte[] content = in.readNBytes((int) cap + 1);
    return content.length > cap ? null : content;
  }

  private String tooLarge() {
    return "larger than the size cap of " + maxBytes + " bytes (--maxFileBytes); not read";
  }

  /** A reason in words, never with the file's absolute path (tables name files relative to the input). */
  private static String reason(IOException e, Path path, String name) {
    if (e instanceof EOFException) {
      return "it ends unexpectedly (cut off or corrupt compressed data)";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String message = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message.replace(path.toString(), name);
  }

  /** Counts the bytes read through it. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
