package nl.kamervragen.cite;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds references to parliamentary papers in question, answer and footnote texts, in a single
 * scan per kind, and normalises them: {@code Kamerstuk 21 501-32, nr. 1703} and
 * {@code Kamerstukken II 2019/20, 21501-32, nr. 1703} both become {@code 21501-32, nr. 1703}.
 */
public final class PaperReferences {

  // Dossier: five digits, often written "21 501", with an optional part ("-32", "-VI", " VI").
  private static final String DOSSIER = "(\\d{2} ?\\d{3})(?:(?:-| )((?:[IVXL]+|[A-Z]|\\d{1,3})\\b))?";

  private static final Pattern KAMERSTUK =
      Pattern.compile(
          "\\bKamerstuk(?:ken)?(?: (?:I|II|I/II))?(?: \\d{4}[/–-]\\d{2,4},?)? " + DOSSIER
              + ",? nrs?\\.? ?(\\d+(?:(?:, ?| en | & )\\d+)*)");

  private static final Pattern AANHANGSEL =
      Pattern.compile(
          "\\bAanhangsel(?: van)?(?: de)? Handelingen(?: (?:I|II))?,?(?: vergaderjaar)? (\\d{4}) ?[–/-] ?(\\d{2}|\\d{4}),? "
              + "(?:nr\\.?|nummer|aanhangselnummer) ?(\\d+)");

  private static final Pattern CASE_NUMBER = Pattern.compile("\\b((?:19|20)\\d{2})Z(\\d{5})\\b");

  private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
  private static final Pattern NUMBER_LIST_SEPARATOR = Pattern.compile(", ?| en | & ");

  private PaperReferences() {}

  /**
   * Every reference in a text, in the order found.
   *
   * @param ownCaseNumber the case number of the document itself, which is not a reference
   */
  public static List<PaperReference> find(String text, String ownCaseNumber) {
    boolean kamerstukWritten = text.contains("Kamerstuk");
    boolean aanhangselWritten = text.contains("Aanhangsel");
    boolean caseNumberWritten = hasDigitZDigit(text);
    if (!kamerstukWritten && !aanhangselWritten && !caseNumberWritten) {
      return List.of(); // most texts cite nothing: skip the scans
    }
    String normalized = BLANKS.matcher(text.replace('\u00A0', ' ')).replaceAll(" ");
    List<Found> found = new ArrayList<>();
    Matcher kamerstuk = KAMERSTUK.matcher(kamerstukWritten ? normalized : "");
    while (kamerstuk.find()) {
      String dossier = kamerstuk.group(1).replace(" ", "");
      if (kamerstuk.group(2) != null) {
        dossier += "-" + kamerstuk.group(2);
      }
      for (String number : NUMBER_LIST_SEPARATOR.split(kamerstuk.group(3))) {
        found.add(new Found(kamerstuk.start(), new PaperReference(
            PaperReference.Kind.KAMERSTUK, dossier + ", nr. " + Integer.parseInt(number), kamerstuk.group())));
      }
    }
    Matcher aanhangsel = AANHANGSEL.matcher(aanhangselWritten ? normalized : "");
    while (aanhangsel.find()) {
      int from = Integer.parseInt(aanhangsel.group(1));
      String to = aanhangsel.group(2);
      int toYear = to.length() == 2 ? from / 100 * 100 + Integer.parseInt(to) : Integer.parseInt(to);
      if (toYear != from + 1) {
        continue; // not a parliamentary year, so not what it seems
      }
      found.add(new Found(aanhangsel.start(), new PaperReference(
          PaperReference.Kind.AANHANGSEL,
          from + "-" + toYear + ", nr. " + Integer.parseInt(aanhangsel.group(3)),
          aanhangsel.group())));
    }
    Matcher caseNumber = CASE_NUMBER.matcher(caseNumberWritten ? normalized : "");
    while (caseNumber.find()) {
      String reference = caseNumber.group(1) + "Z" + caseNumber.group(2);
      if (!reference.equals(ownCaseNumber)) {
        found.add(new Found(caseNumber.start(), new PaperReference(PaperReference.Kind.CASE_NUMBER, reference, caseNumber.group())));
      }
    }
    found.sort(java.util.Comparator.comparingInt(Found::position));
    return found.stream().map(Found::reference).toList();
  }

  /** Whether a text has a 'Z' between digits, as every case number does: far cheaper than the regex. */
  private static boolean hasDigitZDigit(String text) {
    for (int i = text.indexOf('Z', 1); i > 0 && i < text.length() - 1; i = text.indexOf('Z', i + 1)) {
      if (Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  private record Found(int position, PaperReference reference) {}
}
