package nl.kamervragen.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one Kamervraag document holds. Immutable; lists are in document order.
 *
 * @param caseNumber the Tweede Kamer case number, e.g. {@code 2011Z18417}
 * @param layout the rendering the document came in
 * @param title the short title
 * @param submitted date the question was submitted
 * @param answered date of the answer, empty while unanswered
 * @param statedDays the publisher's own day count ("na 21 dagen")
 * @param submitters the members who asked, co-signers included
 * @param answerers the members of government who answered (since 2020: to whom it was addressed)
 * @param topics topic labels split with the vocabularies
 * @param questionUrl official publication of the question
 * @param answerUrl official publication of the answer
 * @param questionId id of the question publication, e.g. {@code kv-tk-2011Z18417}
 * @param questionFullTitle full title of the question publication
 * @param answerId id of the answer publication, e.g. {@code ah-tk-20112012-312}
 * @param answerFullTitle full title of the answer publication
 * @param parliamentaryYear parliamentary year of the answer publication, e.g. {@code 2011-2012}
 * @param footnotes footnotes of the question
 * @param questions the numbered questions with their answers
 * @param postponements postponement notices
 * @param truncated whether the body looks cut off (no complete footer)
 * @param warnings what the parser noticed but could read past, one sentence each
 */
public record Kamervraag(
    String caseNumber,
    Layout layout,
    Optional<String> title,
    LocalDate submitted,
    Optional<LocalDate> answered,
    Optional<Integer> statedDays,
    List<Person> submitters,
    List<Person> answerers,
    List<Topic> topics,
    Optional<String> questionUrl,
    Optional<String> answerUrl,
    Optional<String> questionId,
    Optional<String> questionFullTitle,
    Optional<String> answerId,
    Optional<String> answerFullTitle,
    Optional<String> parliamentaryYear,
    List<Footnote> footnotes,
    List<Question> questions,
    List<Postponement> postponements,
    boolean truncated,
    List<String> warnings) {

  public Kamervraag {
    Objects.requireNonNull(caseNumber, "caseNumber");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(submitted, "submitted");
    submitters = List.copyOf(submitters);
    answerers = List.copyOf(answerers);
    topics = List.copyOf(topics);
    footnotes = List.copyOf(footnotes);
    questions = List.copyOf(questions);
    postponements = List.copyOf(postponements);
    warnings = List.copyOf(warnings);
  }

  public boolean isAnswered() {
    return answered.isPresent();
  }
}
