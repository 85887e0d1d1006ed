package nl.kamervragen.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One topic label of a document.
 *
 * @param label the label as it appears in the document
 * @param known whether the label is in the topic vocabularies; unknown words are kept, not dropped
 * @param theme the parent theme of a known child label, or the label itself when it is a theme
 */
public record Topic(String label, boolean known, Optional<String> theme) {
  public Topic {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(theme, "theme");
  }
}
