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
    String[] raw = body.split("\r\n|\r|\n", -1);
    List<String> lines = new ArrayList<>(raw.length);
    for (String line : raw) {
      lines.add(line.replace('\u00A0', ' ').stripTrailing());
    }
    return lines;
  }
}
