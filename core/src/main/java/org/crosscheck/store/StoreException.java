package org.crosscheck.store;

import org.crosscheck.CrosscheckException;

/** The store could not be opened, read or written; the message names the data directory and the problem. */
public class StoreException extends CrosscheckException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed, naming the store */
  public StoreException(String message) {
    super(message);
  }

  /**
   * @param message what failed, naming the store
   * @param cause the underlying failure
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
