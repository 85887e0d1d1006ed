package nl.kamervragen.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.kamervragen.storage.StoredFolder;

/**
 * All-or-nothing publishing of a run's tables into a local output folder.
 *
 * <p>A run writes into {@code <output>.staging-<run id>} next to the output folder. Only when every
 * table is complete and the run's checks pass is the old folder moved aside, the staging folder
 * renamed to the output folder and the old one deleted; {@code _SUCCESS} marks a published
 * folder. A failed or killed run never touches the published folder. A lock file keeps two runs
 * from writing the same output at once.
 */
public final class OutputFolder implements RunOutput {

  public static final String SUCCESS_MARKER = "_SUCCESS";

  /**
   * The file in a staging folder that names the run owning it. Jobs write into a staging folder
   * only while it holds their token, so a job whose client is gone cannot write into (or bring
   * back) a staging folder a later run has removed.
   */
  public static final String OWNER_FILE = ".owner";

  private final Path output;
  private final Path staging;
  private final Path publishLink;
  private final String ownerToken;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private OutputFolder(Path output, String runId, Path publishLink, FileChannel lockChannel, FileLock lock) {
    this.output = output;
    this.publishLink = publishLink;
    this.staging = sibling(output, ".staging-" + runId);
    this.ownerToken = runId + "-" + HexFormat.of().formatHex(randomBytes(16));
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  /**
   * Locks the output folder for one run, undoes what an earlier killed run left half done, and
   * returns where this run stages its tables.
   *
   * @param publishLink a symbolic link to point at the output once published; null for none
   * @throws IOException when another run holds the lock, with a message that says so
   */
  public static OutputFolder open(Path output, String runId, Path publishLink, List<String> notes) throws IOException {
    Path parent = output.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    FileChannel channel =
        FileChannel.open(sibling(output, ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException heldInThisProcess) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("another kamervragen run is writing to " + output + " (" + sibling(output, ".lock") + " is locked)");
    }
    OutputFolder folder = new OutputFolder(output, runId, publishLink, channel, lock);
    try {
      folder.recover(notes);
      Files.createDirectories(folder.staging);
      Files.writeString(folder.staging.resolve(OWNER_FILE), folder.ownerToken);
    } catch (IOException | RuntimeException e) {
      folder.close();
      throw e;
    }
    return folder;
  }

  private static Path sibling(Path output, String suffix) {
    return output.resolveSibling(output.getFileName() + suffix);
  }

  @Override
  public StoredFolder staging() {
    return StoredFolder.local(staging);
  }

  @Override
  public String ownerToken() {
    return ownerToken;
  }

  /** The folder's published run; with dated folders behind a link, the link's. */
  @Override
  public Optional<PublishedRun> previous(List<String> notes) throws IOException {
    Optional<PublishedRun> here = PublishedRun.in(StoredFolder.local(output), notes);
    return here.isPresent() || publishLink == null ? here : PublishedRun.in(StoredFolder.local(publishLink), notes);
  }

  @Override
  public String location() {
    return output.toString();
  }

  @Override
  public String publishedLocation() {
    return output + (publishLink == null ? "" : " (linked from " + publishLink + ")");
  }

  private List<Path> leftovers(String marker) throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(output.toAbsolutePath().getParent(), output.getFileName() + marker + "*")) {
      siblings.forEach(found::add);
    }
    found.sort(Comparator.naturalOrder());
    return found;
  }

  private void recover(List<String> notes) throws IOException {
    List<Path> replaced = leftovers(".replaced-");
    if (!Files.exists(output) && !replaced.isEmpty()) {
      Path newest = replaced.get(replaced.size() - 1);
      Files.move(newest, output, StandardCopyOption.ATOMIC_MOVE);
      notes.add("restored " + output + " from " + newest.getFileName() + ", left by a run stopped while publishing");
    }
    for (Path stale : leftovers(".replaced-")) {
      deleteTree(stale);
    }
    for (Path stale : leftovers(".staging-")) {
      // Renamed aside first: a job still running for a dead client then finds its folder gone at
      // once, and what it writes meanwhile cannot stop the removal.
      move(stale, trashOf(stale));
      notes.add("removed " + stale.getFileName() + ", left by an earlier run that did not finish");
    }
    for (Path trash : leftovers(".trash-")) {
      try {
        deleteTree(trash);
      } catch (IOException stillInUse) {
        notes.add("could not remove all of " + trash.getFileName() + " (" + stillInUse.getMessage() + "); the next run tries again");
      }
    }
  }

  /**
   * Removes this run's staging folder: a run that is not published leaves nothing behind. It is
   * renamed aside first, so that a writer still busy (a job being cancelled) cannot add to it; what
   * cannot be removed now, the next run removes.
   */
  @Override
  public void discard() throws IOException {
    if (!Files.exists(staging)) {
      return;
    }
    Path trash = trashOf(staging);
    move(staging, trash);
    deleteTree(trash);
  }

  /** Where a staging folder is moved before it is removed. */
  private Path trashOf(Path stagingFolder) {
    return sibling(output, ".trash-" + stagingFolder.getFileName().toString().substring((output.getFileName() + ".staging-").length()));
  }

  /**
   * Marks the staged tables complete and makes them the output folder, replacing the old one; then
   * points the link, if any, at it.
   */
  @Override
  public void publish() throws IOException {
    Files.delete(staging.resolve(OWNER_FILE));
    Files.writeString(staging.resolve(SUCCESS_MARKER), "");
    Path replaced = sibling(output, ".replaced-" + staging.getFileName().toString().substring((output.getFileName() + ".staging-").length()));
    boolean hadOutput = Files.exists(output);
    if (hadOutput) {
      move(output, replaced);
    }
    move(staging, output);
    if (hadOutput) {
      deleteTree(replaced);
    }
    if (publishLink != null) {
      link(publishLink);
    }
  }

  /** Points a symbolic link at the published folder, replacing the link in one step. */
  private void link(Path link) throws IOException {
    Path target = link.toAbsolutePath().getParent().relativize(output.toAbsolutePath());
    Path temporary = link.resolveSibling(link.getFileName() + ".new-link");
    Files.deleteIfExists(temporary);
    Files.createSymbolicLink(temporary, target);
    move(temporary, link);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename " + from + " to " + to + " in one step on this file system", e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    StoredFolder.deleteTree(root);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    lockChannel.close();
  }
}
