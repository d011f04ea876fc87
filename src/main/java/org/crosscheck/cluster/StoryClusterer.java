package org.crosscheck.cluster;

import java.util.List;
import java.util.Objects;
import org.crosscheck.model.Article;
import org.crosscheck.model.StoryId;

/** Assigns each new article to a story, online: in arrival order, without re-clustering what came before. */
public interface StoryClusterer {

  /**
   * What assigning one article did.
   *
   * @param story the story the article now belongs to
   * @param newStory whether that story was started by this article
   * @param merged stories found to be the same event as {@code story} through this article; their
   *     articles now belong to {@code story}
   */
  record Assignment(StoryId story, boolean newStory, List<StoryId> merged) {
    public Assignment {
      Objects.requireNonNull(story, "story");
      merged = List.copyOf(merged);
    }
  }

  /**
   * Assigns an article and remembers it, so that later articles can join its story.
   *
   * @param article a newly stored article that copies no earlier one
   * @return where it went
   */
  Assignment assign(Article article);

  /**
   * Adds an article to a story without deciding anything: for copies of an article already in
   * that story, and for replaying stored assignments when a store is opened.
   *
   * @param article the article
   * @param story its story
   */
  void add(Article article, StoryId story);
}
