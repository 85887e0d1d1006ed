package nl.kamervragen.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One government position, such as {@code minister} of {@code buitenlandse zaken}.
 *
 * @param title the position word(s): minister, staatssecretaris, minister zonder portefeuille,
 *     minister-president or viceminister-president
 * @param ministry the lowercased ministry name, empty when the document gives none
 */
public record Position(String title, Optional<String> ministry) {
  public Position {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(ministry, "ministry");
  }
}
