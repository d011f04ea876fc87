package org.crosscheck.follow;

import java.util.List;
import java.util.Objects;
import org.crosscheck.model.FollowedSource;
import org.jspecify.annotations.Nullable;

/**
 * What one poll of a followed source did.
 *
 * @param source the source with its state after the poll (as stored)
 * @param outcome what happened
 * @param newItems items the source had not given before (ingested now)
 * @param added articles stored for the first time from them (fewer when some were stored before)
 * @param parsed whether the response was parsed (never for a 304)
 * @param message why the poll failed or was not made, or null
 * @param rejections items that were not stored, and why
 */
public record PollResult(FollowedSource source, Outcome outcome, int newItems, long added, boolean parsed,
    @Nullable String message, List<String> rejections) {

  /** What a poll did. */
  public enum Outcome {
    /** New items were found and ingested. */
    NEW_ITEMS,
    /** The source answered with content, but nothing new. */
    NOTHING_NEW,
    /** The source answered 304 Not Modified: nothing was parsed or stored but the poll time. */
    NOT_MODIFIED,
    /** The poll failed; the source backs off. */
    FAILED,
    /** robots.txt disallows the source; it was not fetched. */
    DISALLOWED,
    /** The host asked to be left alone (Retry-After); the poll was put off. */
    DEFERRED
  }

  public PollResult {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(outcome, "outcome");
    rejections = List.copyOf(rejections);
  }
}
