package org.crosscheck.follow;

import java.time.Duration;
import java.util.Objects;

/**
 * How sources are followed: how a request identifies itself, how far apart requests to one host
 * are, and how the polling interval of a source adapts.
 *
 * @param userAgent the User-Agent header of every request; its first word (before {@code /}) is the
 *     name robots.txt rules are matched against
 * @param hostInterval the least time between two requests to one host; not negative
 * @param minInterval the shortest polling interval of a source (one that publishes often); positive
 * @param maxInterval the longest polling interval (a quiet source); at least {@code minInterval}
 * @param initialInterval the interval a newly followed source starts with; between the two
 * @param maxBackoff the longest wait after failed polls; positive
 * @param robotsTtl how long a host's robots.txt is kept before it is fetched again; positive
 * @param maxPagesPerPoll the most linked pages fetched in one poll of a source (news sitemaps, full
 *     text); the rest wait for the next poll; at least 1
 * @param fetchFullText whether summary-only feed items get their linked page fetched
 */
public record FollowSettings(String userAgent, Duration hostInterval, Duration minInterval, Duration maxInterval,
    Duration initialInterval, Duration maxBackoff, Duration robotsTtl, int maxPagesPerPoll, boolean fetchFullText) {

  /** The User-Agent of a follower: names the program and what it does. */
  public static final String USER_AGENT = "Crosscheck/0.1 (news cross-checking; polls feeds with conditional GET,"
      + " honours robots.txt)";

  public FollowSettings {
    Objects.requireNonNull(userAgent, "userAgent");
    if (userAgent.isBlank()) {
      throw new IllegalArgumentException("the User-Agent must not be blank");
    }
    positive("minInterval", minInterval);
    positive("maxInterval", maxInterval);
    positive("initialInterval", initialInterval);
    positive("maxBackoff", maxBackoff);
    positive("robotsTtl", robotsTtl);
    if (hostInterval.isNegative()) {
      throw new IllegalArgumentException("hostInterval must not be negative, was " + hostInterval);
    }
    if (maxInterval.compareTo(minInterval) < 0) {
      throw new IllegalArgumentException("the longest interval (" + maxInterval + ") is shorter than the shortest ("
          + minInterval + ")");
    }
    if (initialInterval.compareTo(minInterval) < 0 || initialInterval.compareTo(maxInterval) > 0) {
      throw new IllegalArgumentException("the initial interval " + initialInterval + " is not between " + minInterval
          + " and " + maxInterval);
    }
    if (maxPagesPerPoll < 1) {
      throw new IllegalArgumentException("maxPagesPerPoll must be at least 1, was " + maxPagesPerPoll);
    }
  }

  /**
   * @return the defaults: 2 s between requests to a host, intervals from 5 min to 2 h starting at
   *     30 min, at most 6 h of backoff, robots.txt kept 12 h, 50 pages per poll, no full text
   */
  public static FollowSettings defaults() {
    return new FollowSettings(USER_AGENT, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(2),
        Duration.ofMinutes(30), Duration.ofHours(6), Duration.ofHours(12), 50, false);
  }

  /** @return these settings with full-text fetching on or off */
  public FollowSettings withFetchFullText(boolean fetch) {
    return new FollowSettings(userAgent, hostInterval, minInterval, maxInterval, initialInterval, maxBackoff,
        robotsTtl, maxPagesPerPoll, fetch);
  }

  /** @return these settings with another User-Agent */
  public FollowSettings withUserAgent(String agent) {
    return new FollowSettings(agent, hostInterval, minInterval, maxInterval, initialInterval, maxBackoff, robotsTtl,
        maxPagesPerPoll, fetchFullText);
  }

  /** @return these settings with other polling intervals: shortest, longest, initial */
  public FollowSettings withIntervals(Duration min, Duration max, Duration initial) {
    return new FollowSettings(userAgent, hostInterval, min, max, initial, maxBackoff, robotsTtl, maxPagesPerPoll,
        fetchFullText);
  }

  /** @return these settings with another least time between two requests to one host */
  public FollowSettings withHostInterval(Duration interval) {
    return new FollowSettings(userAgent, interval, minInterval, maxInterval, initialInterval, maxBackoff, robotsTtl,
        maxPagesPerPoll, fetchFullText);
  }

  /** @return these settings with another longest backoff */
  public FollowSettings withMaxBackoff(Duration backoff) {
    return new FollowSettings(userAgent, hostInterval, minInterval, maxInterval, initialInterval, backoff, robotsTtl,
        maxPagesPerPoll, fetchFullText);
  }

  /** @return the name robots.txt rules are matched against: {@code crosscheck} */
  String robotName() {
    String first = userAgent.strip().split("[/\\s]", 2)[0];
    return first.toLowerCase(java.util.Locale.ROOT);
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }
}
