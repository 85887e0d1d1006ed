package nl.kamervragen.model;

/** How the publisher rendered the document. */
public enum Layout {
  /** The normal rendering: case number, title, header lines, footnotes, questions, footer. */
  HEADER,
  /** Header fields as {@code Label | value |} rows, with no title and no question bullets. */
  TABLE
}
