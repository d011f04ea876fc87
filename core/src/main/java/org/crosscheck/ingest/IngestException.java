package org.crosscheck.ingest;

import org.crosscheck.CrosscheckException;

/** An input could not be read as articles. The message names the problem; the caller adds the input's name. */
public class IngestException extends CrosscheckException {
  private static final long serialVersionUID = 1L;

  /** @param message the problem, e.g. {@code binary file (PNG image), not an article} */
  public IngestException(String message) {
    super(message);
  }

  /**
   * @param message the problem
   * @param cause the underlying failure
   */
  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
