package org.crosscheck.store;

import java.util.Optional;
import org.crosscheck.model.StoryId;

/**
 * Keeps each story's last report, with a fingerprint of what it was built from (the story's
 * articles and the builders' versions), so that a report is rebuilt only when its story changes.
 * Thread-safe.
 */
public interface ReportStore {
  /**
   * @param story a story
   * @param fingerprint what the caller would build the report from
   * @return the stored report as JSON, when one with that fingerprint is stored
   */
  Optional<String> report(StoryId story, String fingerprint);

  /**
   * Stores a story's report, replacing any other.
   *
   * @param story the story
   * @param fingerprint what it was built from
   * @param json the report as JSON
   */
  void putReport(StoryId story, String fingerprint, String json);
}
