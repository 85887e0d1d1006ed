package nl.kamervragen.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing policy, on links, loops, special files and odd names made in a temporary folder. */
class ArchiveWalkerTest {

  @TempDir Path work;
  private Path archive;
  private Path outside;

  @BeforeEach
  void makeFolders() throws IOException {
    archive = Files.createDirectories(work.resolve("archive"));
    outside = Files.createDirectories(work.resolve("outside"));
    Files.writeString(outside.resolve("shadow"), "root:secret-hash:19000:0:99999:7:::\n");
    for (int i = 0; i < 5; i++) {
      Files.writeString(outside.resolve("cert-" + i + ".pem"), "-----BEGIN CERTIFICATE-----\n");
    }
  }

  private static Map<String, ListedEntry> list(Path root, boolean followLinks) throws InputException {
    Map<String, ListedEntry> entries = new LinkedHashMap<>();
    new ArchiveWalker(InputSelection.of(root.toString(), followLinks)).forEachRemaining(e -> {
      assertNull(entries.put(e.name(), e), "each entry once: " + e.name());
    });
    return entries;
  }

  private void file(String name, String text) throws IOException {
    Path file = archive.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void filesAreListedOnceInNameOrderFolderByFolder() throws Exception {
    file("b.txt", "b");
    file("a/2.txt", "2");
    file("a/1.txt", "1");
    file("a.b.txt", "ab");
    Map<String, ListedEntry> entries = list(archive, false);
    assertEquals(List.of("a/1.txt", "a/2.txt", "a.b.txt", "b.txt"), new ArrayList<>(entries.keySet()));
    ListedEntry one = entries.get("a/1.txt");
    assertEquals(EntryKind.FILE, one.kind());
    assertEquals(1L, one.size());
    assertTrue(one.isRead());
    assertEquals(Files.getLastModifiedTime(archive.resolve("a/1.txt")).to(java.util.concurrent.TimeUnit.NANOSECONDS), one.modifiedNanos());
  }

  @Test
  void linksAreListedAndRejectedUnreadByDefault() throws Exception {
    file("2019/2019Z00001.txt", "doc");
    Files.createSymbolicLink(archive.resolve("2019/shadow.txt"), outside.resolve("shadow"));
    Files.createSymbolicLink(archive.resolve("certs"), outside);
    Files.createSymbolicLink(archive.resolve("2019/up"), Path.of(".."));
    Files.createSymbolicLink(archive.resolve("copy.txt"), Path.of("2019/2019Z00001.txt"));
    Map<String, ListedEntry> entries = list(archive, false);
    assertEquals(List.of("2019/2019Z00001.txt", "2019/shadow.txt", "2019/up", "certs", "copy.txt"), new ArrayList<>(entries.keySet()),
        "the folder link and the loop are one entry each, not what they lead to");
    for (String link : List.of("2019/shadow.txt", "2019/up", "certs", "copy.txt")) {
      ListedEntry entry = entries.get(link);
      assertEquals(EntryKind.SYMBOLIC_LINK, entry.kind(), link);
      assertFalse(entry.isRead(), link);
      assertEquals("a symbolic link, not followed (--followLinks follows links that stay inside the input folder)", entry.rejection());
    }
    assertEquals(outside.resolve("shadow").toString(), entries.get("2019/shadow.txt").linkTarget());
    assertEquals("..", entries.get("2019/up").linkTarget());
  }

  @Test
  void followedLinksStayInsideTheInputFolderAndReadEachFileOnce() throws Exception {
    file("2019/2019Z00001.txt", "doc");
    file("notes/extra.md", "not selected by the glob");
    Files.createSymbolicLink(archive.resolve("2019/shadow.txt"), outside.resolve("shadow"));
    Files.createSymbolicLink(archive.resolve("certs.txt"), outside);
    Files.createSymbolicLink(archive.resolve("2019/up.txt"), Path.of(".."));
    Files.createSymbolicLink(archive.resolve("copy.txt"), Path.of("2019/2019Z00001.txt"));
    Files.createSymbolicLink(archive.resolve("extra.txt"), Path.of("notes/extra.md"));
    Files.createSymbolicLink(archive.resolve("extra2.txt"), Path.of("notes/extra.md"));
    Files.createSymbolicLink(archive.resolve("loop-a.txt"), Path.of("loop-b.txt"));
    Files.createSymbolicLink(archive.resolve("loop-b.txt"), Path.of("loop-a.txt"));
    Files.createSymbolicLink(archive.resolve("dangling.txt"), Path.of("missing.txt"));
    Map<String, ListedEntry> entries = new LinkedHashMap<>();
    new ArchiveWalker(InputSelection.of(archive + "/**.txt", true)).forEachRemaining(e -> entries.put(e.name(), e));

    assertEquals("a symbolic link to outside the input folder, not followed", entries.get("2019/shadow.txt").rejection());
    assertEquals("a symbolic link to outside the input folder, not followed", entries.get("certs.txt").rejection());
    assertEquals("a symbolic link to a folder inside the input folder, not followed: its files are read where they are",
        entries.get("2019/up.txt").rejection());
    assertEquals("a symbolic link to 2019/2019Z00001.txt, which is read under its own name", entries.get("copy.txt").rejection());
    ListedEntry extra = entries.get("extra.txt");
    assertTrue(extra.isRead(), "a link to a file the glob does not select is read, under the link's name");
    assertEquals(EntryKind.SYMBOLIC_LINK, extra.kind());
    assertEquals(archive.toRealPath().resolve("notes/extra.md").toUri().toString(), extra.location());
    assertEquals((long) "not selected by the glob".length(), extra.size());
    assertEquals("a symbolic link to notes/extra.md, which is read as extra.txt", entries.get("extra2.txt").rejection(), "one file, read once");
    for (String broken : List.of("loop-a.txt", "loop-b.txt", "dangling.txt")) {
      assertEquals("a symbolic link that leads nowhere (its target is missing, or links lead in a loop), not followed",
          entries.get(broken).rejection(), broken);
    }
    assertFalse(entries.containsKey("notes/extra.md"), "not selected");
    assertTrue(entries.get("2019/2019Z00001.txt").isRead());
  }

  @Test
  void fifosSocketsAndDevicesAreListedButNeverOpened() throws Exception {
    file("2019Z00001.txt", "doc");
    Process mkfifo = new ProcessBuilder("mkfifo", archive.resolve("pipe.txt").toString()).inheritIO().start();
    assertEquals(0, mkfifo.waitFor());
    try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      socket.bind(UnixDomainSocketAddress.of(archive.resolve("socket.txt")));
      Map<String, ListedEntry> entries = list(archive, true);
      assertEquals(EntryKind.FIFO, entries.get("pipe.txt").kind());
      assertEquals("a FIFO (named pipe), not a file: not opened", entries.get("pipe.txt").rejection());
      assertEquals(EntryKind.SOCKET, entries.get("socket.txt").kind());
      assertEquals("a socket, not a file: not opened", entries.get("socket.txt").rejection());
    }
    Map<String, ListedEntry> device = list(Path.of("/dev/null"), false);
    assertEquals(EntryKind.DEVICE, device.get("null").kind());
    assertEquals("a device, not a file: not opened", device.get("null").rejection());
  }

