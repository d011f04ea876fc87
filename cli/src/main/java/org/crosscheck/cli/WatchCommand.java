package org.crosscheck.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.crosscheck.follow.Following;
import org.crosscheck.follow.PollResult;
import org.crosscheck.follow.Watcher;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crosscheck watch [--once]}: polls the followed sources and ingests what is new. */
@Command(name = "watch", description = {
    "Poll the followed sources (crosscheck follow add URL) on their schedule and ingest new items, until stopped"
        + " (Ctrl-C); --once polls each source once and exits, for cron.",
    "Polite: conditional GET (ETag, Last-Modified), gzip, robots.txt, one request at a time per host with"
        + " --host-interval between, Retry-After on 429/503, exponential backoff with jitter on errors, and an"
        + " interval that follows how often each source publishes."})
final class WatchCommand implements Callable<Integer> {
  /** The longest a stop request waits for the polls under way. */
  private static final Duration STOP_WAIT = Duration.ofMinutes(2);

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin DataOptions data;
  @Mixin UrlOptions urls;
  @Mixin FollowOptions options;
  @Mixin SendOptions send;

  @Option(names = "--once", description = "Poll every followed source once (except those backing off after errors or"
      + " asked to wait by their host) and exit: 0 when every poll worked, 1 when some failed.")
  boolean once;

  @Option(names = {"-q", "--quiet"}, description = "Print only polls that found something new or failed.")
  boolean quiet;

  @Option(names = "--alerts-every", paramLabel = "SECONDS", defaultValue = "60", description = "While watching, also"
      + " check the saved searches and followed stories (crosscheck alerts watch ...) and deliver their alerts to"
      + " webhooks this often; 0 never (default: ${DEFAULT-VALUE}).")
  long alertsEvery;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Pipeline.Builder pipeline = Pipeline.builder().allowPrivateUrls(urls.allowPrivateUrls)
        .followSettings(options.settings(spec));
    try (Store store = data.openForWriting(); org.crosscheck.pipeline.ArticleSink sink = send.apply(pipeline)) {
      Following following = pipeline.store(store).buildFollowing(new IngestListener() {});
      if (following.list().isEmpty()) {
        err.println("crosscheck: no sources followed in " + data.location() + "; add one with: crosscheck follow add"
            + " URL");
        return ExitCode.REJECTED;
      }
      Consumer<PollResult> printer = r -> print(r, out, err, quiet);
      if (once) {
        List<PollResult> results;
        try (Watcher watcher = following.watcher()) {
          results = watcher.pollOnce(printer);
        }
        long failed = results.stream().filter(r -> r.outcome() == PollResult.Outcome.FAILED).count();
        long items = results.stream().mapToLong(PollResult::newItems).sum();
        long added = results.stream().mapToLong(PollResult::added).sum();
        out.printf(Locale.ROOT, "%d sources polled: %d new items, %d articles added, %d failed; the store in %s holds %,d"
            + " articles%n", results.size(), items, added, failed, data.location(), store.count());
        return failed > 0 ? ExitCode.REJECTED : ExitCode.OK;
      }
      if (alertsEvery < 0) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--alerts-every must be 0 (never) or a"
            + " number of seconds, was " + alertsEvery);
      }
      org.crosscheck.alert.AlertSchedule alerts = alertsEvery == 0 || sink != null ? null
          : new org.crosscheck.alert.AlertSchedule(pipeline.buildAlerting(), () -> !store.watches().isEmpty(),
              Duration.ofSeconds(alertsEvery));
      Watcher watcher = following.watcher();
      CountDownLatch done = new CountDownLatch(1);
      Thread onSignal = new Thread(() -> {
        watcher.close();
        try {
          done.await(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "crosscheck-stop");
      Runtime.getRuntime().addShutdownHook(onSignal);
      out.printf(Locale.ROOT, "Watching %d sources for %s; Ctrl-C stops.%n", following.list().size(), data.location());
      out.flush();
      try {
        watcher.run(printer);
      } finally {
        if (alerts != null) {
          alerts.close();
        }
        done.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running: it returns now that the loop is done
        }
      }
      return ExitCode.OK;
    }
  }

  /** Prints one poll: what it found, or why it failed and when the source is tried again. */
  static void print(PollResult r, PrintWriter out, PrintWriter err, boolean quiet) {
    String url = r.source().url();
    switch (r.outcome()) {
      case NEW_ITEMS -> out.printf(Locale.ROOT, "new %d items (%d articles added)  %s%n", r.newItems(), r.added(), url);
      case NOTHING_NEW -> {
        if (!quiet) {
          out.printf(Locale.ROOT, "nothing new  %s%n", url);
        }
      }
      case NOT_MODIFIED -> {
        if (!quiet) {
          out.printf(Locale.ROOT, "not modified  %s%n", url);
        }
      }
      case FAILED -> err.printf(Locale.ROOT, "failed: %s: %s; next try %s%n", url, r.message(),
          FollowCommand.time(r.source().nextPoll()));
      case DISALLOWED, DEFERRED -> err.printf(Locale.ROOT, "not polled: %s: %s; next try %s%n", url, r.message(),
          FollowCommand.time(r.source().nextPoll()));
    }
    for (String rejection : r.rejections()) {
      err.println("rejected: " + rejection);
    }
    out.flush();
    err.flush();
  }
}
