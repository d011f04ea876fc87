package org.crosscheck.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A source that is polled for new articles (a feed or a Google News sitemap) and the state of its
 * polling, as kept in the store: the validators of the last response for conditional requests, when
 * it was last polled and last had something new, how many items it gave, its errors, and when it is
 * polled next.
 *
 * @param id the store's number for the source; 0 before it is stored
 * @param url the URL polled, as given (or as discovered from a site's page)
 * @param kind a feed or a news sitemap
 * @param title the source's title when known (a feed's title, an OPML outline's text), or null
 * @param etag the {@code ETag} of the last full response, sent back as {@code If-None-Match}; or null
 * @param lastModified the {@code Last-Modified} of the last full response, sent back as {@code
 *     If-Modified-Since}; or null
 * @param lastPoll when the source was last polled, or null if never
 * @param lastNewItem when a poll last found a new item, or null if never
 * @param items how many new items polls have found in all
 * @param errors how many polls have failed in all
 * @param consecutiveFailures how many polls in a row have failed; 0 after a success
 * @param lastError why the last poll failed or was not made (robots.txt), or null when it succeeded
 * @param nextPoll when the source is due next
 * @param interval the current polling interval, adapted to how often the source publishes; positive
 */
public record FollowedSource(
    long id,
    String url,
    Kind kind,
    @Nullable String title,
    @Nullable String etag,
    @Nullable String lastModified,
    @Nullable Instant lastPoll,
    @Nullable Instant lastNewItem,
    long items,
    long errors,
    int consecutiveFailures,
    @Nullable String lastError,
    Instant nextPoll,
    Duration interval) {

  /** What a followed source is. */
  public enum Kind {
    /** An RSS or Atom feed. */
    FEED,
    /** A Google News sitemap ({@code news:news} entries), whose pages are fetched. */
    SITEMAP
  }

  public FollowedSource {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(nextPoll, "nextPoll");
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    if (items < 0 || errors < 0 || consecutiveFailures < 0) {
      throw new IllegalArgumentException("counts must not be negative: items " + items + ", errors " + errors
          + ", consecutive failures " + consecutiveFailures);
    }
  }

  /**
   * @return a source not yet polled, due at {@code now}
   */
  public static FollowedSource newSource(String url, Kind kind, @Nullable String title, Instant now,
      Duration interval) {
    return new FollowedSource(0, url, kind, title, null, null, null, null, 0, 0, 0, null, now, interval);
  }

  /** @return this source with the store's number */
  public FollowedSource withId(long newId) {
    return new FollowedSource(newId, url, kind, title, etag, lastModified, lastPoll, lastNewItem, items, errors,
        consecutiveFailures, lastError, nextPoll, interval);
  }

  /** @return this source with another title (null for none) */
  public FollowedSource withTitle(@Nullable String newTitle) {
    return new FollowedSource(id, url, kind, newTitle, etag, lastModified, lastPoll, lastNewItem, items, errors,
        consecutiveFailures, lastError, nextPoll, interval);
  }

  /**
   * @return this source after a successful poll at {@code at}: failures reset, validators and the
   *     schedule replaced, {@code newItems} counted
   */
  public FollowedSource polled(Instant at, @Nullable String newEtag, @Nullable String newLastModified, int newItems,
      Duration newInterval, Instant next) {
    return new FollowedSource(id, url, kind, title, newEtag, newLastModified, at,
        newItems > 0 ? at : lastNewItem, items + newItems, errors, 0, null, next, newInterval);
  }

  /** @return this source after a failed poll at {@code at}, due again at {@code next} */
  public FollowedSource failed(Instant at, String why, Instant next) {
    return new FollowedSource(id, url, kind, title, etag, lastModified, at, lastNewItem, items, errors + 1,
        consecutiveFailures + 1, why, next, interval);
  }

  /**
   * @return this source after a poll at {@code at} that was not made (robots.txt disallows it), due
   *     again at {@code next}; not counted as an error
   */
  public FollowedSource skipped(Instant at, String why, Instant next) {
    return new FollowedSource(id, url, kind, title, etag, lastModified, at, lastNewItem, items, errors,
        consecutiveFailures, why, next, interval);
  }
}
