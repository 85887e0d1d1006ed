package nl.kamervragen.input;

import java.io.Serializable;
import java.util.Objects;

/**
 * One entry under the input folder as the listing saw it: what it is, its size and modification
 * time, and either where to read it or why it is not read. Every entry becomes one {@code
 * input_files} row.
 *
 * @param name the entry's name relative to the input folder, '/'-separated, in {@link FileNames}'
 *     written form
 * @param location where its content is read ({@link FileNames#location}); for a followed link, the
 *     file it leads to; null when it is not read
 * @param kind what the entry itself is
 * @param size bytes of the file read (for a followed link: of its target); null for entries not read
 * @param modifiedNanos last modification time of the file read, in nanoseconds since 1970; null for
 *     entries not read
 * @param fileKey the file system's identity of the file read (device and inode); null when unknown
 * @param linkTarget for a symbolic link, its target as written in the link, in written form
 * @param rejection why the entry is not read, when it is not; null when it is read
 */
public record ListedEntry(
    String name,
    String location,
    EntryKind kind,
    Long size,
    Long modifiedNanos,
    String fileKey,
    String linkTarget,
    String rejection)
    implements Serializable {

  public ListedEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if ((rejection == null) == (location == null)) {
      throw new IllegalArgumentException(name + ": an entry is either read from a location or rejected");
    }
  }

  /** An entry that is read. */
  static ListedEntry read(String name, String location, EntryKind kind, long size, long modifiedNanos, String fileKey, String linkTarget) {
    return new ListedEntry(name, location, kind, size, modifiedNanos, fileKey, linkTarget, null);
  }

  /** An entry that is listed but not read, with the reason. */
  static ListedEntry rejected(String name, EntryKind kind, String linkTarget, String rejection) {
    return new ListedEntry(name, null, kind, null, null, null, linkTarget, rejection);
  }

  public boolean isRead() {
    return rejection == null;
  }

  /** Whether the content is gzip-compressed, by the name of the file read. */
  public boolean compressed() {
    return location != null && location.endsWith(".gz");
  }
}
