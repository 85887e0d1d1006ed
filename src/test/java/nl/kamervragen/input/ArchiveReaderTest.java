package nl.kamervragen.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading only what was listed: every change between listing and reading is caught, and said in words. */
class ArchiveReaderTest {

  @TempDir Path archive;
  private final ArchiveReader reader = new ArchiveReader(1000);

  @BeforeEach
  void writeFiles() throws IOException {
    Files.writeString(archive.resolve("a.txt"), "Kamervraag 2019Z00001\n");
  }

  private ListedEntry listed(String name) throws InputException {
    ArchiveWalker walker = new ArchiveWalker(InputSelection.of(archive.resolve(name).toString(), false));
    return walker.next();
  }

  private static ArchiveReader.Failure failure(ArchiveReader.Result result) {
    assertTrue(result instanceof ArchiveReader.Failure, result::toString);
    return (ArchiveReader.Failure) result;
  }

  @Test
  void aFileReadAsListedGivesItsBytesAndHowManyWereRead() throws Exception {
    ArchiveReader.Result result = reader.read(listed("a.txt"));
    ArchiveReader.Content content = (ArchiveReader.Content) result;
    assertEquals("Kamervraag 2019Z00001\n", new String(content.bytes(), StandardCharsets.UTF_8));
    assertEquals(22, content.storedBytesRead());
  }

  @Test
  void aFileThatGrewShrankOrWasTouchedAfterListingIsAChange() throws Exception {
    ListedEntry entry = listed("a.txt");
    Files.writeString(archive.resolve("a.txt"), "more\n", StandardOpenOption.APPEND);
    ArchiveReader.Failure grew = failure(reader.read(entry));
    assertTrue(grew.changed());
    assertEquals("size 22 → 27 bytes", grew.reason());
    assertEquals(-1, grew.storedBytesRead(), "not opened");

    entry = listed("a.txt");
    Files.setLastModifiedTime(archive.resolve("a.txt"), FileTime.fromMillis(0));
    assertEquals("modified", failure(reader.read(entry)).reason());
  }

  @Test
  void aFileRemovedReplacedOrSwappedForALinkAfterListingIsAChange() throws Exception {
    ListedEntry entry = listed("a.txt");
    Files.delete(archive.resolve("a.txt"));
    assertEquals("removed after it was listed", failure(reader.read(entry)).reason());

    Files.writeString(archive.resolve("a.txt"), "Kamervraag 2019Z00001\n");
    entry = listed("a.txt");
    Path other = Files.writeString(archive.resolve("other.tmp"), "Kamervraag 2019Z00009\n");
    Files.setLastModifiedTime(other, Files.getLastModifiedTime(archive.resolve("a.txt")));
    Files.move(other, archive.resolve("a.txt"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    assertEquals("replaced by another file", failure(reader.read(entry)).reason(), "same size and time, but another file");

    entry = listed("a.txt");
    Path secret = Files.writeString(archive.getParent().resolve(archive.getFileName() + "-secret"), "root:secret-hash\n");
    Files.delete(archive.resolve("a.txt"));
    Files.createSymbolicLink(archive.resolve("a.txt"), secret);
    ArchiveReader.Failure swapped = failure(reader.read(entry));
    assertEquals("no longer a regular file", swapped.reason());
    assertTrue(swapped.changed());
  }

  @Test
  void theSizeCapHoldsForPlainAndCompressedFiles() throws Exception {
    Files.write(archive.resolve("big.txt"), new byte[1001]);
    ArchiveReader.Failure plain = failure(reader.read(listed("big.txt")));
    assertEquals("larger than the size cap of 1000 bytes (--maxFileBytes); not read", plain.reason());
    assertEquals(-1, plain.storedBytesRead(), "not opened");

    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 150_000; i++) {
      lines.append("regel ").append(i * 7919L % 1_000_003).append('\n');
    }
    Files.write(archive.resolve("bomb.txt.gz"), gzip(lines.toString().getBytes(StandardCharsets.UTF_8)));
    ArchiveReader.Failure bomb = failure(reader.read(listed("bomb.txt.gz")));
    assertEquals("larger than the size cap of 1000 bytes (--maxFileBytes); not read", bomb.reason());
    assertTrue(bomb.storedBytesRead() < Files.size(archive.resolve("bomb.txt.gz")), "stopped at the cap");
  }

  @Test
  void aCompressedFileIsCountedWhole() throws Exception {
    byte[] text = "Kamervraag 2019Z00002\n".getBytes(StandardCharsets.UTF_8);
    byte[] gz = gzip(text);
    Files.write(archive.resolve("b.txt.gz"), gz);
    ArchiveReader.Content content = (ArchiveReader.Content) reader.read(listed("b.txt.gz"));
    assertArrayEquals(text, content.bytes());
    assertEquals(gz.length, content.storedBytesRead());
  }

  @Test
  void aFileThatCannotBeReadIsAReadFailureThatNamesNoAbsolutePath() throws Exception {
    // Reading this process's memory at offset 0 fails with EIO: what a failing disk gives.
    ListedEntry memory = new ArchiveWalker(InputSelection.of("/proc/self/mem", false)).next();
    ArchiveReader.Failure failed = failure(reader.read(memory));
    assertEquals("cannot read the file: Input/output error", failed.reason());
    assertTrue(!failed.changed());
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
      out.write(bytes);
    }
    return buffer.toByteArray();
  }
}
