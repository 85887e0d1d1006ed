package nl.kamervragen.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingComparisonTest {

  @TempDir Path archive;

  private List<ListedEntry> list() throws InputException {
    List<ListedEntry> entries = new ArrayList<>();
    new ArchiveWalker(InputSelection.of(archive.toString(), false)).forEachRemaining(entries::add);
    return entries;
  }

  @Test
  void anUnchangedInputHasNoChanges() throws Exception {
    Files.writeString(archive.resolve("a.txt"), "a");
    Files.createSymbolicLink(archive.resolve("link.txt"), Path.of("a.txt"));
    assertEquals(0, ListingComparison.compare(list().iterator(), list().iterator(), 5).count());
  }

  @Test
  void everyAddedRemovedAndChangedEntryIsCountedAndTheFirstAreNamed() throws Exception {
    for (String name : List.of("a.txt", "b.txt", "c.txt", "d.txt", "sub/e.txt")) {
      Files.createDirectories(archive.resolve(name).getParent());
      Files.writeString(archive.resolve(name), name);
    }
    Files.createSymbolicLink(archive.resolve("link.txt"), Path.of("a.txt"));
    List<ListedEntry> before = list();
    Files.writeString(archive.resolve("a.txt"), "grown", StandardOpenOption.APPEND);
    Files.delete(archive.resolve("b.txt"));
    Files.setLastModifiedTime(archive.resolve("c.txt"), FileTime.fromMillis(0));
    Files.writeString(archive.resolve("sub/new.txt"), "new");
    Files.delete(archive.resolve("link.txt"));
    Files.createSymbolicLink(archive.resolve("link.txt"), Path.of("d.txt"));
    ListingComparison.Changes changes = ListingComparison.compare(before.iterator(), list().iterator(), 3);
    assertEquals(5, changes.count());
    assertEquals(List.of("a.txt (size 5 → 10 bytes)", "b.txt (removed)", "c.txt (modified)"), changes.first());
    List<String> all = ListingComparison.compare(before.iterator(), list().iterator(), 10).first();
    assertEquals(List.of("a.txt (size 5 → 10 bytes)", "b.txt (removed)", "c.txt (modified)", "link.txt (the link now points to d.txt)",
        "sub/new.txt (added)"), all);
  }
}
