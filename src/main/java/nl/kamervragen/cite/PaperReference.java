package nl.kamervragen.cite;

import java.util.Objects;

/**
 * A reference to a parliamentary paper found in a text.
 *
 * @param kind what is referred to, see {@link Kind}
 * @param reference the normalised reference, the same for every way of writing it
 * @param found the text as written
 */
public record PaperReference(Kind kind, String reference, String found) {

  /** The kinds of parliamentary papers recognised. */
  public enum Kind {
    /** A Kamerstuk: dossier number and document number, e.g. {@code 21501-32, nr. 1703}. */
    KAMERSTUK,
    /** Answers to written questions: vergaderjaar and number, e.g. {@code 2024-2025, nr. 1028}. */
    AANHANGSEL,
    /** A Tweede Kamer case number, e.g. {@code 2024Z01234}. */
    CASE_NUMBER;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public PaperReference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(found, "found");
  }
}
