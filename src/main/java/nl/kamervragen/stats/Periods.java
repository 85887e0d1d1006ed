package nl.kamervragen.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The calendar periods the dashboards count in: ISO weeks, months and fixed 14-day bins. */
public final class Periods {

  /** 14-day bins start on Mondays counted from this one, so every run uses the same bins. */
  static final LocalDate FORTNIGHT_ANCHOR = LocalDate.of(1970, 1, 5);

  static final int FORTNIGHT_DAYS = 14;

  // Formatters, not String.format: the statistics name the week and month of every document.
  private static final DateTimeFormatter ISO_WEEK = new DateTimeFormatterBuilder()
      .appendValue(IsoFields.WEEK_BASED_YEAR, 4, 10, SignStyle.EXCEEDS_PAD)
      .appendLiteral("-W")
      .appendValue(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 2)
      .toFormatter(Locale.ROOT);

  private static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder()
      .appendValue(ChronoField.YEAR, 4, 10, SignStyle.EXCEEDS_PAD)
      .appendLiteral('-')
      .appendValue(ChronoField.MONTH_OF_YEAR, 2)
      .toFormatter(Locale.ROOT);

  private Periods() {}

  /** The ISO week of a date, e.g. {@code 2024-W05}; its year is the week-based year. */
  public static String isoWeek(LocalDate date) {
    return ISO_WEEK.format(date);
  }

  /** The Monday that starts a date's ISO week. */
  public static LocalDate weekStart(LocalDate date) {
    return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** The month of a date, e.g. {@code 2024-01}. */
  public static String month(LocalDate date) {
    return MONTH.format(date);
  }

  /** The first day of the 14-day bin a date falls in. */
  public static LocalDate fortnightStart(LocalDate date) {
    long bin = Math.floorDiv(ChronoUnit.DAYS.between(FORTNIGHT_ANCHOR, date), FORTNIGHT_DAYS);
    return FORTNIGHT_ANCHOR.plusDays(bin * FORTNIGHT_DAYS);
  }
}
