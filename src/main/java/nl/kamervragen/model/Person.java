package nl.kamervragen.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A member of parliament or of government as rendered in a document header.
 *
 * @param name the name as shown (forename may be missing, so it may start lowercase)
 * @param positions government positions, empty for members of parliament
 * @param party the party short name, empty when the document shows none
 */
public record Person(String name, List<Position> positions, Optional<String> party) {
  public Person {
    Objects.requireNonNull(name, "name");
    positions = List.copyOf(positions);
    Objects.requireNonNull(party, "party");
  }
}
