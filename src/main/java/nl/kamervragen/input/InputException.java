package nl.kamervragen.input;

/** The input cannot be listed as asked: its message is one line for the user. */
public final class InputException extends Exception {
  public InputException(String message) {
    super(message);
  }
}
