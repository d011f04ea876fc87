package org.crosscheck.follow;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * When a source is polled next: its interval halves toward the shortest when a poll found new
 * items and grows by half toward the longest when it did not; after failures it backs off
 * exponentially from the interval, with jitter, up to a cap; a {@code Retry-After} is never
 * undercut. Thread-safe when the random generator is.
 */
final class Schedule {
  private final FollowSettings settings;
  private final RandomGenerator random;

  Schedule(FollowSettings settings, RandomGenerator random) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** @return the interval after a successful poll that found {@code newItems} new items */
  Duration adapted(Duration interval, int newItems) {
    Duration next = newItems > 0 ? interval.dividedBy(2) : interval.plus(interval.dividedBy(2));
    return clamp(next, settings.minInterval(), settings.maxInterval());
  }

  /**
   * @param interval the source's interval
   * @param failures failures in a row, including this one; at least 1
   * @return the wait before the next try: {@code min(cap, interval * 2^(failures-1))}, scaled by a
   *     random factor between 0.5 and 1 (so that sources that failed together do not retry together)
   */
  Duration backoff(Duration interval, int failures) {
    Duration base = clamp(interval, settings.minInterval(), settings.maxBackoff());
    int doublings = Math.min(Math.max(0, failures - 1), 30);
    Duration grown = base;
    for (int i = 0; i < doublings && grown.compareTo(settings.maxBackoff()) < 0; i++) {
      grown = grown.multipliedBy(2);
    }
    Duration capped = grown.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : grown;
    double factor = 0.5 + 0.5 * random.nextDouble();
    return Duration.ofMillis(Math.max(1, Math.round(capped.toMillis() * factor)));
  }

  /**
   * Reads a {@code Retry-After} header: seconds, or an HTTP date.
   *
   * @return when the server may be asked again, or null when the header is absent or unreadable
   */
  static @Nullable Instant retryAfter(@Nullable String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return now.plusSeconds(Math.min(Long.parseLong(value), Duration.ofDays(7).toSeconds()));
      } catch (NumberFormatException e) {
        return now.plus(Duration.ofDays(7));
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Instant latest = now.plus(Duration.ofDays(7));
      return at.isAfter(latest) ? latest : at;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }
}
