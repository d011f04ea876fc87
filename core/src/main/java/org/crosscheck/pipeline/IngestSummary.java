package org.crosscheck.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.crosscheck.ingest.Rejection;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of an ingest run.
 *
 * @param counts added, already stored and rejected, over all inputs
 * @param inputs how many inputs were read
 * @param rejections every rejection, in order
 * @param storeError why the store stopped accepting writes (the run stopped there), or {@code null}
 * @param elapsed wall-clock time of the run
 * @param duplicates how many of the added (or recovered) articles copy an earlier one (linked, and counted
 *     once in stories)
 * @param joinedStories how many added (or recovered) articles joined an existing story
 * @param newStories how many stories the added (or recovered) articles started
 * @param merges how many stories were merged into others because an article bridged them
 * @param splits how many stories were split in two because they turned out to hold two events
 * @param recovered how many articles stored by an interrupted earlier run were put in stories first
 * @param stopped whether the run was asked to stop ({@link Ingestor#stop()}) and stopped after a batch,
 *     leaving inputs or parts of inputs unread
 * @param skipped items importers passed over on purpose, by reason, in the order first seen: the records
 *     of web archives that are no HTML page ({@code request}, {@code not HTML}, {@code HTTP status not 200})
 *     or outside the filters ({@code outside --host}); not counted in {@code counts}
 */
public record IngestSummary(
    IngestCounts counts, int inputs, List<Rejection> rejections, @Nullable String storeError, Duration elapsed,
    long duplicates,
    long joinedStories,
    long newStories,
    long merges,
    long splits,
    long recovered,
    boolean stopped,
    Map<String, Long> skipped) {
  public IngestSummary {
    rejections = List.copyOf(rejections);
    skipped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skipped));
  }

  /** @return how many items were skipped, over all reasons */
  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }
}
