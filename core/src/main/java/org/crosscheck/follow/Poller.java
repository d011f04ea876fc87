package org.crosscheck.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crosscheck.ingest.ArticleImporter;
import org.crosscheck.ingest.BytesInput;
import org.crosscheck.ingest.FeedArticleImporter;
import org.crosscheck.ingest.HttpFetcher;
import org.crosscheck.ingest.IngestException;
import org.crosscheck.model.FollowedSource;
import org.crosscheck.store.FollowStore;
import org.jspecify.annotations.Nullable;

/**
 * Polls one followed source: a conditional GET with the stored {@code ETag} and {@code
 * Last-Modified} (a 304 is not parsed and stores nothing but the poll time), then the items the
 * source has not given before go through the ingest, at most {@link FollowSettings#maxPagesPerPoll}
 * linked pages fetched per poll. The items are remembered only once they are stored, so a failure
 * leaves them for the next poll. The source's new state is stored before {@link #poll} returns.
 * Thread-safe; two polls of the same source must not run at once.
 */
final class Poller {
  private final FollowStore store;
  private final PoliteFetcher fetcher;
  private final ItemSink sink;
  private final ArticleImporter pageImporter;
  private final Schedule schedule;
  private final FollowSettings settings;
  private final Clock clock;

  Poller(FollowStore store, PoliteFetcher fetcher, ItemSink sink, ArticleImporter pageImporter, Schedule schedule,
      FollowSettings settings, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.pageImporter = Objects.requireNonNull(pageImporter, "pageImporter");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Polls a source once and stores its new state. Never throws for a problem of the source: it
   * becomes a {@link PollResult.Outcome#FAILED} result naming it.
   *
   * @param source the source as stored
   * @return what the poll did, with the source's new state
   */
  PollResult poll(FollowedSource source) {
    Instant now = clock.instant();
    PollResult result;
    try {
      result = fetchAndIngest(source, now);
    } catch (PoliteFetcher.Disallowed e) {
      result = new PollResult(source.skipped(now, e.getMessage(), now.plus(settings.maxInterval())),
          PollResult.Outcome.DISALLOWED, 0, 0, false, e.getMessage(), List.of());
    } catch (Politeness.Deferred e) {
      result = new PollResult(source.skipped(now, e.getMessage(), e.until), PollResult.Outcome.DEFERRED, 0, 0, false,
          e.getMessage(), List.of());
    } catch (IngestException e) {
      result = failed(source, now, Objects.toString(e.getMessage(), e.getClass().getSimpleName()), null, false);
    } catch (RuntimeException e) {
      result = failed(source, now, "internal error: " + e, null, false);
    }
    store.updateFollowed(result.source());
    return result;
  }

  private PollResult fetchAndIngest(FollowedSource source, Instant now) {
    Map<String, String> headers = new HashMap<>();
    if (source.etag() != null) {
      headers.put("If-None-Match", source.etag());
    }
    if (source.lastModified() != null) {
      headers.put("If-Modified-Since", source.lastModified());
    }
    HttpFetcher.Response response = fetcher.get(source.url(), headers);
    int status = response.status();
    if (status == 304) {
      Duration interval = schedule.adapted(source.interval(), 0);
      String etag = Objects.requireNonNullElse(response.header("ETag"), Objects.toString(source.etag(), ""));
      String lastModified = Objects.requireNonNullElse(response.header("Last-Modified"),
          Objects.toString(source.lastModified(), ""));
      return new PollResult(source.polled(now, blankToNull(etag), blankToNull(lastModified), 0, interval,
          now.plus(interval)), PollResult.Outcome.NOT_MODIFIED, 0, 0, false, null, List.of());
    }
    if (status < 200 || status > 299) {
      Instant retryAfter = status == 429 || status == 503 ? Schedule.retryAfter(response.header("Retry-After"),
          clock.instant())
          : null;
      return failed(source, now, response.statusMessage(), retryAfter, false);
    }
    Fresh fresh = source.kind() == FollowedSource.Kind.SITEMAP ? sitemapItems(source, response) : feedItems(source,
        response);
    if (fresh.failure != null) {
      return failed(source, now, fresh.failure, null, true);
    }
    if (fresh.ingested.storeError() != null) {
      return failed(source, now, "the store failed: " + fresh.ingested.storeError(), null, true);
    }
    store.markSeen(source.id(), fresh.keys, now);
    int newItems = fresh.keys.size();
    Duration interval = schedule.adapted(source.interval(), newItems);
    List<String> rejections = new ArrayList<>(fresh.notFetched);
    rejections.addAll(fresh.ingested.rejections());
    // items left for the next poll: no validators (a 304 would hide them) and back soon
    FollowedSource polled = fresh.more
        ? source.polled(now, null, null, newItems, interval, now.plus(settings.minInterval()))
        : source.polled(now, response.header("ETag"), response.header("Last-Modified"), newItems, interval,
            now.plus(interval));
    return new PollResult(polled, newItems > 0 ? PollResult.Outcome.NEW_ITEMS : PollResult.Outcome.NOTHING_NEW,
        newItems, fresh.ingested.added(), true, null, rejections);
  }

  /**
   * What a poll found new and ingested; keys are remembered as seen once the poll succeeds. {@code
   * more}: new items were left for the next poll (the per-poll page limit), so the response must be
   * fetched whole again rather than answered 304.
   */
  private record Fresh(Set<String> keys, ItemSink.Ingested ingested, List<String> notFetched,
      @Nullable String failure, boolean more) {}

  private Fresh feedItems(FollowedSource source, HttpFetcher.Response response) {
    Set<String> fresh = new LinkedHashSet<>();
    int[] offered = new int[1];
    boolean[] more = new boolean[1];
    FeedArticleImporter importer = new FeedArticleImporter(settings.fetchFullText(),
        settings.fetchFullText() ? fetcher : null, settings.fetchFullText() ? pageImporter : null, key -> {
          offered[0]++;
          if (fresh.contains(key) || !store.seenItems(source.id(), List.of(key)).isEmpty()) {
            return false;
          }
          // with full text on, each new item costs a page fetch: the rest wait for the next poll
          if (settings.fetchFullText() && fresh.size() >= settings.maxPagesPerPoll()) {
            more[0] = true;
            return false;
          }
          fresh.add(key);
          return true;
        });
    ItemSink.Ingested ingested = sink.ingest(List.of(response.asInput()), importer);
    // a feed that could not be read at all (no item was ever offered) fails the poll, naming why
    String failure = offered[0] == 0 && ingested.rejected() > 0 && !ingested.rejections().isEmpty()
        && !ingested.rejections().getFirst().endsWith("the feed has no items")
        ? ingested.rejections().getFirst() : null;
    return new Fresh(fresh, ingested, List.of(), failure, more[0]);
  }

  private Fresh sitemapItems(FollowedSource source, HttpFetcher.Response response) {
    List<NewsSitemap.Entry> entries = NewsSitemap.parse(response.body(), response.url());
    List<String> urls = entries.stream().map(NewsSitemap.Entry::url).distinct().toList();
    Set<String> seen = store.seenItems(source.id(), urls);
    Set<String> done = new LinkedHashSet<>();
    List<BytesInput> pages = new ArrayList<>();
    List<String> notFetched = new ArrayList<>();
    boolean more = false;
    for (String url : urls) {
      if (seen.contains(url)) {
        continue;
      }
      if (pages.size() + notFetched.size() >= settings.maxPagesPerPoll()) {
        more = true; // the rest wait for the next poll
        break;
      }
      try {
        pages.add(fetcher.fetch(url));
        done.add(url);
      } catch (PoliteFetcher.Disallowed e) {
        done.add(url); // not asked again
        notFetched.add(url + ": " + e.getMessage());
      } catch (Politeness.Deferred e) {
        notFetched.add(url + ": " + e.getMessage());
        more = true;
        break;
      } catch (IngestException e) {
        String why = Objects.toString(e.getMessage(), "cannot be fetched");
        if (why.startsWith("HTTP 4") && !why.startsWith("HTTP 429")) {
          done.add(url); // gone or forbidden: not asked again
        }
        notFetched.add(url + ": " + why);
      }
    }
    ItemSink.Ingested ingested = pages.isEmpty() ? new ItemSink.Ingested(0, 0, 0, List.of(), null)
        : sink.ingest(pages, null);
    return new Fresh(done, ingested, notFetched, null, more);
  }

  private PollResult failed(FollowedSource source, Instant now, String why, @Nullable Instant retryAfter,
      boolean parsed) {
    Instant next = now.plus(schedule.backoff(source.interval(), source.consecutiveFailures() + 1));
    if (retryAfter != null && retryAfter.isAfter(next)) {
      next = retryAfter;
    }
    return new PollResult(source.failed(now, why, next), PollResult.Outcome.FAILED, 0, 0, parsed, why, List.of());
  }

  private static @Nullable String blankToNull(String s) {
    return s.isBlank() ? null : s;
  }
}
