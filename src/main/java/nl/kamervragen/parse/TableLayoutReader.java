package nl.kamervragen.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamervragen.model.Layout;

/**
 * The table rendering: the header fields as {@code Label | value |} rows, no title and no
 * questions. The case number comes from the question's URL.
 */
final class TableLayoutReader {

  static final Pattern TABLE_ROW = Pattern.compile("([^|]*?)\\s*\\|\\s*(.*?)\\s*\\|?");
  private static final Pattern TABLE_SEPARATOR = Pattern.compile("-+\\s*\\|\\s*-+\\s*\\|?");

  private final HeaderFields fields;

  TableLayoutReader(HeaderFields fields) {
    this.fields = fields;
  }

  /** Whether a document's first line starts the table rendering. */
  static boolean startsTable(String firstLine) {
    return firstLine.contains("|") && TABLE_ROW.matcher(firstLine).matches();
  }

  void read(DocumentDraft draft, int start) throws ParseProblem {
    draft.layout = Layout.TABLE;
    int i = start;
    for (; i < draft.lines.size(); i++) {
      String line = draft.lines.get(i).strip();
      if (line.isEmpty() || TABLE_SEPARATOR.matcher(line).matches()) {
        continue;
      }
      Matcher row = TABLE_ROW.matcher(line);
      if (!line.contains("|") || !row.matches()) {
        break;
      }
      String label = row.group(1).strip();
      if (!HeaderFields.LABELS.contains(label)) {
        draft.warn(i + 1, "unknown table row '" + Texts.abbreviate(label) + "' ignored");
        continue;
      }
      fields.apply(draft, label, row.group(2).strip(), i + 1);
    }
    if (draft.submitted == null) {
      throw new ParseProblem(i + 1, "table rendering without an 'Ingediend | <date> |' row");
    }
    draft.caseNumber = Optional.ofNullable(draft.questionUrl).flatMap(PublicationIds::caseNumberFromUrl).orElse(null);
    if (draft.caseNumber == null) {
      throw new ParseProblem(0, "table rendering without a case number: no 'Kamervraag' line and no question URL that names one");
    }
    draft.warnings.add("table rendering: case number taken from the question URL; no title and no question texts");
    long bodyLines = draft.lines.subList(i, draft.lines.size()).stream().filter(l -> !l.isBlank()).count();
    if (bodyLines > 0) {
      draft.warnings.add("table rendering: " + bodyLines + " answer line(s) without question numbers not split into questions");
    }
  }
}
