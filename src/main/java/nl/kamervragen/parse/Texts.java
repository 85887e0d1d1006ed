package nl.kamervragen.parse;

import java.util.Optional;

/** Small text helpers the readers share. */
final class Texts {

  private Texts() {}

  /** The characters of the regex class {@code \\s}. */
  static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** A text cut to 80 characters for a message. */
  static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }

  static Optional<String> nonEmpty(StringBuilder text) {
    return text == null || text.length() == 0 ? Optional.empty() : Optional.of(text.toString());
  }
}
