package nl.kamervragen.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.kamervragen.input.ArchiveWalker;
import nl.kamervragen.input.InputSelection;
import nl.kamervragen.input.ListedEntry;
import nl.kamervragen.input.ListingComparison;
import nl.kamervragen.input.ListingFile;
import nl.kamervragen.input.ReadAhead;
import nl.kamervragen.publish.StagedTables;
import nl.kamervragen.storage.StoredFolder;

/**
 * Lists the input again after the pipeline and compares it with the listing the run started from,
 * on a thread of its own while the job does other work that waits on storage (reading the tables
 * back).
 */
final class InputRelisting {

  /** How many changed entries a message names. */
  private static final int CHANGES_SHOWN = 5;

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
  static <T> Relisted<T> during(StoredFolder staging, InputSelection input, BackgroundTask.Work<T> work) throws IOException {
    T result;
    // Waited for even when the work fails (closing it): the staging folder it reads is removed next.
    try (BackgroundTask<String> relisting = BackgroundTask.start("kamervragen-relisting", () -> listingChanges(staging, input))) {
      try {
        result = work.run();
      } catch (IOException | RuntimeException workFailed) {
        try {
          relisting.await();
        } catch (IOException | RuntimeException relistingFailed) {
          workFailed.addSuppressed(relistingFailed);
        }
        throw workFailed;
      }
      return new Relisted<>(result, relisting.await());
    }
  }

  /** The entries that differ from the listing made when the run started, as a message; null when none do. */
  static String listingChanges(StoredFolder staging, InputSelection input) throws IOException {
    ListingComparison.Changes changes;
    // The walk runs ahead on a thread of its own while this one reads the first listing and compares.
    try (ListingFile.Sequence<ListedEntry> before = ListingFile.read(staging.open(ListingFile.NAME));
        ReadAhead<ListedEntry> now = new ReadAhead<>(input.entries(), "kamervragen-relisting-walk")) {
      changes = ListingComparison.compare(before, now, CHANGES_SHOWN);
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
