package nl.kamervragen.report;

import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as Dutch readers write them, with their units. */
final class Labels {

  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

  private Labels() {}

  static String count(long value) {
    return NumberFormat.getIntegerInstance(DUTCH).format(value);
  }

  /** A count with its noun, singular for one: {@code 1 voetnoot}, {@code 3 voetnoten}. */
  static String counted(long value, String one, String many) {
    return count(value) + " " + (value == 1 ? one : many);
  }

  static String days(double value) {
    NumberFormat format = NumberFormat.getNumberInstance(DUTCH);
    format.setMaximumFractionDigits(1);
    String number = format.format(value);
    return number + (value == 1 ? " dag" : " dagen");
  }

  /** A share from 0 to 1 as a percentage, e.g. {@code 63 %}. */
  static String percent(double share) {
    NumberFormat format = NumberFormat.getNumberInstance(DUTCH);
    format.setMaximumFractionDigits(share < 0.1 && share > 0 ? 1 : 0);
    return format.format(share * 100) + " %";
  }
}
