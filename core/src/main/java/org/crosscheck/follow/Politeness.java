package org.crosscheck.follow;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.crosscheck.ingest.IngestException;

/**
 * The gate every request of a follower passes, per host ({@code scheme://host:port}): one request
 * at a time, at least a spacing between the end of one and the start of the next, and none before
 * a time the host asked for with {@code Retry-After}. A wait for the spacing is slept; a host that
 * asked for a longer pause is not waited for: the request fails with {@link Deferred} so that the
 * caller reschedules it. Thread-safe; hosts are independent.
 */
final class Politeness {
  /** The longest a request waits for its host's turn before it is deferred instead. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  /** Sleeps; a test passes one that advances its clock instead. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();

  Politeness(Clock clock, Sleeper sleeper) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** A host is not asked before this time; the caller reschedules. */
  static final class Deferred extends IngestException {
    private static final long serialVersionUID = 1L;
    final Instant until;

    Deferred(String host, Instant until) {
      super(host + " asked to wait until " + until + " (Retry-After)");
      this.until = until;
    }
  }

  private static final class Host {
    final ReentrantLock lock = new ReentrantLock(true);
    /** When the next request may start (after the spacing, or a Retry-After). Guarded by lock. */
    volatile Instant nextAllowed = Instant.MIN;
    /** When the host asked not to be called before (Retry-After); not before this even after the lock. */
    volatile Instant deferredUntil = Instant.MIN;
  }

  /** @return the key of a URL's host: {@code https://example.org:443} */
  static String hostKey(URI uri) {
    String scheme = Objects.toString(uri.getScheme(), "http").toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + Objects.toString(uri.getHost(), "").toLowerCase(Locale.ROOT) + ":" + port;
  }

  /**
   * Runs a request when its host's turn comes: alone among requests to that host and at least
   * {@code spacing} after the previous one ended.
   *
   * @param uri the URL about to be requested
   * @param spacing the least time since the previous request to the host ended
   * @param request the request
   * @return what the request returned
   * @throws Deferred when the host asked to be left alone for longer than {@link #MAX_WAIT}
   * @throws IngestException {@code interrupted} when the thread is interrupted while waiting
   */
  <T> T call(URI uri, Duration spacing, Supplier<T> request) {
    String key = hostKey(uri);
    Host host = hosts.computeIfAbsent(key, k -> new Host());
    try {
      host.lock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestException("interrupted while waiting for " + key, e);
    }
    boolean sent = false;
    try {
      Instant deferred = host.deferredUntil;
      if (Duration.between(clock.instant(), deferred).compareTo(MAX_WAIT) > 0) {
        throw new Deferred(key, deferred);
      }
      Instant start = deferred.isAfter(host.nextAllowed) ? deferred : host.nextAllowed;
      Duration wait = Duration.between(clock.instant(), start);
      if (wait.compareTo(MAX_WAIT) > 0) {
        throw new Deferred(key, start);
      }
      if (!wait.isNegative() && !wait.isZero()) {
        sleeper.sleep(wait);
      }
      sent = true;
      return request.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestException("interrupted while waiting for " + key, e);
    } finally {
      if (sent) {
        host.nextAllowed = clock.instant().plus(spacing);
      }
      host.lock.unlock();
    }
  }

  /**
   * Leaves a host alone until a time (it answered 429 or 503 with {@code Retry-After}).
   *
   * @param uri a URL of the host
   * @param until when it may be asked again
   */
  void defer(URI uri, Instant until) {
    Host host = hosts.computeIfAbsent(hostKey(uri), k -> new Host());
    synchronized (host) {
      if (until.isAfter(host.deferredUntil)) {
        host.deferredUntil = until;
      }
    }
  }
}
