package org.crosscheck.alert;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises and delivers alerts on one background thread, every period, while anything is watched: a
 * round checks every watch (bringing followed stories' reports up to date) and attempts the
 * deliveries that are due. A round that fails is logged and the next runs as planned. Used by a
 * server and by the watcher of followed sources. Thread-safe.
 */
public final class AlertSchedule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertSchedule.class);
  private final Alerting alerting;
  private final BooleanSupplier anythingWatched;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = Thread.ofPlatform().daemon().name("alerts").unstarted(r);
    t.setPriority(Thread.MIN_PRIORITY);
    return t;
  });

  /**
   * @param alerting raises and delivers alerts
   * @param anythingWatched whether a round has anything to do
   * @param period the time between rounds
   */
  public AlertSchedule(Alerting alerting, BooleanSupplier anythingWatched, Duration period) {
    this.alerting = alerting;
    this.anythingWatched = anythingWatched;
    timer.scheduleWithFixedDelay(this::round, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs one round now, on the caller's thread. */
  public void round() {
    try {
      if (!anythingWatched.getAsBoolean()) {
        return;
      }
      Alerting.Round r = alerting.run();
      r.raised().forEach(a -> LOG.info("alert {}: {}", a.id(), a.title()));
      r.attempts().stream().filter(a -> !a.delivered()).forEach(a -> LOG.warn(
          "alert {} not delivered to webhook {} ({}): {}{}", a.alert(), a.webhook().id(), a.webhook().url(), a.error(),
          a.nextAttempt() == null ? "; given up" : "; next attempt " + a.nextAttempt()));
    } catch (RuntimeException e) {
      LOG.error("checking alerts failed; the next round runs as planned: {}", e.toString(), e);
    }
  }

  /** Stops the rounds after the one running. */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
