package nl.kamervragen.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamervragen.model.Kamervraag;
import nl.kamervragen.model.ParseResult;
import nl.kamervragen.model.Postponement;
import nl.kamervragen.model.Question;

/**
 * Turns the text of one Kamervraag document into a {@link Kamervraag}, or into a failure that
 * names the line and what was expected there. Never throws on bad input. It picks the rendering by
 * the first line and leaves the reading to {@link HeaderLayoutReader} or {@link TableLayoutReader}
 * (both fill one {@link DocumentDraft}), then checks ({@link DocumentChecks}) and assembles the
 * document. Not thread-safe: use one per thread (it remembers the dates it has read).
 *
 * <p>See {@code docs/format.md} for the layout it reads.
 */
public final class DocumentParser {

  static final Pattern CASE_NUMBER = Pattern.compile("\\d{4}Z\\d{5}");

  private static final Pattern CASE_LINE = Pattern.compile("Kamervraag\\s+(\\S+)");

  private static final Pattern SEE_ANSWER =
      Pattern.compile("zie (?:het |mijn )?antwoord (?:op |bij |van )?(?:de )?vraag (\\d+)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private final HeaderFields fields;
  private final HeaderLayoutReader headerLayout;
  private final TableLayoutReader tableLayout;

  public DocumentParser(TopicVocabulary vocabulary) {
    this.fields = new HeaderFields(vocabulary);
    this.headerLayout = new HeaderLayoutReader(fields);
    this.tableLayout = new TableLayoutReader(fields);
  }

  /** Parses one document's text (a leading byte-order mark and any line ends are accepted). */
  public ParseResult parse(String text) {
    try {
      return new ParseResult.Parsed(read(new DocumentDraft(DocumentText.lines(text))));
    } catch (ParseProblem p) {
      return new ParseResult.Failed(p.line, p.getMessage());
    }
  }

  private Kamervraag read(DocumentDraft draft) throws ParseProblem {
    int first = draft.firstNonBlank(0);
    if (first < 0) {
      throw new ParseProblem(0, "the file is empty: expected 'Kamervraag <case number>' on line 1");
    }
    String firstLine = draft.lines.get(first).strip();
    Matcher caseLine = CASE_LINE.matcher(firstLine);
    if (caseLine.matches()) {
      draft.caseNumber = caseLine.group(1);
      if (!CASE_NUMBER.matcher(draft.caseNumber).matches()) {
        throw new ParseProblem(first + 1, "malformed case number '" + draft.caseNumber + "': expected four digits, 'Z' and five digits");
      }
      headerLayout.read(draft, first + 1);
    } else if (TableLayoutReader.startsTable(firstLine)) {
      tableLayout.read(draft, first);
    } else {
      throw new ParseProblem(first + 1,
          "expected 'Kamervraag <case number>' (like 'Kamervraag 2011Z18417'), found '" + Texts.abbreviate(firstLine) + "'");
    }
    return assemble(draft);
  }

  private Kamervraag assemble(DocumentDraft draft) {
    List<Question> questions = new ArrayList<>();
    List<Postponement> postponements = new ArrayList<>();
    for (BodyItem item : draft.items) {
      switch (item.kind) {
        case QUESTION -> questions.add(question(draft, item));
        case NOTICE -> postponements.add(postponement(draft, item));
        case OTHER -> { }
      }
    }
    if (draft.questionId == null) {
      draft.questionId = Optional.ofNullable(draft.questionUrl).flatMap(PublicationIds::fromUrl).orElse(null);
    }
    if (draft.answerId == null) {
      draft.answerId = Optional.ofNullable(draft.answerUrl).flatMap(PublicationIds::fromUrl).orElse(null);
    }
    boolean truncated = DocumentChecks.isTruncated(draft);
    DocumentChecks.check(draft, questions, truncated);
    return new Kamervraag(
        draft.caseNumber,
        draft.layout,
        draft.titleLines.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", draft.titleLines)),
        draft.submitted,
        Optional.ofNullable(draft.answered),
        Optional.ofNullable(draft.statedDays),
        draft.submitters,
        draft.answerers,
        draft.topics,
        Optional.ofNullable(draft.questionUrl),
        Optional.ofNullable(draft.answerUrl),
        Optional.ofNullable(draft.questionId),
        Texts.nonEmpty(draft.questionFullTitle),
        Optional.ofNullable(draft.answerId),
        Texts.nonEmpty(draft.answerFullTitle),
        Optional.ofNullable(draft.answerId).flatMap(PublicationIds::parliamentaryYear),
        draft.footnotes,
        questions,
        postponements,
        truncated,
        draft.warnings);
  }

  private static Question question(DocumentDraft draft, BodyItem item) {
    List<List<String>> paragraphs = item.paragraphs;
    if (paragraphs.isEmpty()) {
      return new Question(item.number, "", Optional.empty(), Optional.empty());
    }
    if (draft.answered == null) {
      // Unanswered: every paragraph belongs to the question.
      return new Question(item.number, BodyItem.join(paragraphs), Optional.empty(), Optional.empty());
    }
    String question = String.join("\n", paragraphs.get(0));
    if (paragraphs.size() == 1) {
      return new Question(item.number, question, Optional.empty(), Optional.empty());
    }
    String answer = BodyItem.join(paragraphs.subList(1, paragraphs.size()));
    Matcher see = SEE_ANSWER.matcher(answer);
    Optional<Integer> refersTo = see.lookingAt() ? Optional.of(Integer.valueOf(see.group(1))) : Optional.empty();
    return new Question(item.number, question, Optional.of(answer), refersTo);
  }

  private Postponement postponement(DocumentDraft draft, BodyItem item) {
    Optional<LocalDate> date = Optional.empty();
    if (!item.heading.isBlank()) {
      try {
        date = Optional.of(fields.date(item.heading));
      } catch (IllegalArgumentException e) {
        draft.warn(item.line, "postponement notice date: " + e.getMessage());
      }
    } else {
      draft.warn(item.line, "postponement notice without a date");
    }
    return new Postponement(date, BodyItem.join(item.paragraphs));
  }
}
