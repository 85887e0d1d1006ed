package nl.kamervragen.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamervragen.model.Footnote;

/**
 * The usual rendering: the title, {@code Label value} header lines, footnotes, the questions (and
 * postponement notices) as bulleted list items, then the footer.
 */
final class HeaderLayoutReader {

  static final String BULLET = "\u2022";

  private static final Pattern FOOTNOTE = Pattern.compile("(\\d+)\\.\\s+(.*)");
  private static final Pattern QUESTION_ITEM = Pattern.compile("Vraag\\s+(\\d+)\\s*");
  private static final Pattern NOTICE_ITEM = Pattern.compile("Mededeling(?:\\s*[-\u2013\u2014]\\s*(.*))?");

  private final HeaderFields fields;

  HeaderLayoutReader(HeaderFields fields) {
    this.fields = fields;
  }

  /** Reads from the line after the case number line. */
  void read(DocumentDraft draft, int start) throws ParseProblem {
    int i = start;
    // Title: everything up to the first header line.
    for (; i < draft.lines.size(); i++) {
      String line = draft.lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (HeaderFields.labelOf(line) != null) {
        break;
      }
      if (line.startsWith(BULLET) || FooterReader.isFooterLine(line)) {
        throw new ParseProblem(i + 1,
            "expected the title or 'Ingediend <date>', found '" + Texts.abbreviate(line) + "': the document has no header");
      }
      draft.titleLines.add(line);
    }
    // Header lines.
    for (; i < draft.lines.size(); i++) {
      String line = draft.lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String label = HeaderFields.labelOf(line);
      if (label == null) {
        break;
      }
      fields.apply(draft, label, line.substring(label.length()).strip(), i + 1);
    }
    if (draft.submitted == null) {
      throw new ParseProblem(Math.min(i + 1, draft.lines.size()),
          "expected 'Ingediend <date>' in the header, found "
              + (i < draft.lines.size() ? "'" + Texts.abbreviate(draft.lines.get(i).strip()) + "'" : "the end of the file"));
    }
    readBody(draft, i);
  }

  private void readBody(DocumentDraft draft, int start) {
    BodyItem current = null;
    boolean inFooter = false;
    for (int i = start; i < draft.lines.size(); i++) {
      String raw = draft.lines.get(i);
      String line = raw.strip();
      boolean indented = !raw.isEmpty() && Character.isWhitespace(raw.charAt(0));
      if (line.isEmpty()) {
        if (current != null) {
          current.endParagraph();
        }
        continue;
      }
      if (!indented && FooterReader.isFooterLine(line)) {
        inFooter = true;
        current = null;
        FooterReader.read(draft, line);
        continue;
      }
      if (inFooter) {
        FooterReader.readAfter(draft, line, indented, i + 1);
        continue;
      }
      if (line.startsWith(BULLET)) {
        current = startItem(draft, line.substring(BULLET.length()).strip(), i);
        if (current != null) {
          draft.items.add(current);
        }
        continue;
      }
      // Footnotes come before the first question; question and answer lines skip the regex.
      Matcher footnote = !indented && draft.items.isEmpty() ? FOOTNOTE.matcher(line) : null;
      if (footnote != null && footnote.matches()) {
        draft.footnotes.add(FootnoteParser.parse(Integer.parseInt(footnote.group(1)), footnote.group(2).strip()));
        continue;
      }
      if (current != null) {
        current.addLine(line);
      } else if (!draft.footnotes.isEmpty() && draft.items.isEmpty() && !indented) {
        // A footnote text that wrapped onto the next line.
        Footnote last = draft.footnotes.remove(draft.footnotes.size() - 1);
        draft.footnotes.add(FootnoteParser.parse(last.number(), last.text() + " " + line));
      } else {
        draft.warn(i + 1, "text outside any question ignored: '" + Texts.abbreviate(line) + "'");
      }
    }
  }

  private static BodyItem startItem(DocumentDraft draft, String heading, int index) {
    if (heading.isEmpty()) {
      if (draft.firstNonBlank(index + 1) < 0) {
        draft.endsWithEmptyItem = true;
      } else {
        draft.warn(index + 1, "empty list item");
      }
      return null;
    }
    Matcher question = QUESTION_ITEM.matcher(heading);
    if (question.matches()) {
      return new BodyItem(BodyItem.Kind.QUESTION, index + 1, Integer.parseInt(question.group(1)), heading);
    }
    Matcher notice = NOTICE_ITEM.matcher(heading);
    if (notice.matches()) {
      return new BodyItem(BodyItem.Kind.NOTICE, index + 1, 0, notice.group(1) == null ? "" : notice.group(1));
    }
    draft.warn(index + 1, "unknown list item '" + Texts.abbreviate(heading) + "' ignored");
    return new BodyItem(BodyItem.Kind.OTHER, index + 1, 0, heading);
  }
}
