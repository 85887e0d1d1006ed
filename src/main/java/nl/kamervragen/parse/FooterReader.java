package nl.kamervragen.parse;

/**
 * The footer: {@code Kamervraag document nummer:}, {@code Kamerantwoord document nummer:} and the
 * {@code Volledige titel:} after each. A full title may run on over unindented lines; anything else
 * after the footer (an indented line, a list item) is reported and ignored.
 */
final class FooterReader {

  // Footer lines are known by how they start; what follows is their value.
  private static final String QUESTION_ID = "Kamervraag document nummer:";
  private static final String ANSWER_ID = "Kamerantwoord document nummer:";
  private static final String TITLE = "Volledige titel:";

  private FooterReader() {}

  static boolean isFooterLine(String line) {
    return line.startsWith(QUESTION_ID) || line.startsWith(ANSWER_ID) || line.startsWith(TITLE);
  }

  /** Reads one footer line (stripped) into the draft. */
  static void read(DocumentDraft draft, String line) {
    if (line.startsWith(QUESTION_ID)) {
      draft.questionId = line.substring(QUESTION_ID.length()).strip();
      draft.questionFullTitle = new StringBuilder();
      draft.openFullTitle = null;
    } else if (line.startsWith(ANSWER_ID)) {
      draft.answerId = line.substring(ANSWER_ID.length()).strip();
      draft.answerFullTitle = new StringBuilder();
      draft.openFullTitle = null;
    } else if (line.startsWith(TITLE)) {
      StringBuilder target = draft.answerFullTitle != null ? draft.answerFullTitle : draft.questionFullTitle;
      if (target == null) {
        draft.questionFullTitle = new StringBuilder();
        target = draft.questionFullTitle;
      }
      target.append(line.substring(TITLE.length()).strip());
      draft.openFullTitle = target;
    }
  }

  /** A line after the footer that is not a footer line: a full title running on, or text that does not belong. */
  static void readAfter(DocumentDraft draft, String line, boolean indented, int lineNumber) {
    if (draft.openFullTitle != null && !indented && !line.startsWith(HeaderLayoutReader.BULLET)) {
      draft.openFullTitle.append(' ').append(line);
    } else {
      draft.warn(lineNumber, "unexpected text after the footer ignored: '" + Texts.abbreviate(line) + "'");
    }
  }
}
