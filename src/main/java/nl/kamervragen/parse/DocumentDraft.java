package nl.kamervragen.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.kamervragen.model.Footnote;
import nl.kamervragen.model.Layout;
import nl.kamervragen.model.Person;
import nl.kamervragen.model.Topic;

/**
 * What has been read of one document so far: the state the layout readers fill in, and that the
 * checks and the assembly of the {@link nl.kamervragen.model.Kamervraag} read. One per document.
 */
final class DocumentDraft {

  final List<String> lines;
  final List<String> warnings = new ArrayList<>();

  Layout layout = Layout.HEADER;
  String caseNumber;
  final List<String> titleLines = new ArrayList<>();
  LocalDate submitted;
  LocalDate answered;
  Integer statedDays;
  List<Person> submitters = List.of();
  List<Person> answerers = List.of();
  boolean answerersSeen;
  List<Topic> topics = List.of();
  String questionUrl;
  String answerUrl;
  String questionId;
  String answerId;
  StringBuilder questionFullTitle;
  StringBuilder answerFullTitle;
  /** The full title a continuation line of the footer adds to, while one is open. */
  StringBuilder openFullTitle;
  final List<Footnote> footnotes = new ArrayList<>();
  final List<BodyItem> items = new ArrayList<>();
  /** The body ends with a bullet and nothing after it: the text was cut off there. */
  boolean endsWithEmptyItem;
  final Set<String> seenLabels = new LinkedHashSet<>();

  DocumentDraft(List<String> lines) {
    this.lines = lines;
  }

  /** A warning about one line (1-based). */
  void warn(int line, String message) {
    warnings.add("line " + line + ": " + message);
  }

  /** The index of the first line from {@code from} on that is not blank, or -1. */
  int firstNonBlank(int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }
}
