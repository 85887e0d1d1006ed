package nl.kamervragen.parse;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads dates written the Dutch way, {@code 23 september 2011}, strictly. */
public final class DutchDates {

  /** The first Tweede Kamer met in 1815; anything outside this range is a data error. */
  static final int MIN_YEAR = 1815;

  static final int MAX_YEAR = 2100;

  private static final DateTimeFormatter FORMAT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("d MMMM uuuu")
          .toFormatter(Locale.forLanguageTag("nl"))
          .withResolverStyle(ResolverStyle.STRICT);

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private DutchDates() {}

  /**
   * Parses a date such as {@code 23 september 2011}; no-break and repeated spaces are allowed.
   *
   * @throws IllegalArgumentException with a message that names the problem
   */
  public static LocalDate parse(String text) {
    String normalized = WHITE_SPACE.matcher(text.replace('\u00A0', ' ').trim()).replaceAll(" ");
    LocalDate date;
    try {
      date = LocalDate.parse(normalized, FORMAT);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + normalized + "' is not a valid date like '23 september 2011'"
              + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
    }
    if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
      throw new IllegalArgumentException(
          "year " + date.getYear() + " in '" + normalized + "' is outside " + MIN_YEAR + "-" + MAX_YEAR);
    }
    return date;
  }
}
