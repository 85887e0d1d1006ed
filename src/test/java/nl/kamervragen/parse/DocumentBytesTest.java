package nl.kamervragen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nl.kamervragen.model.ParseResult;
import org.junit.jupiter.api.Test;

/** Encodings: what each really is, and reasons that say what was really wrong. */
class DocumentBytesTest {

  private static final String SEED = TestDocuments.text("seed.txt");

  @Test
  void utf8WithOrWithoutAByteOrderMarkReadsCleanly() {
    assertEquals(new DocumentBytes.Decoded(SEED, Optional.empty()), DocumentBytes.decode(SEED.getBytes(StandardCharsets.UTF_8)));
    assertEquals(new DocumentBytes.Decoded("\uFEFF" + SEED, Optional.empty()), DocumentBytes.decode(("\uFEFF" + SEED).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void utf16WithAByteOrderMarkReadsCleanly() {
    for (Charset utf16 : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
      DocumentBytes.Decoded decoded = DocumentBytes.decode(("\uFEFF" + SEED).getBytes(utf16));
      assertEquals(SEED, decoded.text(), utf16.name());
      assertEquals(Optional.empty(), decoded.warning());
      assertTrue(new DocumentParser(TopicVocabulary.standard()).parse(decoded.text()) instanceof ParseResult.Parsed);
    }
  }

  @Test
  void aUtf8DocumentWithAFewBadBytesStaysUtf8AndNamesTheirOffsets() {
    // The title gets three bytes that are not UTF-8; the dates keep their (UTF-8) no-break spaces.
    byte[] good = SEED.getBytes(StandardCharsets.UTF_8);
    int title = SEED.indexOf('\n') + 2;
    ByteArrayOutputStream bad = new ByteArrayOutputStream();
    bad.write(good, 0, title);
    bad.write(new byte[] {(byte) 0xE9, 'x', (byte) 0x92, (byte) 0xFF}, 0, 4);
    bad.write(good, title, good.length - title);
    DocumentBytes.Decoded decoded = DocumentBytes.decode(bad.toByteArray());
    assertEquals(Optional.of("not valid UTF-8 at byte offsets " + title + ", " + (title + 2) + ", " + (title + 3) + ": read as U+FFFD"),
        decoded.warning());
    assertTrue(decoded.text().contains("\uFFFDx\uFFFD\uFFFD"), decoded.text().substring(0, 80));
    ParseResult parsed = new DocumentParser(TopicVocabulary.standard()).parse(decoded.text());
    assertTrue(parsed instanceof ParseResult.Parsed, parsed::toString);
    assertEquals(java.time.LocalDate.of(2011, 9, 23), ((ParseResult.Parsed) parsed).document().submitted(), "the dates are read as UTF-8");
  }

  @Test
  void onlyAFileWithNoUtf8InItIsReadAsWindows1252() {
    String text = "Kamervraag 2011Z18417\n\nVragen over caf\u00e9s en \u201cna\u00efeve\u201d vragen \u2013 deel 2\n";
    DocumentBytes.Decoded decoded = DocumentBytes.decode(text.getBytes(Charset.forName("windows-1252")));
    assertEquals(text, decoded.text());
    assertEquals(Optional.of("not valid UTF-8: decoded as Windows-1252"), decoded.warning());
    IllegalArgumentException neither = assertThrows(IllegalArgumentException.class, () -> DocumentBytes.decode(new byte[] {'a', (byte) 0x81, (byte) 0xff}));
    assertEquals("neither UTF-8 nor Windows-1252 text (byte 0x81 at offset 1 is neither)", neither.getMessage());
  }

  @Test
  void rejectReasonsSayWhatTheBytesAre() {
    assertEquals("UTF-16 text without a byte-order mark (NUL bytes at every other offset): only UTF-16 with a byte-order mark is read",
        assertThrows(IllegalArgumentException.class, () -> DocumentBytes.decode(SEED.getBytes(StandardCharsets.UTF_16LE))).getMessage());
    assertEquals("UTF-32 text (by its byte-order mark): only UTF-8 and UTF-16 are read",
        assertThrows(IllegalArgumentException.class, () -> DocumentBytes.decode(("\uFEFF" + SEED).getBytes(Charset.forName("UTF-32LE")))).getMessage());
    assertEquals("binary content (NUL byte at offset 1), not a text document",
        assertThrows(IllegalArgumentException.class, () -> DocumentBytes.decode(new byte[] {'K', 0, 1, 2})).getMessage());
    assertEquals("the file is empty", assertThrows(IllegalArgumentException.class, () -> DocumentBytes.decode(new byte[0])).getMessage());
  }
}
