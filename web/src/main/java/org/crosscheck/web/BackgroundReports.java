package org.crosscheck.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.crosscheck.model.Story;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds stories' reports on one low-priority background thread, in the order of the story list
 * (widest stories first), so that the list shows every story's conflicts and story pages open at
 * once. A story whose report fails is logged with its id and left for its page to build on
 * request; the thread goes on with the next. Thread-safe.
 */
final class BackgroundReports implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundReports.class);

  private final Supplier<List<Story>> stories;
  private final Consumer<Story> build;
  private final AtomicInteger built = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile @Nullable Thread thread;

  /**
   * @param stories the stories to build, in order
   * @param build builds a story's report unless one is stored; may throw
   */
  BackgroundReports(Supplier<List<Story>> stories, Consumer<Story> build) {
    this.stories = stories;
    this.build = build;
  }

  /**
   * Starts the thread; it ends after the last story or when closed.
   *
   * @return the thread
   */
  Thread start() {
    Thread t = Thread.ofPlatform().daemon().name("report-builder").unstarted(this::run);
    t.setPriority(Thread.MIN_PRIORITY);
    t.setUncaughtExceptionHandler((th, e) -> LOG.error("the background report builder stopped", e));
    thread = t;
    t.start();
    return t;
  }

  private void run() {
    long started = System.nanoTime();
    List<Story> all = stories.get();
    for (Story s : all) {
      if (Thread.currentThread().isInterrupted()) {
        LOG.info("stopped building reports in the background after {} of {} stories", built.get() + failed.get(),
            all.size());
        return;
      }
      try {
        build.accept(s);
        built.incrementAndGet();
      } catch (RuntimeException | StackOverflowError e) {
        if (Thread.currentThread().isInterrupted()) { // closed while building: the failure is the stop's
          LOG.info("stopped building reports in the background, in story {}: {}", s.id().value(), e.toString());
          return;
        }
        failed.incrementAndGet();
        LOG.error("cannot build the report of story {} in the background (its page will try again): {}",
            s.id().value(), e.toString(), e);
      }
    }
    LOG.info("built the reports of {} stories in the background in {} s, {} failed", built.get(),
        (System.nanoTime() - started) / 1_000_000_000, failed.get());
  }

  /** @return how many stories have their report, built or found stored, so far */
  int built() {
    return built.get();
  }

  /** @return how many stories' reports failed */
  int failed() {
    return failed.get();
  }

  /** Stops the thread after the story it is building. */
  @Override
  public void close() {
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }
}
