package org.crosscheck.follow;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.crosscheck.ingest.HttpFetcher;
import org.crosscheck.ingest.IngestException;

/**
 * The robots.txt rules of each host, fetched once and kept for a while (crawler-commons' parser,
 * RFC 9309): a missing robots.txt (4xx) allows everything; one that cannot be fetched (5xx, no
 * connection) fails the request, so that the source is tried again later, and is not kept.
 * Thread-safe.
 */
final class Robots {
  private final Clock clock;
  private final Duration ttl;
  private final String robotName;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  private record Kept(BaseRobotRules rules, Instant until) {}

  Robots(Clock clock, Duration ttl, String robotName) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.robotName = Objects.requireNonNull(robotName, "robotName");
  }

  /**
   * @param uri a URL about to be requested
   * @param fetch fetches a URL (politely), answering any status
   * @return the rules of the URL's host
   * @throws IngestException {@code robots.txt: ...} when the host's robots.txt cannot be fetched
   */
  BaseRobotRules rulesFor(URI uri, Function<String, HttpFetcher.Response> fetch) {
    String host = Politeness.hostKey(uri);
    Kept k = kept.get(host);
    Instant now = clock.instant();
    if (k != null && now.isBefore(k.until())) {
      return k.rules();
    }
    String robotsUrl = uri.resolve("/robots.txt").toString();
    HttpFetcher.Response response;
    try {
      response = fetch.apply(robotsUrl);
    } catch (Politeness.Deferred e) {
      throw e;
    } catch (IngestException e) {
      throw new IngestException("robots.txt of " + host + " could not be fetched: " + e.getMessage(), e);
    }
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    BaseRobotRules rules;
    int status = response.status();
    if (status >= 200 && status < 300) {
      rules = parser.parseContent(robotsUrl, response.body(),
          Objects.toString(response.header("Content-Type"), "text/plain"), List.of(robotName));
    } else if (status >= 400 && status < 500 && status != 429) {
      rules = parser.failedFetch(status); // no robots.txt: everything allowed
    } else {
      throw new IngestException("robots.txt of " + host + " could not be fetched: " + response.statusMessage());
    }
    kept.put(host, new Kept(rules, now.plus(ttl)));
    return rules;
  }
}
