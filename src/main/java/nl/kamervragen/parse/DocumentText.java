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
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    // String.lines() splits on the same three line ends in one pass (a regex split cost an eighth of
    // the job); it leaves out the empty line after a final line end, which the parser expects.
    List<String> lines = new ArrayList<>();
    body.lines().forEach(line -> lines.add(line.replace('\u00A0', ' ').stripTrailing()));
    if (body.isEmpty() || body.endsWith("\n") || body.endsWith("\r")) {
      lines.add("");
    }
    return lines;
  }
}
