package nl.kamervragen.input;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Lists every entry under the input folder once, in a fixed order (folder by folder, names in
 * sorted order), applying the listing policy:
 *
 * <ul>
 *   <li>a regular file is read;
 *   <li>a symbolic link is not followed, and is rejected as such. With {@code --followLinks}, a link
 *       that leads to a file inside the input folder is read under its own name, unless that file is
 *       read anyway (under its own name or through an earlier link); a link that leads outside the
 *       input folder, to a folder, nowhere, or in a loop is rejected without being opened;
 *   <li>a FIFO, socket or device is rejected without being opened;
 *   <li>a folder is listed, once: a folder seen before under another name (a loop through a bind
 *       mount) is rejected instead.
 * </ul>
 *
 * So every real file is read at most once, and nothing outside the input folder is opened. A folder
 * that cannot be listed stops the listing with an {@link UnlistableFolderException}: part of the
 * input would be missing.
 */
public final class ArchiveWalker implements Iterator<ListedEntry> {

  /** A folder of the input could not be listed. */
  public static final class UnlistableFolderException extends RuntimeException {
    UnlistableFolderException(String message) {
      super(message);
    }
  }

  /** The canonical order of entries: by name, folder by folder ('/'-separated elements compared in turn). */
  public static final Comparator<String> NAME_ORDER = ArchiveWalker::compareNames;

  /**
   * An entry of a folder: its path, its name in the input ('/'-separated from the input folder), the
   * written form of its last element, and its location as a file.
   */
  private record Child(Path path, String name, String element, String location) {}


  private final InputSelection selection;
  private final Path root;
  private final Deque<Iterator<Child>> folders = new ArrayDeque<>();
  private final Set<String> foldersSeen = new HashSet<>();
  /** Files read through a link (real path → the link's name): each is read once. */
  private final Map<Path, String> linkTargetsRead = new HashMap<>();
  private ListedEntry next;

  public ArchiveWalker(InputSelection selection) {
    this.selection = selection;
    this.root = selection.root();
    try {
      Object key = Files.readAttributes(root, BasicFileAttributes.class).fileKey();
      if (key != null) {
        foldersSeen.add(key.toString());
      }
    } catch (IOException e) {
      throw new UnlistableFolderException("cannot list the input folder " + root + ": " + reason(e));
    }
    folders.push(children(root, ""));
  }

  @Override
  public boolean hasNext() {
    while (next == null && !folders.isEmpty()) {
      Iterator<Child> folder = folders.peek();
      if (!folder.hasNext()) {
        folders.pop();
        continue;
      }
      next = visit(folder.next());
    }
    return next != null;
  }

