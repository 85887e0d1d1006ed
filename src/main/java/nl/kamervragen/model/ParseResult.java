package nl.kamervragen.model;

import java.util.Objects;

/** The outcome of parsing one document: a {@link Kamervraag} or a precise reason why not. */
public sealed interface ParseResult {

  /** A document that was read. */
  record Parsed(Kamervraag document) implements ParseResult {
    public Parsed {
      Objects.requireNonNull(document, "document");
    }
  }

  /**
   * A document that could not be read.
   *
   * @param line the 1-based line the problem was found on, 0 when it concerns the whole file
   * @param reason what was expected and what was found
   */
  record Failed(int line, String reason) implements ParseResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }

    /** The reason with its line, as written to the rejects table. */
    public String describe() {
      return line > 0 ? "line " + line + ": " + reason : reason;
    }
  }
}
