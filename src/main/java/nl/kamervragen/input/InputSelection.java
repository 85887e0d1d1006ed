package nl.kamervragen.input;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * Which entries under which folder a run reads, from {@code --input}: a folder (everything under
 * it), a file (that entry of its folder) or a glob ({@code archive/**}{@code /*.txt}: the entries
 * under the folder before the first wildcard whose relative path matches the rest).
 *
 * <p>The input folder itself is resolved once, links and all, when the run starts: that is the
 * operator's choice, and a later change of a link that names it does not move a running job. What
 * lies under it follows the listing policy of {@link ArchiveWalker}.
 */
public final class InputSelection {

  private final Path root;
  private final String pattern;
  private final PathMatcher matcher;
  private final boolean followLinks;

  private InputSelection(Path root, String pattern, PathMatcher matcher, boolean followLinks) {
    this.root = root;
    this.pattern = pattern;
    this.matcher = matcher;
    this.followLinks = followLinks;
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
    if (value.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new InputException("--input must be a local file, folder or glob, got '" + value + "'");
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

  /** The input folder, as a real path: the tables name files relative to it. */
  public Path root() {
    return root;
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
