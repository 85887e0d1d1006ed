package nl.kamervragen.parse;

import java.util.ArrayList;
import java.util.List;

/** Normalises a document's text into lines: byte-order mark, line ends and no-break spaces. */
final class DocumentText {

  private DocumentText() {}

  /**
   * Splits text into lines without their line ends (CRLF, LF or CR), drops a leading byte-order
   * mark, turns no-break spaces into plain spaces and strips trailing white space.
   */
  static List<String> lines(String text) {
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    List<String> lines = new ArrayList<>();
    // Line ends are found with indexOf, which the JVM scans many characters at a time: a regex split
    // (then a replace and a strip per line) cost an eighth of the parse.
    int from = start;
    int cr = text.indexOf('\r', start);
    while (true) {
      int newline = text.indexOf('\n', from);
      int to = newline < 0 ? text.length() : newline;
      // A CR right before the LF makes a CRLF; any other CR before it ends a line of its own.
      int lineEnd = newline > from && text.charAt(newline - 1) == '\r' ? newline - 1 : to;
      while (cr >= 0 && cr < lineEnd) {
        lines.add(clean(text, from, cr));
        from = cr + 1;
        cr = text.indexOf('\r', from);
      }
      lines.add(clean(text, from, lineEnd));
      if (newline < 0) {
        return lines;
      }
      from = newline + 1;
      if (cr >= 0 && cr < from) {
        cr = text.indexOf('\r', from);
      }
    }
  }

  private static String clean(String text, int from, int to) {
    int end = to;
    while (end > from && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == '\u00A0')) {
      end--;
    }
    String line = text.substring(from, end);
    return line.indexOf('\u00A0') < 0 ? line : line.replace('\u00A0', ' ');
  }
}
