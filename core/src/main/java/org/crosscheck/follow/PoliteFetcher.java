package org.crosscheck.follow;

import crawlercommons.robots.BaseRobotRules;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.crosscheck.ingest.BytesInput;
import org.crosscheck.ingest.HttpFetcher;
import org.crosscheck.ingest.IngestException;
import org.crosscheck.ingest.PageFetcher;

/**
 * Fetches for a follower: every URL through the fetcher's {@link org.crosscheck.ingest.UrlPolicy},
 * with the follower's User-Agent, only when the host's robots.txt allows it, and through the
 * {@link Politeness} gate of its host (spaced by the longer of the settings' host interval and the
 * robots.txt {@code Crawl-delay}, capped at a minute). A 429 or 503 with {@code Retry-After} leaves
 * the host alone until then. Feeds and the pages they link to go through the same gate.
 * Thread-safe.
 */
final class PoliteFetcher implements PageFetcher {
  private static final Duration MAX_CRAWL_DELAY = Duration.ofMinutes(1);

  private final HttpFetcher fetcher;
  private final Politeness politeness;
  private final Robots robots;
  private final FollowSettings settings;
  private final Clock clock;

  PoliteFetcher(HttpFetcher fetcher, Politeness politeness, Robots robots, FollowSettings settings, Clock clock) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.politeness = Objects.requireNonNull(politeness, "politeness");
    this.robots = Objects.requireNonNull(robots, "robots");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** robots.txt does not allow the URL; it was not fetched. */
  static final class Disallowed extends IngestException {
    private static final long serialVersionUID = 1L;

    Disallowed() {
      super("disallowed by robots.txt; not fetched");
    }
  }

  /** @return the URL policy every fetched URL goes through */
  org.crosscheck.ingest.UrlPolicy policy() {
    return fetcher.policy();
  }

  /**
   * A GET with extra headers (conditional ones), answering any final status.
   *
   * @throws Disallowed when the host's robots.txt disallows the URL
   * @throws Politeness.Deferred when the host asked to be left alone for a while
   * @throws IngestException when the URL is refused or cannot be fetched, or robots.txt cannot be
   */
  HttpFetcher.Response get(String url, Map<String, String> headers) {
    URI uri = fetcher.policy().parse(url);
    fetcher.policy().checkAddress(uri); // a refused address is named as such, before its robots.txt is asked for
    BaseRobotRules rules = robots.rulesFor(uri, robotsUrl -> send(URI.create(robotsUrl), Map.of(),
        settings.hostInterval()));
    if (!rules.isAllowed(uri.toString())) {
      throw new Disallowed();
    }
    Duration spacing = settings.hostInterval();
    long delay = rules.getCrawlDelay();
    if (delay > 0) {
      Duration crawlDelay = Duration.ofMillis(delay);
      crawlDelay = crawlDelay.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : crawlDelay;
      spacing = crawlDelay.compareTo(spacing) > 0 ? crawlDelay : spacing;
    }
    return send(uri, headers, spacing);
  }

  private HttpFetcher.Response send(URI uri, Map<String, String> headers, Duration spacing) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("User-Agent", settings.userAgent());
    HttpFetcher.Response response = politeness.call(uri, spacing, () -> fetcher.get(uri.toString(), all));
    if (response.status() == 429 || response.status() == 503) {
      Instant until = Schedule.retryAfter(response.header("Retry-After"), clock.instant());
      if (until != null) {
        politeness.defer(uri, until);
      }
    }
    return response;
  }

  /**
   * Fetches a linked page (full text, a news sitemap's article) as politely as a feed.
   *
   * @throws IngestException when robots.txt disallows it, it cannot be fetched, or the status is not 2xx
   */
  @Override
  public BytesInput fetch(String url) {
    HttpFetcher.Response response = get(url, Map.of());
    if (response.status() < 200 || response.status() > 299) {
      throw new IngestException(response.statusMessage());
    }
    return response.asInput();
  }
}
