package nl.kamervragen.input;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What tells one version of a file from another without reading it: its size, its modification
 * time and its identity on the file system (a file replaced by another has a new one).
 */
record FileState(long size, long modifiedNanos, String fileKey) {

  static FileState of(BasicFileAttributes attributes) {
    Object key = attributes.fileKey();
    return new FileState(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), key == null ? null : key.toString());
  }

  /** The listed state of an entry that is read. */
  static FileState of(ListedEntry entry) {
    return new FileState(entry.size(), entry.modifiedNanos(), entry.fileKey());
  }

  /** How this state differs from an earlier one, in words; null when it does not. */
  String changeSince(FileState earlier) {
    if (!Objects.equals(fileKey, earlier.fileKey)) {
      return "replaced by another file";
    }
    if (size != earlier.size) {
      return String.format(Locale.ROOT, "size %d → %d bytes", earlier.size, size);
    }
    if (modifiedNanos != earlier.modifiedNanos) {
      return "modified";
    }
    return null;
  }
}
