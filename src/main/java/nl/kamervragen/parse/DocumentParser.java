package nl.kamervragen.parse;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.kamervragen.model.Footnote;
import nl.kamervragen.model.Kamervraag;
import nl.kamervragen.model.Layout;
import nl.kamervragen.model.ParseResult;
import nl.kamervragen.model.Person;
import nl.kamervragen.model.Postponement;
import nl.kamervragen.model.Question;
import nl.kamervragen.model.Topic;

/**
 * Turns the text of one Kamervraag document into a {@link Kamervraag}, or into a failure that
 * names the line and what was expected there. Never throws on bad input. Thread-safe.
 *
 * <p>See {@code docs/format.md} for the layout it reads.
 */
public final class DocumentParser {

  static final Pattern CASE_NUMBER = Pattern.compile("\\d{4}Z\\d{5}");

  private static final Pattern CASE_LINE = Pattern.compile("Kamervraag\\s+(\\S+)");

  private static final Pattern HEADER_LINE =
      Pattern.compile(
          "(Ingediend|Beantwoord door|Beantwoord|Indieners|Indiener|Onderwerpen|Bron vraag|Bron antwoord)"
              + "(?:\\s+(.*))?");

  private static final Pattern TABLE_ROW = Pattern.compile("([^|]*?)\\s*\\|\\s*(.*?)\\s*\\|?");

  private static final Pattern TABLE_SEPARATOR = Pattern.compile("-+\\s*\\|\\s*-+\\s*\\|?");

  private static final Pattern ANSWER_DATE =
      Pattern.compile("(.*?)\\s*\\(na\\s+(-?\\d+)\\s+dag(?:en)?\\)");

  private static final Pattern FOOTNOTE = Pattern.compile("(\\d+)\\.\\s+(.*)");

  private static final Pattern QUESTION_ITEM = Pattern.compile("Vraag\\s+(\\d+)\\s*");

  private static final Pattern NOTICE_ITEM = Pattern.compile("Mededeling(?:\\s*[-\u2013\u2014]\\s*(.*))?");

  // Footer lines are known by how they start; what follows is their value.
  private static final String FOOTER_QUESTION_ID = "Kamervraag document nummer:";

  private static final String FOOTER_ANSWER_ID = "Kamerantwoord document nummer:";

  private static final String FOOTER_TITLE = "Volledige titel:";

