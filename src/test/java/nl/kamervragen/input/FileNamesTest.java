package nl.kamervragen.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNamesTest {

  @TempDir Path folder;

  private static String display(String text) {
    return FileNames.display(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void plainAndAccentedNamesAreWrittenAsTheyAre() {
    assertEquals("2019/2019Z00007.txt", display("2019/2019Z00007.txt"));
    assertEquals("Financiën – vragen.txt", display("Financiën – vragen.txt"));
  }

  @Test
  void controlCharactersBackslashesAndInvisibleFormatCharactersAreEscaped() {
    assertEquals("new\\x0Aline.txt", display("new\nline.txt"));
    assertEquals("carriage\\x0Dreturn.txt", display("carriage\rreturn.txt"));
    assertEquals("tab\\x09.txt", display("tab\t.txt"));
    assertEquals("back\\\\slash.txt", display("back\\slash.txt"));
    assertEquals("txt.\\u202Eexe", display("txt.\u202Eexe"), "a right-to-left override would show the name reversed");
  }

  @Test
  void bytesThatAreNotUtf8AreEscapedOneByOne() {
    assertEquals("bad\\xFFname\\xC3.txt", FileNames.display(new byte[] {'b', 'a', 'd', (byte) 0xFF, 'n', 'a', 'm', 'e', (byte) 0xC3, '.', 't', 'x', 't'}));
  }

  @Test
  void differentNamesAreWrittenDifferently() {
    assertNotEquals(display("a\\xFF"), FileNames.display(new byte[] {'a', (byte) 0xFF}), "a literal backslash is doubled");
    assertNotEquals(display("a\\\\"), display("a\\"));
  }

  @Test
  void namesComeFromTheStoredBytesAndLocationsReadTheSameFile() throws IOException {
    // Made through a URI, so the name holds exactly these bytes whatever the JVM's locale.
    Path odd = Path.of(URI.create(folder.toUri() + "bad%FFname%0A.txt"));
    Files.writeString(odd, "x");
    try (var listing = Files.list(folder)) {
      Path listed = listing.findFirst().orElseThrow();
      assertEquals("bad\\xFFname\\x0A.txt", FileNames.display(listed));
      assertEquals("x", Files.readString(FileNames.path(FileNames.location(listed))));
    }
  }

  @Test
  void pathsAreWrittenElementByElement() {
    assertEquals("/etc/shadow", FileNames.displayPath(Path.of("/etc/shadow")));
    assertEquals("../up/x.txt", FileNames.displayPath(Path.of("../up/x.txt")));
  }

  @Test
  void theNameAndLocationOfAnEntryOfAFolderAreThoseOfItsPath() throws IOException {
    // Every byte from 1 to 255 but '/', alone and in a longer name, and names the JVM may decode.
    java.util.List<String> encoded = new java.util.ArrayList<>(java.util.List.of(
        "2019Z00001.txt", "Financi%C3%ABn%20%E2%80%93%20vragen.txt", "50%25;a=b&c+d$e,f@g:h!~*'()-_.txt",
        "bad%FFname%0A.txt", "surrogate%ED%A0%80.txt", "replacement%EF%BF%BD.txt", "%F0%9F%98%80.txt"));
    for (int b = 1; b < 256; b++) {
      if (b != '/' && b != '.') {
        encoded.add(String.format("b%%%02X", b));
      }
    }
    String folderLocation = FileNames.location(folder);
    for (String name : encoded) {
      Files.writeString(Path.of(URI.create(folderLocation + name)), name);
    }
    int checked = 0;
    try (var listing = Files.list(folder)) {
      for (Path listed : listing.toList()) {
        byte[] raw = FileNames.rawName(listed);
        assertEquals(java.util.Arrays.toString(FileNames.rawName(listed.toUri())), java.util.Arrays.toString(raw), listed.toUri().toString());
        assertEquals(FileNames.location(listed), FileNames.locationIn(folderLocation, raw));
        checked++;
      }
    }
    assertEquals(encoded.size(), checked);
  }
}
