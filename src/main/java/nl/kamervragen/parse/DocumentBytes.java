package nl.kamervragen.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a file's bytes into text. Documents are UTF-8; copies that went through old Windows tools
 * are Windows-1252, which is read as such (with a warning) rather than turned into mojibake.
 */
public final class DocumentBytes {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** How far to look for NUL bytes, the mark of a binary file. */
  private static final int BINARY_PROBE_BYTES = 8192;

  private DocumentBytes() {}

  /** Decoded text, with a warning when it was not UTF-8. */
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
    for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE_BYTES); i++) {
      if (bytes[i] == 0) {
        throw new IllegalArgumentException("binary content (NUL byte at offset " + i + "), not a text document");
      }
    }
    // The String constructor decodes UTF-8 several times faster than a CharsetDecoder, but replaces
    // malformed input with U+FFFD: without one in its result the input was valid. Only then is it used.
    String fast = new String(bytes, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return new Decoded(fast, Optional.empty());
    }
    try {
      return new Decoded(strictly(StandardCharsets.UTF_8, bytes), Optional.empty());
    } catch (CharacterCodingException notUtf8) {
      try {
        return new Decoded(
            strictly(WINDOWS_1252, bytes),
            Optional.of("not valid UTF-8: decoded as Windows-1252"));
      } catch (CharacterCodingException neither) {
        throw new IllegalArgumentException("neither valid UTF-8 nor Windows-1252 text");
      }
    }
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