  @Test
  void namesWithAnyBytesAreListedAndCanBeRead() throws Exception {
    for (String encoded : List.of("new%0Aline.txt", "carriage%0Dreturn.txt", "bad%FFbyte.txt", "Financi%C3%ABn.txt", "back%5Cslash.txt")) {
      Files.writeString(Path.of(URI.create(archive.toUri() + encoded)), encoded);
    }
    Map<String, ListedEntry> entries = list(archive, false);
    assertEquals(List.of("Financiën.txt", "back\\\\slash.txt", "bad\\xFFbyte.txt", "carriage\\x0Dreturn.txt", "new\\x0Aline.txt"),
        new ArrayList<>(entries.keySet()));
    assertEquals("bad%FFbyte.txt", Files.readString(FileNames.path(entries.get("bad\\xFFbyte.txt").location())));
  }

  @Test
  void aListingFileHoldsTheEntriesAsListed() throws Exception {
    file("a.txt", "a");
    Files.createSymbolicLink(archive.resolve("b.txt"), outside.resolve("shadow"));
    List<ListedEntry> listed = new ArrayList<>(list(archive, false).values());
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    assertEquals(2, ListingFile.write(file, listed.iterator()));
    List<ListedEntry> read = new ArrayList<>();
    try (ListingFile.Sequence<ListedEntry> reader = ListingFile.read(new ByteArrayInputStream(file.toByteArray()))) {
      reader.forEachRemaining(read::add);
    }
    assertEquals(listed, read);
  }

  @Test
  void aMissingInputIsAUsageProblem() {
    InputException missing = assertThrows(InputException.class, () -> InputSelection.of(work.resolve("nope").toString(), false));
    assertEquals("--input '" + work.resolve("nope") + "' does not exist", missing.getMessage());
    assertThrows(InputException.class, () -> InputSelection.of("gs://bucket/archive", false), "a URI of a store kamervragen does not read");
  }

  @Test
  void anInputFolderGivenThroughALinkIsResolvedOnceAtTheStart() throws Exception {
    file("a.txt", "a");
    Path current = Files.createSymbolicLink(work.resolve("current"), archive);
    InputSelection selection = InputSelection.of(current.toString(), false);
    assertEquals(archive.toRealPath(), selection.root());
    assertEquals(List.of("a.txt"), new ArrayList<>(list(current, false).keySet()));
  }
}
