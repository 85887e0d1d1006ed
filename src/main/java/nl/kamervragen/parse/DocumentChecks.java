package nl.kamervragen.parse;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import nl.kamervragen.model.Layout;
import nl.kamervragen.model.Question;
import nl.kamervragen.model.Topic;

/** What is checked of a document once it is read: whether it is cut off, and what does not add up (as warnings). */
final class DocumentChecks {

  private DocumentChecks() {}

  /**
   * A complete document ends with the footer: the question's full title, and the answer's when
   * answered. The publisher's excerpts and broken copies stop before it.
   */
  static boolean isTruncated(DocumentDraft draft) {
    boolean questionFooter = draft.questionFullTitle != null && draft.questionFullTitle.length() > 0;
    boolean answerFooter = draft.answerFullTitle != null && draft.answerFullTitle.length() > 0;
    return draft.layout == Layout.TABLE
        || !questionFooter
        || draft.answered != null && !answerFooter
        || draft.endsWithEmptyItem;
  }

  /** Adds a warning for each thing in the document that does not add up. */
  static void check(DocumentDraft draft, List<Question> questions, boolean truncated) {
    if (draft.answered != null) {
      long days = ChronoUnit.DAYS.between(draft.submitted, draft.answered);
      if (days < 0) {
        draft.warnings.add("answer dated " + draft.answered + " is before the question's date " + draft.submitted);
      }
      if (draft.statedDays != null && draft.statedDays != days) {
        draft.warnings.add("publisher's day count " + draft.statedDays + " disagrees with the dates (" + days + " days)");
      }
      if (!draft.answerersSeen) {
        draft.warnings.add("answered but no 'Beantwoord door' line");
      }
    } else if (draft.answerersSeen && !draft.answerers.isEmpty()) {
      draft.warnings.add("'Beantwoord door' without an answer date");
    }
    for (Topic topic : draft.topics) {
      if (!topic.known()) {
        draft.warnings.add("unknown topic '" + topic.label() + "'");
      }
    }
    if (draft.layout == Layout.HEADER && questions.isEmpty() && !truncated) {
      draft.warnings.add("no questions");
    }
    Set<Integer> numbers = new LinkedHashSet<>();
    for (Question q : questions) {
      if (!numbers.add(q.number())) {
        draft.warnings.add("question number " + q.number() + " occurs twice");
      }
    }
    if (draft.answered != null && !truncated) {
      String unanswered = questions.stream().filter(q -> q.answer().isEmpty()).map(q -> String.valueOf(q.number()))
          .collect(Collectors.joining(", "));
      if (!unanswered.isEmpty()) {
        draft.warnings.add("answered document without an answer to question(s) " + unanswered);
      }
    }
    if (draft.questionId != null) {
      Matcher m = PublicationIds.CASE_NUMBER_IN_ID.matcher(draft.questionId);
      if (m.matches() && !m.group(1).equals(draft.caseNumber)) {
        draft.warnings.add("question publication id " + draft.questionId + " names another case than " + draft.caseNumber);
      }
    }
  }
}