  private static final Pattern SEE_ANSWER =
      Pattern.compile(
          "zie (?:het |mijn )?antwoord (?:op |bij |van )?(?:de )?vraag (\\d+)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern PUBLICATION_ID_IN_URL = Pattern.compile(".*/([^/]+?)\\.html?");

  private static final Pattern CASE_NUMBER_IN_ID = Pattern.compile("kv-[a-z]+-(\\d{4}Z\\d{5})");

  private static final Pattern PARLIAMENTARY_YEAR = Pattern.compile("ah-[a-z]+-(\\d{4})(\\d{4})-.*");

  private static final String BULLET = "\u2022";

  private final TopicSplitter topicSplitter;
  private final PersonListParser personParser = new PersonListParser();

  /**
   * Dates already read by this parser: an archive repeats a few thousand dates, and the
   * formatter's strict parse was an eighth of the parse time. Bounded; one parser per thread.
   */
  private final Map<String, LocalDate> knownDates = new HashMap<>();

  private static final int KNOWN_DATES_LIMIT = 20_000;

  public DocumentParser(TopicVocabulary vocabulary) {
    this.topicSplitter = new TopicSplitter(vocabulary);
  }

  /** Parses one document's text (a leading byte-order mark and any line ends are accepted). */
  public ParseResult parse(String text) {
    try {
      return new ParseResult.Parsed(new Run(DocumentText.lines(text)).parse());
    } catch (Problem p) {
      return new ParseResult.Failed(p.line, p.getMessage());
    }
  }

  /** A reason to give up on a document, with the line it was found on. */
  private static final class Problem extends Exception {
    final int line;

    Problem(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  private enum ItemKind {
    QUESTION,
    NOTICE,
    OTHER
  }

  /** One list item of the body, collected paragraph by paragraph. */
  private static final class Item {
    final ItemKind kind;
    final int line;
    final int number;
    final String heading;
    final List<List<String>> paragraphs = new ArrayList<>();
    boolean paragraphOpen;

    Item(ItemKind kind, int line, int number, String heading) {
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

  /** The state of parsing one document. */
  /** {@link DutchDates#parse}, remembered: only valid dates are kept, so errors are raised every time. */
  private LocalDate parseDate(String text) {
    LocalDate known = knownDates.get(text);
    if (known != null) {
      return known;
    }
    LocalDate date = DutchDates.parse(text);
    if (knownDates.size() >= KNOWN_DATES_LIMIT) {
      knownDates.clear();
    }
    knownDates.put(text, date);
    return date;
  }

  private final class Run {
    private final List<String> lines;
    private final List<String> warnings = new ArrayList<>();

    private Layout layout = Layout.HEADER;
    private String caseNumber;
    private final List<String> titleLines = new ArrayList<>();
    private LocalDate submitted;
    private LocalDate answered;
    private Integer statedDays;
    private List<Person> submitters = List.of();
    private List<Person> answerers = List.of();
    private boolean answerersSeen;
    private List<Topic> topics = List.of();
    private String questionUrl;
    private String answerUrl;
    private String questionId;
    private String answerId;
    private StringBuilder questionFullTitle;
    private StringBuilder answerFullTitle;
    private StringBuilder openFullTitle;
    private final List<Footnote> footnotes = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();
    private boolean endsWithEmptyItem;
    private final Set<String> seenLabels = new LinkedHashSet<>();

    Run(List<String> lines) {
      this.lines = lines;
    }

    Kamervraag parse() throws Problem {
      int first = firstNonBlank(0);
      if (first < 0) {
        throw new Problem(0, "the file is empty: expected 'Kamervraag <case number>' on line 1");
      }
      String firstLine = lines.get(first).strip();
      Matcher caseLine = CASE_LINE.matcher(firstLine);
      if (caseLine.matches()) {
        caseNumber = caseLine.group(1);
        if (!CASE_NUMBER.matcher(caseNumber).matches()) {
          throw new Problem(
              first + 1,
              "malformed case number '" + caseNumber + "': expected four digits, 'Z' and five digits");
        }
        parseHeaderLayout(first + 1);
      } else if (TABLE_ROW.matcher(firstLine).matches() && firstLine.contains("|")) {
        layout = Layout.TABLE;
        parseTableLayout(first);
      } else {
        throw new Problem(
            first + 1,
            "expected 'Kamervraag <case number>' (like 'Kamervraag 2011Z18417'), found '"
                + abbreviate(firstLine)
                + "'");
      }
      return build();
    }

    // ---- header layout -------------------------------------------------------------------

    private void parseHeaderLayout(int start) throws Problem {
      int i = start;
      // Title: everything up to the first header line.
      for (; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty()) {
          continue;
        }
        if (headerLabel(line) != null) {
          break;
        }
        if (line.startsWith(BULLET) || isFooterLine(line)) {
          throw new Problem(
              i + 1,
              "expected the title or 'Ingediend <date>', found '"
                  + abbreviate(line)
                  + "': the document has no header");
        }
        titleLines.add(line);
      }
      // Header lines.
      for (; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty()) {
          continue;
        }
        String label = headerLabel(line);
        if (label == null) {
          break;
        }
        applyHeader(label, line.substring(label.length()).strip(), i + 1);
      }
      if (submitted == null) {
        throw new Problem(
            Math.min(i + 1, lines.size()),
            "expected 'Ingediend <date>' in the header, found "
                + (i < lines.size() ? "'" + abbreviate(lines.get(i).strip()) + "'" : "the end of the file"));
      }
      parseBody(i);
    }

    private void parseBody(int start) {
      Item current = null;
      boolean inFooter = false;
      for (int i = start; i < lines.size(); i++) {
        String raw = lines.get(i);
        String line = raw.strip();
        boolean indented = !raw.isEmpty() && Character.isWhitespace(raw.charAt(0));
        if (line.isEmpty()) {
          if (current != null) {
            current.endParagraph();
          }
          continue;
        }
        if (!indented && isFooterLine(line)) {
          inFooter = true;
          current = null;
          applyFooter(line);
          continue;
        }
        if (inFooter) {
          // A full title that runs over more than one line; anything else (an indented line, a
          // list item) is not the footer's and is reported.
          if (openFullTitle != null && !indented && !line.startsWith(BULLET)) {
            openFullTitle.append(' ').append(line);
          } else {
            warnings.add("line " + (i + 1) + ": unexpected text after the footer ignored: '" + abbreviate(line) + "'");
          }
          continue;
        }
        if (line.startsWith(BULLET)) {
          current = startItem(line.substring(BULLET.length()).strip(), i);
          if (current != null) {
            items.add(current);
          }
          continue;
        }
        // Footnotes come before the first question; question and answer lines skip the regex.
        Matcher footnote = !indented && items.isEmpty() ? FOOTNOTE.matcher(line) : null;
        if (footnote != null && footnote.matches()) {
          footnotes.add(FootnoteParser.parse(Integer.parseInt(footnote.group(1)), footnote.group(2).strip()));
          continue;
        }
        if (current != null) {
          current.addLine(line);
        } else if (!footnotes.isEmpty() && items.isEmpty() && !indented) {
          // A footnote text that wrapped onto the next line.
          Footnote last = footnotes.remove(footnotes.size() - 1);
          footnotes.add(FootnoteParser.parse(last.number(), last.text() + " " + line));
        } else {
          warnings.add("line " + (i + 1) + ": text outside any question ignored: '" + abbreviate(line) + "'");
        }
      }
    }

    private Item startItem(String heading, int index) {
      if (heading.isEmpty()) {
        if (firstNonBlank(index + 1) < 0) {
          endsWithEmptyItem = true;
        } else {
          warnings.add("line " + (index + 1) + ": empty list item");
        }
        return null;
      }
      Matcher question = QUESTION_ITEM.matcher(heading);
      if (question.matches()) {
        return new Item(ItemKind.QUESTION, index + 1, Integer.parseInt(question.group(1)), heading);
      }
      Matcher notice = NOTICE_ITEM.matcher(heading);
      if (notice.matches()) {
        return new Item(ItemKind.NOTICE, index + 1, 0, notice.group(1) == null ? "" : notice.group(1));
      }
      warnings.add("line " + (index + 1) + ": unknown list item '" + abbreviate(heading) + "' ignored");
      return new Item(ItemKind.OTHER, index + 1, 0, heading);
    }

    private void applyFooter(String line) {
      if (line.startsWith(FOOTER_QUESTION_ID)) {
        questionId = line.substring(FOOTER_QUESTION_ID.length()).strip();
        questionFullTitle = new StringBuilder();
        openFullTitle = null;
      } else if (line.startsWith(FOOTER_ANSWER_ID)) {
        answerId = line.substring(FOOTER_ANSWER_ID.length()).strip();
        answerFullTitle = new StringBuilder();
        openFullTitle = null;
      } else if (line.startsWith(FOOTER_TITLE)) {
        StringBuilder target = answerFullTitle != null ? answerFullTitle : questionFullTitle;
        if (target == null) {
          questionFullTitle = new StringBuilder();
          target = questionFullTitle;
        }
        target.append(line.substring(FOOTER_TITLE.length()).strip());
        openFullTitle = target;
      }
    }

    // ---- table layout --------------------------------------------------------------------

    private void parseTableLayout(int start) throws Problem {
      int i = start;
      for (; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || TABLE_SEPARATOR.matcher(line).matches()) {
          continue;
        }
        Matcher row = TABLE_ROW.matcher(line);
        if (!line.contains("|") || !row.matches()) {
          break;
        }
        String label = row.group(1).strip();
        Matcher header = HEADER_LINE.matcher(label);
        if (!header.matches() || header.group(2) != null) {
          warnings.add("line " + (i + 1) + ": unknown table row '" + abbreviate(label) + "' ignored");
          continue;
        }
        applyHeader(header.group(1), row.group(2).strip(), i + 1);
      }
      if (submitted == null) {
        throw new Problem(i + 1, "table rendering without an 'Ingediend | <date> |' row");
      }
      caseNumber = Optional.ofNullable(questionUrl).flatMap(DocumentParser::caseNumberFromUrl).orElse(null);
      if (caseNumber == null) {
        throw new Problem(
            0, "table rendering without a case number: no 'Kamervraag' line and no question URL that names one");
      }
      warnings.add("table rendering: case number taken from the question URL; no title and no question texts");
      long bodyLines = lines.subList(i, lines.size()).stream().filter(l -> !l.isBlank()).count();
      if (bodyLines > 0) {
        warnings.add("table rendering: " + bodyLines + " answer line(s) without question numbers not split into questions");
      }
    }

    // ---- shared ----------------------------------------------------------------------------

    private void applyHeader(String label, String value, int lineNumber) throws Problem {
      if (!seenLabels.add(label)) {
        warnings.add("line " + lineNumber + ": second '" + label + "' line ignored");
        return;
      }
      switch (label) {
        case "Ingediend" -> submitted = date(value, lineNumber, "Ingediend");
        case "Beantwoord" -> {
          Matcher m = ANSWER_DATE.matcher(value);
          if (m.matches()) {
            answered = date(m.group(1), lineNumber, "Beantwoord");
            statedDays = Integer.valueOf(m.group(2));
          } else {
            answered = date(value, lineNumber, "Beantwoord");
            warnings.add("line " + lineNumber + ": answer date without the publisher's day count");
          }
        }
        case "Indiener", "Indieners" ->
            submitters = personParser.parse(value, w -> warnings.add("submitters: " + w));
        case "Beantwoord door" -> {
          answerersSeen = true;
          answerers = personParser.parse(value, w -> warnings.add("answerers: " + w));
        }
        case "Onderwerpen" -> topics = topicSplitter.split(value);
        case "Bron vraag" -> questionUrl = emptyToNull(value);
        case "Bron antwoord" -> answerUrl = emptyToNull(value);
        default -> throw new IllegalStateException("unhandled header label " + label);
      }
    }

    private LocalDate date(String value, int lineNumber, String label) throws Problem {
      try {
        return parseDate(value);
      } catch (IllegalArgumentException e) {
        throw new Problem(lineNumber, "'" + label + "': " + e.getMessage());
      }
    }

    private Kamervraag build() {
      List<Question> questions = new ArrayList<>();
      List<Postponement> postponements = new ArrayList<>();
      for (Item item : items) {
        switch (item.kind) {
          case QUESTION -> questions.add(toQuestion(item));
          case NOTICE -> postponements.add(toPostponement(item));
          case OTHER -> { }
        }
      }
      if (questionId == null) {
        questionId = Optional.ofNullable(questionUrl).flatMap(DocumentParser::publicationIdFromUrl).orElse(null);
      }
      if (answerId == null) {
        answerId = Optional.ofNullable(answerUrl).flatMap(DocumentParser::publicationIdFromUrl).orElse(null);
      }
      boolean truncated = isTruncated();
      checkConsistency(questions, truncated);
      return new Kamervraag(
          caseNumber,
          layout,
          titleLines.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", titleLines)),
          submitted,
          Optional.ofNullable(answered),
          Optional.ofNullable(statedDays),
          submitters,
          answerers,
          topics,
          Optional.ofNullable(questionUrl),
          Optional.ofNullable(answerUrl),
          Optional.ofNullable(questionId),
          nonEmpty(questionFullTitle),
          Optional.ofNullable(answerId),
          nonEmpty(answerFullTitle),
          Optional.ofNullable(answerId).flatMap(DocumentParser::parliamentaryYear),
          footnotes,
          questions,
          postponements,
          truncated,
          warnings);
    }

    private Question toQuestion(Item item) {
      List<List<String>> paragraphs = item.paragraphs;
      if (paragraphs.isEmpty()) {
        return new Question(item.number, "", Optional.empty(), Optional.empty());
      }
      if (answered == null) {
        // Unanswered: every paragraph belongs to the question.
        return new Question(item.number, Item.join(paragraphs), Optional.empty(), Optional.empty());
      }
      String question = String.join("\n", paragraphs.get(0));
      if (paragraphs.size() == 1) {
        return new Question(item.number, question, Optional.empty(), Optional.empty());
      }
      String answer = Item.join(paragraphs.subList(1, paragraphs.size()));
      Matcher see = SEE_ANSWER.matcher(answer);
      Optional<Integer> refersTo =
          see.lookingAt() ? Optional.of(Integer.valueOf(see.group(1))) : Optional.empty();
      return new Question(item.number, question, Optional.of(answer), refersTo);
    }

    private Postponement toPostponement(Item item) {
      Optional<LocalDate> date = Optional.empty();
      if (!item.heading.isBlank()) {
        try {
          date = Optional.of(parseDate(item.heading));
        } catch (IllegalArgumentException e) {
          warnings.add("line " + item.line + ": postponement notice date: " + e.getMessage());
        }
      } else {
        warnings.add("line " + item.line + ": postponement notice without a date");
      }
      return new Postponement(date, Item.join(item.paragraphs));
    }

    private boolean isTruncated() {
      // A complete document ends with the footer: the question's full title, and the answer's
      // when answered. The publisher's excerpts and broken copies stop before it.
      boolean questionFooter = questionFullTitle != null && questionFullTitle.length() > 0;
      boolean answerFooter = answerFullTitle != null && answerFullTitle.length() > 0;
      return layout == Layout.TABLE
          || !questionFooter
          || answered != null && !answerFooter
          || endsWithEmptyItem;
    }

    private void checkConsistency(List<Question> questions, boolean truncated) {
      if (answered != null) {
        long days = ChronoUnit.DAYS.between(submitted, answered);
        if (days < 0) {
          warnings.add("answer dated " + answered + " is before the question's date " + submitted);
        }
        if (statedDays != null && statedDays != days) {
          warnings.add("publisher's day count " + statedDays + " disagrees with the dates (" + days + " days)");
        }
        if (!answerersSeen) {
          warnings.add("answered but no 'Beantwoord door' line");
        }
      } else if (answerersSeen && !answerers.isEmpty()) {
        warnings.add("'Beantwoord door' without an answer date");
      }
      for (Topic topic : topics) {
        if (!topic.known()) {
          warnings.add("unknown topic '" + topic.label() + "'");
        }
      }
      if (layout == Layout.HEADER && questions.isEmpty() && !truncated) {
        warnings.add("no questions");
      }
      Set<Integer> numbers = new LinkedHashSet<>();
      for (Question q : questions) {
        if (!numbers.add(q.number())) {
          warnings.add("question number " + q.number() + " occurs twice");
        }
      }
      if (answered != null && !truncated && questions.stream().anyMatch(q -> q.answer().isEmpty())) {
        String unanswered =
            questions.stream()
                .filter(q -> q.answer().isEmpty())
                .map(q -> String.valueOf(q.number()))
                .collect(Collectors.joining(", "));
        warnings.add("answered document without an answer to question(s) " + unanswered);
      }
      if (questionId != null) {
        Matcher m = CASE_NUMBER_IN_ID.matcher(questionId);
        if (m.matches() && !m.group(1).equals(caseNumber)) {
          warnings.add("question publication id " + questionId + " names another case than " + caseNumber);
        }
      }
    }

    private int firstNonBlank(int from) {
      for (int i = from; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          return i;
        }
      }
      return -1;
    }
  }

  /** Header labels, a longer label before the one it starts with: the alternation of {@link #HEADER_LINE}. */
  private static final List<String> HEADER_LABELS =
      List.of("Ingediend", "Beantwoord door", "Beantwoord", "Indieners", "Indiener", "Onderwerpen", "Bron vraag", "Bron antwoord");

  /**
   * The label of a header line, or null: what {@link #HEADER_LINE} matches, found by prefix (the
   * regex was a tenth of the parse). The label must end the line or be followed by white space.
   */
  static String headerLabel(String line) {
    for (String label : HEADER_LABELS) {
      if (line.startsWith(label) && (line.length() == label.length() || isRegexSpace(line.charAt(label.length())))) {
        return label;
      }
    }
    return null;
  }

  /** The characters of the regex class {@code \\s}. */
  static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static boolean isFooterLine(String line) {
    return line.startsWith(FOOTER_QUESTION_ID) || line.startsWith(FOOTER_ANSWER_ID) || line.startsWith(FOOTER_TITLE);
  }

  static Optional<String> publicationIdFromUrl(String url) {
    Matcher m = PUBLICATION_ID_IN_URL.matcher(url);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static Optional<String> caseNumberFromUrl(String url) {
    return publicationIdFromUrl(url)
        .map(CASE_NUMBER_IN_ID::matcher)
        .filter(Matcher::matches)
        .map(m -> m.group(1));
  }

  static Optional<String> parliamentaryYear(String answerId) {
    if (!answerId.startsWith("ah-")) {
      return Optional.empty();
    }
    Matcher m = PARLIAMENTARY_YEAR.matcher(answerId);
    return m.matches() ? Optional.of(m.group(1) + "-" + m.group(2)) : Optional.empty();
  }

  private static Optional<String> nonEmpty(StringBuilder text) {
    return text == null || text.length() == 0 ? Optional.empty() : Optional.of(text.toString());
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }

  static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
