package nl.kamervragen.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import nl.kamervragen.input.ArchiveWalker;
import nl.kamervragen.input.InputSelection;
import nl.kamervragen.input.ListingComparison;
import nl.kamervragen.input.ListingFile;
import nl.kamervragen.publish.StagedTables;
import nl.kamervragen.storage.StoredFolder;

/**
 * Lists the input again after the pipeline and compares it with the listing the run started from,
 * on a thread of its own while the job does other work that waits on storage (removing the part
 * files, reading the tables back).
 */
final class InputRelisting {

  /** How many changed entries a message names. */
  private static final int CHANGES_SHOWN = 5;

  /** Work the job does while the input is listed again. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws IOException;
  }

  /**
   * What the work returned, and how the input differs from its first listing.
   *
   * @param listingChanges the entries that differ, as a message; null when none do
   */
  record Relisted<T>(T result, String listingChanges) {}

  private InputRelisting() {}

  /**
   * Runs {@code work} on this thread while the input is listed again, and waits for both. When the
   * work fails, its exception is the one thrown, with a failed relisting's added as suppressed.
   */
  static <T> Relisted<T> during(StoredFolder staging, InputSelection input, Work<T> work) throws IOException {
    FutureTask<String> relisted = new FutureTask<>(() -> listingChanges(staging, input));
    Thread relisting = new Thread(relisted, "kamervragen-relisting");
    relisting.setDaemon(true);
    relisting.start();
    T result = null;
    Exception workFailed = null;
    try {
      result = work.run();
    } catch (IOException | RuntimeException e) {
      workFailed = e;
    }
    // Waited for even when the work failed: the staging folder it reads is removed next.
    String changes = null;
    Exception relistingFailed = null;
    try {
      changes = relisted.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      relistingFailed = new IOException("interrupted while listing the input again", e);
    } catch (ExecutionException e) {
      relistingFailed = e.getCause() instanceof Exception cause ? cause : new IOException(e.getCause());
    }
    if (workFailed != null) {
      if (relistingFailed != null) {
        workFailed.addSuppressed(relistingFailed);
      }
      throw rethrown(workFailed);
    }
    if (relistingFailed != null) {
      throw rethrown(relistingFailed);
    }
    return new Relisted<>(result, changes);
  }

  private static IOException rethrown(Exception e) {
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
    return e instanceof IOException io ? io : new IOException(e);
  }

  /** The entries that differ from the listing made when the run started, as a message; null when none do. */
  static String listingChanges(StoredFolder staging, InputSelection input) throws IOException {
    ListingComparison.Changes changes;
    try (ListingFile.Reader before = ListingFile.read(staging.open(ListingFile.NAME))) {
      changes = ListingComparison.compare(before, input.entries(), CHANGES_SHOWN);
    } catch (ArchiveWalker.UnlistableFolderException e) {
      return e.getMessage();
    }
    if (changes.count() == 0) {
      return null;
    }
    return changes.count() + " input entr" + (changes.count() == 1 ? "y differs" : "ies differ")
        + " from the listing made when the run started: " + withMore(changes.first(), changes.count());
  }

  /**
   * What changed in the input since it was listed: entries that differ from the listing now, and
   * files that changed while they were read. Null when nothing did.
   */
  static String inputChanges(String listingChanges, StagedTables report) {
    List<String> parts = new ArrayList<>();
    if (listingChanges != null) {
      parts.add(listingChanges);
    }
    if (report.changedWhileRead() > 0) {
      parts.add(report.changedWhileRead() + " file(s) changed while the run read them: "
          + withMore(report.firstChangedWhileRead(), report.changedWhileRead()));
    }
    if (parts.isEmpty()) {
      return null;
    }
    return "the input changed during the run: " + String.join("; ", parts)
        + ". Feed runs from a folder nothing writes to while they run (README: Feeding a nightly run)";
  }

  private static String withMore(List<String> first, long count) {
    return String.join(", ", first) + (count > first.size() ? ", and " + (count - first.size()) + " more" : "");
  }
}
