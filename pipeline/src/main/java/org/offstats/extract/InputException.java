package org.offstats.extract;

/**
 * A problem with the input that ends the run with exit code 2: one line naming the file, and where
 * known the line and column, and the rule broken. Never carries a field value that could be an
 * identifier.
 */
public class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }

  public static InputException at(String file, long line, String problem) {
    return new InputException(file + ", line " + line + ": " + problem);
  }

  public static InputException in(String file, String problem) {
    return new InputException(file + ": " + problem);
  }
}
