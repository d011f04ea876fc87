package org.crosscheck.engine.flink;

import java.util.Objects;
import org.crosscheck.model.Article;
import org.crosscheck.model.StoryId;
import org.jspecify.annotations.Nullable;

/**
 * A story whose report is out of date, once the store holds the change.
 *
 * @param story the story
 * @param article an article of it still to be analysed, or null
 */
public record StoryChange(StoryId story, @Nullable Article article) {
  public StoryChange {
    Objects.requireNonNull(story, "story");
  }

  /** @return the change without its article, once analysed */
  StoryChange analysed() {
    return new StoryChange(story, null);
  }
}
