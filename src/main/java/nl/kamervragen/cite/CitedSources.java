package nl.kamervragen.cite;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamervragen.reference.ShippedFile;

/**
 * Names the source a footnote cites: the web site of its URL, and the news outlet or organisation
 * its text names.
 *
 * <p>Footnotes cite as {@code NOS, 22 februari 2023, «title»} or {@code «title», Binnenlands
 * Bestuur, 22 september 2011}: the outlet is the part just before the date. Known outlets are
 * written in many ways ({@code NRC Handelsblad}, {@code nrc.next}); the outlet list maps them to
 * one name, and also finds a known outlet that is cited without a date.
 */
public final class CitedSources {

  private static final String RESOURCE = "/nl/kamervragen/cite/outlets.txt";

  private static final Pattern DUTCH_DATE =
      Pattern.compile(
          "\\b\\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \\d{4}\\b",
          Pattern.CASE_INSENSITIVE);

  // Compiled once: String.replaceAll and split with a pattern compile it on every footnote.
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final Pattern PART_SEPARATOR = Pattern.compile("[,:;]");

  /** Leading labels that name a variant of a site rather than another site. */
  private static final Pattern VARIANT_LABEL = Pattern.compile("www\\d*|m");

  private static final int MAX_OUTLET_CHARS = 40;
  private static final int MAX_OUTLET_WORDS = 6;

  private final Map<String, String> canonicalByAlias;

  private CitedSources(Map<String, String> canonicalByAlias) {
    this.canonicalByAlias = Map.copyOf(canonicalByAlias);
  }

  /** The outlet list shipped with kamervragen. */
  public static CitedSources standard() {
    return fromLines(ShippedFile.lines(RESOURCE, "outlet list"));
  }

  /** Builds from lines {@code Canonical name | alias | alias}; {@code #} starts a comment. */
  public static CitedSources fromLines(List<String> lines) {
    Map<String, String> canonicalByAlias = new HashMap<>();
    for (String line : lines) {
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      String[] names = line.split("\\|");
      String canonical = names[0].strip();
      for (String name : names) {
        canonicalByAlias.put(key(name), canonical);
      }
    }
    return new CitedSources(canonicalByAlias);
  }

  /**
   * The site of a host name: the host without a leading {@code www}, {@code www2} or {@code m}
   * label, so {@code www.nos.nl}, {@code m.nos.nl} and {@code nos.nl} are one site. The label is
   * only dropped when a registrable name remains ({@code m.nl} stays).
   */
  public static String siteOf(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    String[] labels = lower.split("\\.");
    if (labels.length >= 3 && VARIANT_LABEL.matcher(labels[0]).matches()) {
      return lower.substring(labels[0].length() + 1);
    }
    return lower;
  }

  /** The outlet a footnote text names, in its canonical spelling when it is a known one. */
  public Optional<String> outletOf(String footnoteText) {
    String text = WHITE_SPACE.matcher(footnoteText.replace('\u00A0', ' ')).replaceAll(" ").strip();
    Matcher date = DUTCH_DATE.matcher(text);
    if (date.find()) {
      String before = text.substring(0, date.start()).strip();
      if (before.endsWith(",")) {
        before = before.substring(0, before.length() - 1);
      }
      int lastComma = before.lastIndexOf(',');
      Optional<String> outlet = plausibleOutlet(before.substring(lastComma + 1));
      if (outlet.isPresent()) {
        return outlet;
      }
    }
    // No dated citation: a known outlet as the first or last part of the text.
    String[] parts = PART_SEPARATOR.split(text);
    for (String part : List.of(parts[0], parts[parts.length - 1])) {
      String canonical = canonicalByAlias.get(key(part));
      if (canonical != null) {
        return Optional.of(canonical);
      }
    }
    return Optional.empty();
  }

  private Optional<String> plausibleOutlet(String candidate) {
    String name = candidate.strip();
    String canonical = canonicalByAlias.get(key(name));
    if (canonical != null) {
      return Optional.of(canonical);
    }
    boolean plausible =
        !name.isEmpty()
            && name.length() <= MAX_OUTLET_CHARS
            && name.split(" ").length <= MAX_OUTLET_WORDS
            && Character.isLetter(name.codePointAt(0))
            && name.chars().noneMatch(c -> c == '«' || c == '»' || c == '"' || c == '“' || c == '”' || c == '(' || c == ')')
            && !name.toLowerCase(Locale.ROOT).startsWith("kamerstuk")
            && !name.startsWith("http");
    return plausible ? Optional.of(name) : Optional.empty();
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
