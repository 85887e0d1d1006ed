package nl.kamervragen.input;

/** What an entry under the input folder is. Only regular files (and followed links) are opened. */
public enum EntryKind {
  FILE("file", "a file"),
  SYMBOLIC_LINK("symbolic_link", "a symbolic link"),
  FOLDER("folder", "a folder"),
  FIFO("fifo", "a FIFO (named pipe)"),
  SOCKET("socket", "a socket"),
  DEVICE("device", "a device"),
  OTHER("other", "a special file");

  private final String label;
  private final String description;

  EntryKind(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** The value of the {@code kind} column of {@code input_files}. */
  public String label() {
    return label;
  }

  /** The kind in words, for reasons: "a FIFO (named pipe)". */
  public String description() {
    return description;
  }

  public static EntryKind ofLabel(String label) {
    for (EntryKind kind : values()) {
      if (kind.label.equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("no entry kind " + label);
  }

  /** The kind of a special file from its POSIX mode ({@code st_mode}). */
  static EntryKind ofMode(int mode) {
    return switch (mode & 0170000) {
      case 0010000 -> FIFO;
      case 0140000 -> SOCKET;
      case 0020000, 0060000 -> DEVICE;
      case 0100000 -> FILE;
      case 0040000 -> FOLDER;
      case 0120000 -> SYMBOLIC_LINK;
      default -> OTHER;
    };
  }
}
