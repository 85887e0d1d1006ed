package nl.kamervragen.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import nl.kamervragen.storage.ObjectStorage;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Lists the objects under an input's prefix on object storage, through Beam's file systems, in the
 * canonical order of {@link ArchiveWalker#NAME_ORDER}. An object store has no links, special files
 * or loops: every object under the prefix that the selection matches is read. Keys ending in
 * {@code /} are the folder markers that consoles and some servers create, not files: they are left
 * out. A listing that fails stops the run with an {@link ArchiveWalker.UnlistableFolderException}:
 * part of the input would be missing.
 */
final class ObjectStoreLister implements Iterator<ListedEntry> {

  private final Iterator<ListedEntry> entries;

  ObjectStoreLister(InputSelection selection) {
    String root = selection.objectRoot();
    MatchResult result;
    try {
      result = FileSystems.match(List.of(root + "**"), EmptyMatchTreatment.ALLOW).get(0);
    } catch (IOException | RuntimeException e) {
      throw new ArchiveWalker.UnlistableFolderException("cannot list " + root + ": " + ObjectStorage.reason(e));
    }
    List<ListedEntry> listed = new ArrayList<>();
    if (result.status() != MatchResult.Status.NOT_FOUND) {
      List<MatchResult.Metadata> objects;
      try {
        objects = result.metadata();
      } catch (IOException e) {
        throw new ArchiveWalker.UnlistableFolderException("cannot list " + root + ": " + ObjectStorage.reason(e));
      }
      for (MatchResult.Metadata object : objects) {
        String key = object.resourceId().toString();
        String relative = key.substring(root.length());
        if (relative.isEmpty() || relative.endsWith("/")) {
          continue; // a folder marker
        }
        String name = FileNames.display(relative.getBytes(StandardCharsets.UTF_8));
        boolean selected;
        try {
          selected = selection.selects(Path.of(relative));
        } catch (InvalidPathException unmatchable) {
          listed.add(ListedEntry.rejected(name, EntryKind.FILE, null, "a key this system cannot match against the input's glob: not read"));
          continue;
        }
        if (selected) {
          listed.add(ListedEntry.read(name, key, EntryKind.FILE, object.sizeBytes(), object.lastModifiedMillis() * 1_000_000L, null, null));
        }
      }
    }
    listed.sort((a, b) -> ArchiveWalker.NAME_ORDER.compare(a.name(), b.name()));
    entries = listed.iterator();
  }

  @Override
  public boolean hasNext() {
    return entries.hasNext();
  }

  @Override
  public ListedEntry next() {
    return entries.next();
  }
}
