package org.crosscheck.ingest;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An input, or one item inside it, that could not be stored, and why.
 *
 * @param input the input's name (path, URL, {@code -})
 * @param locator where inside the input ({@code line 7}, {@code item 2}), or {@code null} for the whole input
 * @param reason the problem, in words a person can act on
 */
public record Rejection(String input, @Nullable String locator, String reason) {
  public Rejection {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * @param e what an importer threw that it should not have
   * @return the reason to give for it: {@code cannot read: internal error: CLASS[: MESSAGE]}
   */
  public static String internalError(Throwable e) {
    String message = e.getMessage();
    return "cannot read: internal error: " + e.getClass().getName()
        + (message == null || message.isBlank() ? "" : ": " + message);
  }

  /** @return {@code INPUT[ LOCATOR]: REASON} */
  public String message() {
    return input + (locator == null ? "" : " " + locator) + ": " + reason;
  }
}