  @Override
  public ListedEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ListedEntry entry = next;
    next = null;
    return entry;
  }

  /** The entry of one child of a folder; null for a folder (listed in turn) or an entry not selected. */
  private ListedEntry visit(Child child) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(child.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException gone) {
      return null; // removed while being listed: not part of this listing
    } catch (IOException e) {
      throw new UnlistableFolderException("cannot list " + child.name() + " in the input folder: " + reason(e));
    }
    if (attributes.isDirectory()) {
      if (attributes.fileKey() != null && !foldersSeen.add(attributes.fileKey().toString())) {
        return ListedEntry.rejected(child.name(), EntryKind.FOLDER, null,
            "a folder listed already under another name (a loop in the file system), not listed again");
      }
      folders.push(children(child.path(), child.name()));
      return null;
    }
    if (!selection.selects(root.relativize(child.path()))) {
      return null;
    }
    if (attributes.isRegularFile()) {
      FileState state = FileState.of(attributes);
      return ListedEntry.read(child.name(), child.location(), EntryKind.FILE, state.size(), state.modifiedNanos(), state.fileKey(), null);
    }
    if (attributes.isSymbolicLink()) {
      return link(child);
    }
    EntryKind kind = specialKind(child.path());
    return ListedEntry.rejected(child.name(), kind, null, kind.description() + ", not a file: not opened");
  }

  private ListedEntry link(Child link) {
    String target;
    try {
      target = FileNames.displayPath(Files.readSymbolicLink(link.path()));
    } catch (IOException e) {
      target = null;
    }
    if (!selection.followLinks()) {
      return ListedEntry.rejected(link.name(), EntryKind.SYMBOLIC_LINK, target,
          "a symbolic link, not followed (--followLinks follows links that stay inside the input folder)");
    }
    Path real;
    BasicFileAttributes attributes;
    try {
      real = link.path().toRealPath();
      attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return ListedEntry.rejected(link.name(), EntryKind.SYMBOLIC_LINK, target,
          "a symbolic link that leads nowhere (its target is missing, or links lead in a loop), not followed");
    }
    if (!real.startsWith(root)) {
      return ListedEntry.rejected(link.name(), EntryKind.SYMBOLIC_LINK, target, "a symbolic link to outside the input folder, not followed");
    }
    if (attributes.isDirectory()) {
      return ListedEntry.rejected(link.name(), EntryKind.SYMBOLIC_LINK, target,
          "a symbolic link to a folder inside the input folder, not followed: its files are read where they are");
    }
    if (!attributes.isRegularFile()) {
      return ListedEntry.rejected(link.name(), EntryKind.SYMBOLIC_LINK, target,
          "a symbolic link to " + specialKind(real).description() + ", not opened");
    }
    Path relative = root.relativize(real);
    String targetName = FileNames.displayPath(relative);
    if (selection.selects(relative)) {
      return ListedEntry.rejected(link.name(), EntryKind.SYMBOLIC_LINK, target,
          "a symbolic link to " + targetName + ", which is read under its own name");
    }
    String readAs = linkTargetsRead.putIfAbsent(real, link.name());
    if (readAs != null) {
      return ListedEntry.rejected(link.name(), EntryKind.SYMBOLIC_LINK, target,
          "a symbolic link to " + targetName + ", which is read as " + readAs);
    }
    FileState state = FileState.of(attributes);
    return ListedEntry.read(link.name(), FileNames.location(real), EntryKind.SYMBOLIC_LINK, state.size(), state.modifiedNanos(), state.fileKey(), target);
  }

  private Iterator<Child> children(Path folder, String name) {
    List<Child> children = new ArrayList<>();
    String prefix = name.isEmpty() ? "" : name + "/";
    String folderLocation = FileNames.location(folder);
    if (!folderLocation.endsWith("/")) {
      folderLocation += "/"; // a folder that is gone has no '/'; the listing below then fails
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        byte[] raw = FileNames.rawName(entry);
        String element = FileNames.display(raw);
        children.add(new Child(entry, prefix + element, element, FileNames.locationIn(folderLocation, raw)));
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      throw new UnlistableFolderException(
          "cannot list " + (name.isEmpty() ? "the input folder" : "the folder " + name) + ": " + reason(e));
    }
    // Siblings share every element but the last, so their last elements give the NAME_ORDER; comparing
    // whole names element by element (two substrings a comparison) was most of the walk's own time.
    children.sort(Comparator.comparing(Child::element));
    return children.iterator();
  }

  /** FIFO, socket or device, from the POSIX mode where the platform shows it. */
  private static EntryKind specialKind(Path path) {
    try {
      return EntryKind.ofMode((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException notUnix) {
      return EntryKind.OTHER;
    }
  }

  private static String reason(Exception e) {
    Throwable cause = e instanceof java.nio.file.DirectoryIteratorException ? e.getCause() : e;
    if (cause instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (cause instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return cause.getClass().getSimpleName();
  }

  private static int compareNames(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int endA = a.indexOf('/', i);
      int endB = b.indexOf('/', j);
      endA = endA < 0 ? a.length() : endA;
      endB = endB < 0 ? b.length() : endB;
      int order = a.substring(i, endA).compareTo(b.substring(j, endB));
      if (order != 0) {
        return order;
      }
      i = endA + 1;
      j = endB + 1;
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
