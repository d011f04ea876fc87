package org.crosscheck.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crosscheck.model.StoryId;

/**
 * Keeps the versions of each story's report, each with a fingerprint of what it was built from (the
 * story's articles and the builders' versions), so that a report is rebuilt only when its story
 * changes, and what changed between two versions can be told. Thread-safe.
 */
public interface ReportStore {
  /**
   * @param story a story
   * @param fingerprint what the caller would build the report from
   * @return the latest stored report as JSON, when it has that fingerprint
   */
  Optional<String> report(StoryId story, String fingerprint);

  /**
   * Stores a story's report as its latest version: a new version when the fingerprint differs from the latest
   * version's, else in place of the latest version (a rebuild of the same articles).
   *
   * @param story the story
   * @param fingerprint what it was built from
   * @param json the report as JSON
   */
  void putReport(StoryId story, String fingerprint, String json);

  /**
   * @param story a story
   * @return the versions of its report, oldest first; empty when none was built
   */
  List<ReportVersion> reportVersions(StoryId story);

  /**
   * One version of a story's report.
   *
   * @param number 1 for the first report built, then counting up
   * @param fingerprint what it was built from
   * @param builtAt when it was stored
   * @param json the report as JSON
   */
  record ReportVersion(int number, String fingerprint, Instant builtAt, String json) {
    public ReportVersion {
      if (number < 1) {
        throw new IllegalArgumentException("a report version counts from 1, not " + number);
      }
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(builtAt, "builtAt");
      Objects.requireNonNull(json, "json");
    }
  }

  /**
   * The version list after storing a report, for stores that keep the list whole.
   *
   * @param before the versions stored, oldest first
   * @param fingerprint the new report's fingerprint
   * @param json the new report
   * @param now the time of storing
   * @return the versions to store
   */
  static List<ReportVersion> append(List<ReportVersion> before, String fingerprint, String json, Instant now) {
    List<ReportVersion> out = new java.util.ArrayList<>(before);
    ReportVersion last = before.isEmpty() ? null : before.get(before.size() - 1);
    if (last != null && last.fingerprint().equals(fingerprint)) {
      out.set(out.size() - 1, new ReportVersion(last.number(), fingerprint, now, json));
    } else {
      out.add(new ReportVersion(last == null ? 1 : last.number() + 1, fingerprint, now, json));
    }
    return List.copyOf(out);
  }
}
