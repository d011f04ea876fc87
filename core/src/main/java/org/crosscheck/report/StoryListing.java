package org.crosscheck.report;

import java.util.List;
import org.crosscheck.model.Story;
import org.crosscheck.store.ReportStore;
import org.jspecify.annotations.Nullable;

/**
 * A story as listed by {@code crosscheck stories --json} and {@code /api/stories}: one shape for both.
 *
 * @param id the story id
 * @param headline its headline
 * @param outlets how many outlets report it
 * @param articles how many articles it has
 * @param first its first publication date, or {@code null} when no article is dated
 * @param last its last publication date, or {@code null}
 * @param conflicts how many conflicts its report holds, or {@code null} when no up-to-date report is stored
 * @param outletNames the outlets, in story order
 */
public record StoryListing(String id, String headline, int outlets, int articles, @Nullable String first,
    @Nullable String last, @Nullable Integer conflicts, List<String> outletNames) {
  public StoryListing {
    outletNames = List.copyOf(outletNames);
  }

  /**
   * @param story the story
   * @param conflicts its report's conflict count, or {@code null} when unknown
   * @return its listing
   */
  public static StoryListing of(Story story, @Nullable Integer conflicts) {
    return new StoryListing(story.id().value(), story.headline(), story.outlets().size(), story.articles().size(),
        story.first() == null ? null : story.first().toString(), story.last() == null ? null : story.last().toString(),
        conflicts, story.outlets());
  }

  /**
   * @param store where reports are kept
   * @param story the story
   * @return its listing, with the conflict count of its stored report when that is up to date
   */
  public static StoryListing of(ReportStore store, Story story) {
    return of(story, ReportBuilder.stored(store, story).map(r -> r.conflicts().size()).orElse(null));
  }
}
