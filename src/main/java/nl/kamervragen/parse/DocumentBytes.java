package nl.kamervragen.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a file's bytes into text. Documents are UTF-8, with or without a byte-order mark; UTF-16
 * (little- or big-endian) is read when a byte-order mark says so. A UTF-8 document with a few bytes
 * that are not UTF-8 is read as UTF-8, with U+FFFD for those bytes and a warning that names their
 * offsets. Only a file with no UTF-8 in it at all (more broken sequences than valid non-ASCII
 * characters) is read as Windows-1252, the encoding of copies that went through old Windows tools.
 */
public final class DocumentBytes {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** How far to look for NUL bytes, the mark of a binary file. */
  private static final int BINARY_PROBE_BYTES = 8192;

  /** How many offsets of bytes that are not UTF-8 a warning names. */
  private static final int OFFSETS_SHOWN = 10;

  private DocumentBytes() {}

  /** Decoded text, with a warning when its bytes were not all what they should be. */
  public record Decoded(String text, Optional<String> warning) {}

  /**
   * Decodes the bytes of a document.
   *
   * @throws IllegalArgumentException when the bytes are not text, with the reason
   */
  public static Decoded decode(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("the file is empty");
    }
    if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00) || startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      throw new IllegalArgumentException("UTF-32 text (by its byte-order mark): only UTF-8 and UTF-16 are read");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return utf16(bytes, StandardCharsets.UTF_16LE, "little-endian");
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return utf16(bytes, StandardCharsets.UTF_16BE, "big-endian");
    }
    rejectBinary(bytes);
    // The String constructor decodes UTF-8 several times faster than a CharsetDecoder, but replaces
    // malformed input with U+FFFD: without one in its result the input was valid. Only then is it used.
    String fast = new String(bytes, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return new Decoded(fast, Optional.empty());
    }
    Replaced utf8 = replacing(StandardCharsets.UTF_8, bytes, 0);
    if (utf8.badOffsets().isEmpty()) {
      return new Decoded(utf8.text(), Optional.empty()); // valid UTF-8 that holds U+FFFD itself
    }
    if (utf8.nonAscii() >= utf8.badOffsets().size()) {
      return new Decoded(utf8.text(), Optional.of(badBytesWarning("not valid UTF-8", utf8.badOffsets())));
    }
    try {
      return new Decoded(strictly(WINDOWS_1252, bytes), Optional.of("not valid UTF-8: decoded as Windows-1252"));
    } catch (CharacterCodingException neither) {
      throw new IllegalArgumentException("neither UTF-8 nor Windows-1252 text (byte " + undefinedInWindows1252(bytes) + " is neither)");
    }
  }

  private static Decoded utf16(byte[] bytes, Charset charset, String order) {
    Replaced text = replacing(charset, bytes, 2);
    int nul = text.text().indexOf('\u0000');
    if (nul >= 0) {
      throw new IllegalArgumentException("binary content (a NUL character in UTF-16 " + order + " text), not a text document");
    }
    return new Decoded(
        text.text(),
        text.badOffsets().isEmpty() ? Optional.empty() : Optional.of(badBytesWarning("not valid UTF-16 " + order, text.badOffsets())));
  }

  /** A NUL byte near the start marks a binary file, or UTF-16 without its byte-order mark. */
  private static void rejectBinary(byte[] bytes) {
    int probe = Math.min(bytes.length, BINARY_PROBE_BYTES);
    int firstNul = -1;
    int nulsAtEven = 0;
    int nulsAtOdd = 0;
    for (int i = 0; i < probe; i++) {
      if (bytes[i] == 0) {
        firstNul = firstNul < 0 ? i : firstNul;
        if (i % 2 == 0) {
          nulsAtEven++;
        } else {
          nulsAtOdd++;
        }
      }
    }
    if (firstNul < 0) {
      return;
    }
    // ASCII text in UTF-16 has a NUL in every other byte.
    if (probe >= 8 && Math.max(nulsAtEven, nulsAtOdd) * 4 >= probe && Math.min(nulsAtEven, nulsAtOdd) * 20 < probe) {
      throw new IllegalArgumentException(
          "UTF-16 text without a byte-order mark (NUL bytes at every other offset): only UTF-16 with a byte-order mark is read");
    }
    throw new IllegalArgumentException("binary content (NUL byte at offset " + firstNul + "), not a text document");
  }

  /**
   * Text decoded with U+FFFD for malformed input.
   *
   * @param badOffsets byte offsets where malformed input starts
   * @param nonAscii valid characters outside ASCII: what says the bytes really are this encoding
   */
  private record Replaced(String text, List<Integer> badOffsets, long nonAscii) {}

  private static Replaced replacing(Charset charset, byte[] bytes, int start) {
    CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    StringBuilder text = new StringBuilder(bytes.length);
    List<Integer> bad = new ArrayList<>();
    long nonAscii = 0;
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      out.flip();
      for (int i = 0; i < out.length(); i++) {
        if (out.charAt(i) > 0x7F) {
          nonAscii++;
        }
      }
      text.append(out);
      out.clear();
      if (result.isError()) {
        bad.add(in.position());
        in.position(in.position() + result.length());
        text.append('\uFFFD');
      } else if (result.isUnderflow()) {
        decoder.flush(out);
        out.flip();
        text.append(out);
        return new Replaced(text.toString(), bad, nonAscii);
      }
    }
  }

  private static String badBytesWarning(String what, List<Integer> offsets) {
    String shown = offsets.stream().limit(OFFSETS_SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
    String more = offsets.size() > OFFSETS_SHOWN ? " and " + (offsets.size() - OFFSETS_SHOWN) + " more" : "";
    return what + " at byte offset" + (offsets.size() == 1 ? " " : "s ") + shown + more + ": read as U+FFFD";
  }

  private static String undefinedInWindows1252(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
        return String.format(Locale.ROOT, "0x%02X at offset %d", b, i);
      }
    }
    return "sequence";
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String strictly(Charset charset, byte[] bytes) throws CharacterCodingException {
    CharBuffer chars =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes));
    return chars.toString();
  }
}
