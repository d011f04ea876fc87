package org.crosscheck.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.model.StoryId;
import org.crosscheck.store.ReportStore;
import org.crosscheck.store.ReportStore.ReportVersion;
import org.jspecify.annotations.Nullable;

/**
 * The versions of a story's report and what changed between them, read from the store. A version is
 * kept each time the report is built from a different set of articles (see {@link ReportBuilder}).
 * Stateless.
 */
public final class ReportHistory {
  private ReportHistory() {}

  /**
   * The change log: what each version changed from the one before, oldest first; the first version
   * is where the log starts and is not listed as a change.
   *
   * @param store where reports are kept
   * @param story the story
   * @return the changes, one per version after the first
   */
  public static List<ReportChanges> log(ReportStore store, StoryId story) {
    List<ReportVersion> versions = store.reportVersions(story);
    List<ReportChanges> out = new ArrayList<>();
    for (int i = 1; i < versions.size(); i++) {
      out.add(change(versions.get(i - 1), versions.get(i)));
    }
    return out;
  }

  /**
   * The change log, or one change since a version or a time.
   *
   * @param store where reports are kept
   * @param story the story
   * @param since a version number or a time, as {@link #since} takes them, or null for the log
   * @return {@link #log} without {@code since}; with it, the one change {@link #since} gives, or none when the story
   *     has no report yet
   * @throws IllegalArgumentException when {@code since} is neither a version of this story nor a time
   */
  public static List<ReportChanges> changes(ReportStore store, StoryId story, @Nullable String since) {
    if (since == null) {
      return log(store, story);
    }
    ReportChanges one = since(store, story, since);
    return one == null ? List.of() : List.of(one);
  }

  /**
   * What changed since a version or a time, as one change from that version to the latest.
   *
   * @param store where reports are kept
   * @param story the story
   * @param since a version number ({@code 3}), a time ({@code 2026-11-30T08:00:00Z}) or a day ({@code
   *     2026-11-30}, its start in UTC): the changes are those after the latest version built by then
   * @return the change from that version to the latest, or null when the story has no report yet
   * @throws IllegalArgumentException when {@code since} is neither a version of this story nor a time
   */
  public static @Nullable ReportChanges since(ReportStore store, StoryId story, String since) {
    List<ReportVersion> versions = store.reportVersions(story);
    if (versions.isEmpty()) {
      return null;
    }
    ReportVersion latest = versions.getLast();
    ReportVersion base = null;
    if (since.strip().matches("\\d{1,9}")) {
      int n = Integer.parseInt(since.strip());
      base = versions.stream().filter(v -> v.number() == n).findFirst().orElseThrow(() ->
          new IllegalArgumentException("story " + story.value() + " has no report version " + n + "; its versions are 1 to "
              + latest.number()));
    } else {
      base = builtBy(versions, time(since));
    }
    return change(base, latest);
  }

  /**
   * @param versions a story's report versions, oldest first
   * @param time a time
   * @return the latest version built by then, or null when none was
   */
  public static @Nullable ReportVersion builtBy(List<ReportVersion> versions, Instant time) {
    ReportVersion base = null;
    for (ReportVersion v : versions) {
      if (!v.builtAt().isAfter(time)) {
        base = v;
      }
    }
    return base;
  }

  /**
   * @param base the earlier version, or null to count everything in the later as new
   * @param latest the later version
   * @return what changed from the one to the other
   */
  public static ReportChanges change(@Nullable ReportVersion base, ReportVersion latest) {
    StoryReport after = ReportRenderer.read(latest.json());
    return base == null ? ReportChanges.between(null, 0, null, after, latest.number(), latest.builtAt())
        : ReportChanges.between(ReportRenderer.read(base.json()), base.number(), base.builtAt(), after, latest.number(),
            latest.builtAt());
  }

  /** @return an ISO-8601 instant, date-time with offset, or date (its start in UTC) */
  static Instant time(String text) {
    String t = text.strip();
    try {
      return java.time.OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        throw new IllegalArgumentException("'" + text + "' is neither a report version number nor a time such as "
            + "2026-11-30T08:00:00Z or 2026-11-30");
      }
    }
  }
}
