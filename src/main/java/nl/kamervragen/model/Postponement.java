package nl.kamervragen.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A postponement notice (Mededeling): the minister announces that the answer will be late.
 *
 * @param date the date of the notice, empty when it could not be read (a warning says so)
 * @param text the notice text
 */
public record Postponement(Optional<LocalDate> date, String text) {
  public Postponement {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(text, "text");
  }
}
