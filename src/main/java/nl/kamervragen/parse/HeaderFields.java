package nl.kamervragen.parse;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header's fields (in both renderings: {@code Label value} lines and {@code Label | value |}
 * table rows): the one list of labels, and what each one sets in the draft. Not thread-safe: it
 * remembers the dates it has read.
 */
final class HeaderFields {

  /** Every header label; a longer label before the one it starts with, so a prefix match finds the right one. */
  static final List<String> LABELS =
      List.of("Ingediend", "Beantwoord door", "Beantwoord", "Indieners", "Indiener", "Onderwerpen", "Bron vraag", "Bron antwoord");

  private static final Pattern ANSWER_DATE = Pattern.compile("(.*?)\\s*\\(na\\s+(-?\\d+)\\s+dag(?:en)?\\)");

  /**
   * Dates already read: an archive repeats a few thousand dates, and the formatter's strict parse
   * was an eighth of the parse time. Bounded; only valid dates are kept, so errors are raised every time.
   */
  private final Map<String, LocalDate> knownDates = new HashMap<>();

  private static final int KNOWN_DATES_LIMIT = 20_000;

  private final PersonListParser personParser = new PersonListParser();
  private final TopicSplitter topicSplitter;

  HeaderFields(TopicVocabulary vocabulary) {
    this.topicSplitter = new TopicSplitter(vocabulary);
  }

  /**
   * The label a header line starts with, or null. The label must end the line or be followed by
   * white space (found by prefix: a regex was a tenth of the parse).
   */
  static String labelOf(String line) {
    for (String label : LABELS) {
      if (line.startsWith(label) && (line.length() == label.length() || Texts.isRegexSpace(line.charAt(label.length())))) {
        return label;
      }
    }
    return null;
  }

  /** Sets what a header field says; a second line with the same label is ignored with a warning. */
  void apply(DocumentDraft draft, String label, String value, int lineNumber) throws ParseProblem {
    if (!draft.seenLabels.add(label)) {
      draft.warn(lineNumber, "second '" + label + "' line ignored");
      return;
    }
    switch (label) {
      case "Ingediend" -> draft.submitted = date(value, lineNumber, "Ingediend");
      case "Beantwoord" -> {
        Matcher m = ANSWER_DATE.matcher(value);
        if (m.matches()) {
          draft.answered = date(m.group(1), lineNumber, "Beantwoord");
          draft.statedDays = Integer.valueOf(m.group(2));
        } else {
          draft.answered = date(value, lineNumber, "Beantwoord");
          draft.warn(lineNumber, "answer date without the publisher's day count");
        }
      }
      case "Indiener", "Indieners" -> draft.submitters = personParser.parse(value, w -> draft.warnings.add("submitters: " + w));
      case "Beantwoord door" -> {
        draft.answerersSeen = true;
        draft.answerers = personParser.parse(value, w -> draft.warnings.add("answerers: " + w));
      }
      case "Onderwerpen" -> draft.topics = topicSplitter.split(value);
      case "Bron vraag" -> draft.questionUrl = Texts.emptyToNull(value);
      case "Bron antwoord" -> draft.answerUrl = Texts.emptyToNull(value);
      default -> throw new IllegalStateException("unhandled header label " + label);
    }
  }

  /** A date of a field, or the problem that ends the document's reading. */
  LocalDate date(String value, int lineNumber, String label) throws ParseProblem {
    try {
      return date(value);
    } catch (IllegalArgumentException e) {
      throw new ParseProblem(lineNumber, "'" + label + "': " + e.getMessage());
    }
  }

  /** {@link DutchDates#parse}, remembered. */
  LocalDate date(String text) {
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
}
