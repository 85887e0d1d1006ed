package nl.kamervragen.input;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the names of input files are written in tables, reports and messages: as UTF-8 text that is
 * always one printable line, whatever bytes the name holds, and different for different names.
 *
 * <ul>
 *   <li>a backslash is written {@code \\};
 *   <li>a control character (such as a newline or a carriage return) and every byte that is not
 *       part of valid UTF-8 is written {@code \xNN}, its byte in hexadecimal;
 *   <li>an invisible Unicode format character that could make a name read differently than it is
 *       (bidirectional overrides, line and paragraph separators) is written as a backslash, {@code u}
 *       and its four hexadecimal digits.
 * </ul>
 *
 * <p>Names are taken from the bytes the file system stores, not from the JVM's decoding of them,
 * so a run gives the same names whatever the locale it runs in.
 */
public final class FileNames {

  private FileNames() {}

  /** The written form of a name's bytes. */
  public static String display(byte[] raw) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(raw);
    CharBuffer out = CharBuffer.allocate(raw.length + 1);
    StringBuilder name = new StringBuilder(raw.length);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      out.flip();
      appendText(name, out);
      out.clear();
      if (result.isError()) {
        for (int i = 0; i < result.length(); i++) {
          appendByte(name, in.get());
        }
      } else if (result.isUnderflow()) {
        break;
      }
    }
    return name.toString();
  }

  /** The written form of a local path's last element, from its stored bytes. */
  public static String display(Path path) {
    return display(rawName(path));
  }

  /**
   * The bytes of a local path's last element as the file system stores them. A path's URI
   * percent-encodes exactly those bytes, where its string form depends on the JVM's locale; so the
   * string form is used only where it is known to encode back to them.
   */
  static byte[] rawName(Path path) {
    if (NAMES_DECODED_AS_UTF8) {
      // A name the JVM decoded without a replacement character is valid UTF-8, and encodes back to
      // its stored bytes; making a path's URI instead asks the file system whether it is a folder.
      String name = path.getFileName().toString();
      if (name.indexOf('\uFFFD') < 0) {
        return name.getBytes(StandardCharsets.UTF_8);
      }
    }
    return rawName(path.toUri());
  }

  /**
   * Whether the JVM decodes file names as UTF-8, replacing bytes that are not: on Linux with a
   * UTF-8 locale. Elsewhere (another platform, or the C locale's ASCII) names come from URIs.
   */
  private static final boolean NAMES_DECODED_AS_UTF8 = System.getProperty("os.name", "").equals("Linux")
      && "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));

  /**
   * The {@link #location} of an entry of a folder, from the folder's location (ending in '/') and
   * the entry's stored name: what {@code Path.toUri()} gives for a file, without asking the file
   * system (a million files' listing spent a third of its time there).
   */
  static String locationIn(String folderLocation, byte[] rawName) {
    StringBuilder location = new StringBuilder(folderLocation.length() + rawName.length + 8).append(folderLocation);
    for (byte b : rawName) {
      char c = (char) (b & 0xFF);
      if (isUriPathCharacter(c)) {
        location.append(c);
      } else {
        location.append('%').append(HEX_DIGITS.charAt(c >> 4)).append(HEX_DIGITS.charAt(c & 0xF));
      }
    }
    return location.toString();
  }

  private static final String HEX_DIGITS = "0123456789ABCDEF";

  /** The characters a file URI's path holds as they are (RFC 2396 pchar, ';' and '/'), as the JDK writes them. */
  private static boolean isUriPathCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.!~*'():@&=+$,;/".indexOf(c) >= 0;
  }

  /** The bytes of the last element of a local path's URI. */
  static byte[] rawName(URI uri) {
    String uriPath = uri.getRawPath();
    int end = uriPath.endsWith("/") && uriPath.length() > 1 ? uriPath.length() - 1 : uriPath.length();
    int start = uriPath.lastIndexOf('/', end - 1) + 1;
    return percentDecode(uriPath.substring(start, end));
  }

  private static byte[] percentDecode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length()) {
        bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        // What a URI leaves unencoded is ASCII.
        bytes.write(c);
      }
    }
    return bytes.toByteArray();
  }

  /** The written form of a relative or absolute path, element by element ('/'-separated). */
  public static String displayPath(Path path) {
    StringBuilder name = new StringBuilder(path.isAbsolute() ? "/" : "");
    for (Path element : path) {
      if (name.length() > 0 && name.charAt(name.length() - 1) != '/') {
        name.append('/');
      }
      name.append(display(element));
    }
    return name.toString();
  }

  /** A local path as a URI string: exact for any bytes, and readable by {@link #path}. */
  public static String location(Path path) {
    return path.toUri().toString();
  }

  /** The local path of a {@link #location}. */
  public static Path path(String location) {
    return Path.of(URI.create(location));
  }

  private static void appendText(StringBuilder name, CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        name.append("\\\\");
      } else if (c < 0x20 || c == 0x7F) {
        appendByte(name, (byte) c);
      } else if (isInvisibleFormat(c)) {
        name.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        name.append(c);
      }
    }
  }

  private static void appendByte(StringBuilder name, byte b) {
    name.append(String.format(Locale.ROOT, "\\x%02X", b & 0xFF));
  }

  /** C1 controls, line and paragraph separators and the bidirectional controls ("Trojan Source"). */
  private static boolean isInvisibleFormat(char c) {
    return (c >= 0x80 && c <= 0x9F)
        || c == 0x061C
        || c == 0x200E
        || c == 0x200F
        || (c >= 0x2028 && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
