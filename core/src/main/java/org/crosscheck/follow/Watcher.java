package org.crosscheck.follow;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.crosscheck.model.FollowedSource;
import org.crosscheck.store.FollowStore;

/**
 * Polls the followed sources on their schedule: each source when its {@link FollowedSource#nextPoll()}
 * has come. Sources of different hosts are polled in parallel, those of one host one after the
 * other (and every request passes the host's politeness gate as well). Sources added or removed
 * meanwhile (by another process, through the store) are seen at the next look. The time comes from
 * the clock given, so tests run a schedule without waiting for it.
 *
 * <p>{@link #pollDue} and {@link #pollOnce} may be called from any thread but not at the same time;
 * {@link #run} loops until {@link #close}.
 */
public final class Watcher implements AutoCloseable {
  /** The longest the loop sleeps before it looks at the store again (for sources added meanwhile). */
  static final Duration MAX_SLEEP = Duration.ofSeconds(30);

  private final FollowStore store;
  private final Poller poller;
  private final Clock clock;
  private final Object wake = new Object();
  private volatile boolean closed;

  Watcher(FollowStore store, Poller poller, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.poller = Objects.requireNonNull(poller, "poller");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Polls every source that is due now.
   *
   * @param listener hears each result as its poll ends (from the polling threads, one at a time)
   * @return the results, in the order of the sources
   */
  public List<PollResult> pollDue(Consumer<PollResult> listener) {
    Instant now = clock.instant();
    return poll(store.followedSources().stream().filter(s -> !s.nextPoll().isAfter(now)).toList(), listener);
  }

  /**
   * Polls every source once, whatever its schedule, except those that are backing off after a
   * failure or were asked by their host to wait ({@code Retry-After}): for a run from cron.
   *
   * @param listener hears each result as its poll ends
   * @return the results, in the order of the sources
   */
  public List<PollResult> pollOnce(Consumer<PollResult> listener) {
    Instant now = clock.instant();
    return poll(store.followedSources().stream()
        .filter(s -> s.lastError() == null || !s.nextPoll().isAfter(now))
        .toList(), listener);
  }

  /**
   * Polls due sources until {@link #close()}: after each round sleeps until the next source is due
   * (at most {@link #MAX_SLEEP}).
   *
   * @param listener hears each result
   */
  public void run(Consumer<PollResult> listener) {
    while (!closed) {
      pollDue(listener);
      Instant now = clock.instant();
      Instant next = store.followedSources().stream().map(FollowedSource::nextPoll).min(Instant::compareTo)
          .orElse(now.plus(MAX_SLEEP));
      Duration wait = Duration.between(now, next);
      if (wait.compareTo(MAX_SLEEP) > 0) {
        wait = MAX_SLEEP;
      }
      if (wait.isNegative() || wait.isZero()) {
        continue;
      }
      synchronized (wake) {
        if (closed) {
          break;
        }
        try {
          wake.wait(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * Runs {@link #run} on a thread of its own (for the web server). Should the store fail, the
   * thread ends and says why on standard error.
   *
   * @param listener hears each result
   * @return this watcher; {@link #close()} stops the thread
   */
  public Watcher start(Consumer<PollResult> listener) {
    Thread.ofPlatform().daemon().name("crosscheck-watch").uncaughtExceptionHandler((t, e) -> {
      // the store failed: the server goes on serving what is stored; say why polling stopped
      System.err.println("crosscheck: polling the followed sources stopped: " + e);
      System.err.flush();
    }).start(() -> run(listener));
    return this;
  }

  /** Stops {@link #run} after the polls under way; returns at once. */
  @Override
  public void close() {
    closed = true;
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private List<PollResult> poll(List<FollowedSource> sources, Consumer<PollResult> listener) {
    Map<String, List<FollowedSource>> byHost = new LinkedHashMap<>();
    for (FollowedSource s : sources) {
      byHost.computeIfAbsent(hostOf(s), h -> new ArrayList<>()).add(s);
    }
    Map<Long, PollResult> results = Collections.synchronizedMap(new LinkedHashMap<>());
    List<java.util.concurrent.Future<?>> running = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (List<FollowedSource> group : byHost.values()) {
        running.add(pool.submit(() -> {
          for (FollowedSource s : group) {
            if (closed) {
              return;
            }
            PollResult r = poller.poll(s);
            results.put(s.id(), r);
            synchronized (listener) {
              listener.accept(r);
            }
          }
        }));
      }
    } // waits for every group
    for (java.util.concurrent.Future<?> f : running) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (java.util.concurrent.ExecutionException e) {
        // a poll never fails for its source; what escapes is the store's failure or a listener's, passed on
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
    List<PollResult> ordered = new ArrayList<>();
    for (FollowedSource s : sources) {
      PollResult r = results.get(s.id());
      if (r != null) {
        ordered.add(r);
      }
    }
    return ordered;
  }

  private static String hostOf(FollowedSource s) {
    try {
      return Politeness.hostKey(URI.create(s.url()));
    } catch (IllegalArgumentException e) {
      return s.url();
    }
  }
}
