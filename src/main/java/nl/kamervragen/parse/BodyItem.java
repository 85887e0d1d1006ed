package nl.kamervragen.parse;

import java.util.ArrayList;
import java.util.List;

/** One list item of the body (a question, a postponement notice or something else), collected paragraph by paragraph. */
final class BodyItem {

  enum Kind {
    QUESTION,
    NOTICE,
    OTHER
  }

  final Kind kind;
  /** 1-based line of the bullet. */
  final int line;
  /** The question's number; 0 for other items. */
  final int number;
  /** What follows the bullet: "Vraag 1", a notice's date, … */
  final String heading;
  final List<List<String>> paragraphs = new ArrayList<>();
  private boolean paragraphOpen;

  BodyItem(Kind kind, int line, int number, String heading) {
    this.kind = kind;
    this.line = line;
    this.number = number;
    this.heading = heading;
  }

  void addLine(String text) {
    if (!paragraphOpen) {
      paragraphs.add(new ArrayList<>());
      paragraphOpen = true;
    }
    paragraphs.get(paragraphs.size() - 1).add(text);
  }

  void endParagraph() {
    paragraphOpen = false;
  }

  /** Paragraphs as text: lines joined by newlines, paragraphs by blank lines. */
  static String join(List<List<String>> paragraphs) {
    StringBuilder joined = new StringBuilder();
    for (List<String> paragraph : paragraphs) {
      if (joined.length() > 0) {
        joined.append("\n\n");
      }
      for (int i = 0; i < paragraph.size(); i++) {
        if (i > 0) {
          joined.append('\n');
        }
        joined.append(paragraph.get(i));
      }
    }
    return joined.toString();
  }
}
