package nl.kamervragen.input;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two listings of the input, both in {@link ArchiveWalker#NAME_ORDER}: files
 * added, removed, replaced, grown, shrunk or modified, links that now lead elsewhere.
 */
public final class ListingComparison {

  private ListingComparison() {}

  /**
   * The changes between two listings.
   *
   * @param keep how many changed entries to describe (all are counted)
   */
  public static Changes compare(Iterator<ListedEntry> before, Iterator<ListedEntry> after, int keep) {
    Changes changes = new Changes(keep);
    ListedEntry a = nextOrNull(before);
    ListedEntry b = nextOrNull(after);
    while (a != null || b != null) {
      int order = a == null ? 1 : b == null ? -1 : ArchiveWalker.NAME_ORDER.compare(a.name(), b.name());
      if (order < 0) {
        changes.add(a.name(), "removed");
        a = nextOrNull(before);
      } else if (order > 0) {
        changes.add(b.name(), "added");
        b = nextOrNull(after);
      } else {
        String change = changeBetween(a, b);
        if (change != null) {
          changes.add(a.name(), change);
        }
        a = nextOrNull(before);
        b = nextOrNull(after);
      }
    }
    return changes;
  }

  /** How the same name differs between two listings; null when it does not. */
  static String changeBetween(ListedEntry before, ListedEntry after) {
    if (before.kind() != after.kind()) {
      return "now " + after.kind().description();
    }
    if (!Objects.equals(before.linkTarget(), after.linkTarget())) {
      return "the link now points to " + after.linkTarget();
    }
    if (before.isRead() != after.isRead() || !Objects.equals(before.location(), after.location())) {
      return "the link now leads elsewhere";
    }
    if (before.isRead()) {
      return FileState.of(after).changeSince(FileState.of(before));
    }
    return Objects.equals(before.rejection(), after.rejection()) ? null : "changed";
  }

  private static ListedEntry nextOrNull(Iterator<ListedEntry> entries) {
    return entries.hasNext() ? entries.next() : null;
  }

  /** The changes found: how many, and the first few as "name (what)". */
  public static final class Changes {
    private final int keep;
    private final List<String> first = new ArrayList<>();
    private long count;

    Changes(int keep) {
      this.keep = keep;
    }

    void add(String name, String change) {
      count++;
      if (first.size() < keep) {
        first.add(name + " (" + change + ")");
      }
    }

    public long count() {
      return count;
    }

    public List<String> first() {
      return List.copyOf(first);
    }
  }
}
