package org.crosscheck.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging of the story list, as the query parameters {@code from}, {@code to}, {@code outlet},
 * {@code entity}, {@code offset} and {@code limit} give them.
 */
record StoryFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String outlet, @Nullable String entity,
    int offset, int limit) {
  /** The largest offset into the story list. */
  static final int MAX_OFFSET = 10_000_000;

  /**
   * @return the request's filter
   * @throws BadRequestResponse naming the parameter that is not a date or a number in range
   */
  static StoryFilter of(Context ctx) {
    return new StoryFilter(date(ctx, "from"), date(ctx, "to"), blankToNull(ctx.queryParam("outlet")),
        blankToNull(ctx.queryParam("entity")), number(ctx, "offset", 0, 0, MAX_OFFSET),
        number(ctx, "limit", 50, 1, 500));
  }

  private static @Nullable LocalDate date(Context ctx, String name) {
    String v = blankToNull(ctx.queryParam(name));
    try {
      return v == null ? null : LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new BadRequestResponse("'" + name + "' must be a date like 2025-04-28, was '" + v + "'");
    }
  }

  static int number(Context ctx, String name, int dflt, int min, int max) {
    String v = blankToNull(ctx.queryParam(name));
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("'" + name + "' must be a whole number from " + min + " to " + max + ", was '" + v
          + "'");
    }
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
