package nl.kamervragen.parse;

/** A reason to give up on a document, with the line it was found on (0 when it concerns no one line). */
final class ParseProblem extends Exception {
  final int line;

  ParseProblem(int line, String message) {
    super(message, null, false, false);
    this.line = line;
  }
}
