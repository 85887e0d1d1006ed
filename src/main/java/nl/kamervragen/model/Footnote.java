package nl.kamervragen.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A footnote of the question.
 *
 * @param number the footnote number as printed
 * @param text the footnote text (the publisher cuts linked footnotes to 70 characters)
 * @param url the URL shown in the text, possibly cut off with an ellipsis
 * @param domain the host name of that URL (or of a bare {@code www.} name), when it is shown whole
 */
public record Footnote(int number, String text, Optional<String> url, Optional<String> domain) {
  public Footnote {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(domain, "domain");
  }
}
