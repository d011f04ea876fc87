package org.crosscheck;

/**
 * Base of Crosscheck's small exception family. Every message names the input or resource at
 * fault and the problem, so that an adapter (CLI, web) can show it to a person as it is.
 */
public class CrosscheckException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong, naming the input or resource */
  public CrosscheckException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, naming the input or resource
   * @param cause the underlying failure
   */
  public CrosscheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
