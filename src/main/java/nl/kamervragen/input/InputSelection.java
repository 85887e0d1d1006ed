package nl.kamervragen.input;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import nl.kamervragen.storage.StoredFolder;

/**
 * Which entries under which folder a run reads, from {@code --input}: a folder (everything under
 * it), a file (that entry of its folder) or a glob ({@code archive/**}{@code /*.txt}: the entries
 * under the folder before the first wildcard whose relative path matches the rest).
 *
 * <p>The input folder itself is resolved once, links and all, when the run starts: that is the
 * operator's choice, and a later change of a link that names it does not move a running job. What
 * lies under it follows the listing policy of {@link ArchiveWalker}.
 *
 * <p>On object storage ({@code s3://bucket/prefix}, a folder of keys, or a glob after it) the
 * entries are the objects under the prefix ({@link ObjectStoreLister}).
 */
public final class InputSelection {

  /** The object stores an input can be on, by URI scheme (Beam's file systems read them). */
  private static final java.util.List<String> OBJECT_STORES = java.util.List.of("s3");

  private final Path root;
  private final String objectRoot;
  private final String pattern;
  private final PathMatcher matcher;
  private final boolean followLinks;

  private InputSelection(Path root, String objectRoot, String pattern, PathMatcher matcher, boolean followLinks) {
    this.root = root;
    this.objectRoot = objectRoot;
    this.pattern = pattern;
    this.matcher = matcher;
    this.followLinks = followLinks;
  }

  private InputSelection(Path root, String pattern, PathMatcher matcher, boolean followLinks) {
    this(root, null, pattern, matcher, followLinks);
  }

  /**
   * The selection an {@code --input} value names.
   *
   * @throws InputException when it names nothing that exists, or not a local path
   */
  public static InputSelection of(String input, boolean followLinks) throws InputException {
    String value = input.strip();
    if (value.isEmpty()) {
      throw new InputException("--input must name a file, a folder or a glob");
    }
    if (StoredFolder.hasScheme(value)) {
      String scheme = value.substring(0, value.indexOf("://"));
      if (!OBJECT_STORES.contains(scheme)) {
        throw new InputException("--input must be a local file, folder or glob, or s3://bucket/prefix, got '" + value + "'");
      }
      return objects(value);
    }
    int wildcard = firstWildcard(value);
    if (wildcard < 0) {
      Path path = Path.of(value).toAbsolutePath().normalize();
      if (Files.isDirectory(path)) {
        return new InputSelection(realFolder(path, value), "**", relative -> true, followLinks);
      }
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        Path name = path.getFileName();
        return new InputSelection(realFolder(path.getParent(), value), FileNames.display(name), name::equals, followLinks);
      }
      throw new InputException("--input '" + value + "' does not exist");
    }
    String fixed = value.substring(0, wildcard);
    String folder = fixed.contains("/") ? fixed.substring(0, fixed.lastIndexOf('/') + 1) : "";
    String glob = value.substring(folder.length());
    Path folderPath = Path.of(folder.isEmpty() ? "." : folder).toAbsolutePath().normalize();
    if (!Files.isDirectory(folderPath)) {
      throw new InputException("--input '" + value + "': the folder " + folderPath + " does not exist");
    }
    PathMatcher matcher;
    try {
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (IllegalArgumentException e) {
      throw new InputException("--input '" + value + "' is not a valid glob: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return new InputSelection(realFolder(folderPath, value), glob, matcher, followLinks);
  }

  /** Everything under a bucket prefix ({@code s3://bucket/folder}), or what a glob after it matches. */
  private static InputSelection objects(String value) throws InputException {
    String afterScheme = value.substring(value.indexOf("://") + 3);
    if (afterScheme.isEmpty() || afterScheme.startsWith("/")) {
      throw new InputException("--input '" + value + "' names no bucket");
    }
    int wildcard = firstWildcard(value);
    if (wildcard < 0) {
      return new InputSelection(null, value.endsWith("/") ? value : value + "/", "**", relative -> true, false);
    }
    String folder = value.substring(0, value.lastIndexOf('/', wildcard) + 1);
    if (folder.length() <= value.indexOf("://") + 3) {
      throw new InputException("--input '" + value + "': a glob must follow the bucket, as in s3://bucket/**/*.txt");
    }
    String glob = value.substring(folder.length());
    try {
      return new InputSelection(null, folder, glob, FileSystems.getDefault().getPathMatcher("glob:" + glob), false);
    } catch (IllegalArgumentException e) {
      throw new InputException("--input '" + value + "' is not a valid glob: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static Path realFolder(Path folder, String input) throws InputException {
    try {
      return folder.toRealPath();
    } catch (IOException e) {
      throw new InputException("--input '" + input + "': cannot open the folder " + folder + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static int firstWildcard(String input) {
    for (int i = 0; i < input.length(); i++) {
      if ("*?[{".indexOf(input.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** The input folder, as a real path: the tables name files relative to it. Local inputs only. */
  public Path root() {
    if (root == null) {
      throw new IllegalStateException(objectRoot + " is on object storage, not a local folder");
    }
    return root;
  }

  /** Whether the input is on object storage. */
  public boolean isObjectStore() {
    return objectRoot != null;
  }

  /** The prefix of the input's objects, ending in '/' ({@code s3://bucket/folder/}); object storage only. */
  public String objectRoot() {
    return objectRoot;
  }

  /** Where the input is, for messages and the manifest: the local folder or the object prefix. */
  public String location() {
    return objectRoot != null ? objectRoot.substring(0, objectRoot.length() - 1) : root.toString();
  }

  /** Every entry of the input, in the canonical order, by the listing policy of its kind of storage. */
  public java.util.Iterator<ListedEntry> entries() {
    return objectRoot != null ? new ObjectStoreLister(this) : new ArchiveWalker(this);
  }

  /** Which entries under the root are read: a glob relative to it ({@code **} for all). */
  public String pattern() {
    return pattern;
  }

  public boolean followLinks() {
    return followLinks;
  }

  /** Whether an entry, by its path relative to the root, is part of the input. */
  boolean selects(Path relative) {
    return matcher.matches(relative);
  }
}
