package org.crosscheck.cluster;

import java.util.List;
import java.util.Objects;
import org.crosscheck.model.Article;
import org.crosscheck.model.StoryId;
import org.crosscheck.store.StoryStore;

/**
 * Assigns each new article to a story, online: in arrival order, without re-clustering what came
 * before. {@link #prepare} computes what depends on the article alone (its features) and may run
 * on any thread, ahead of time; {@link #assign(Prepared)} and {@link #add(Prepared, StoryId)} run
 * in arrival order.
 */
public interface StoryClusterer {

  /** What assigning needs from one article, computed by {@link #prepare}. */
  interface Prepared {
    /** @return the article */
    Article article();
  }

  /**
   * Computes what assigning needs from the article alone. Thread-safe, so it can run ahead on the
   * thread that reads articles; nothing it records (such as numbers for terms) changes where any
   * article goes.
   *
   * @param article an article
   * @return its prepared form, for this clusterer
   */
  Prepared prepare(Article article);

  /**
   * What assigning one article did.
   *
   * @param story the story the article now belongs to
   * @param newStory whether that story was started by this article
   * @param merged stories found to be the same event as {@code story} through this article; their
   *     articles now belong to {@code story}
   * @param splits stories found through this article to hold two events, and split in two
   */
  record Assignment(StoryId story, boolean newStory, List<StoryId> merged, List<StoryStore.Split> splits) {
    public Assignment {
      Objects.requireNonNull(story, "story");
      merged = List.copyOf(merged);
      splits = List.copyOf(splits);
    }

    /** An assignment that split no story. */
    public Assignment(StoryId story, boolean newStory, List<StoryId> merged) {
      this(story, newStory, merged, List.of());
    }
  }

  /**
   * Assigns an article and remembers it, so that later articles can join its story.
   *
   * @param article a newly stored article that copies no earlier one, prepared by this clusterer
   * @return where it went
   * @throws IllegalArgumentException when another clusterer prepared it
   */
  Assignment assign(Prepared article);

  /**
   * Prepares and assigns an article.
   *
   * @param article a newly stored article that copies no earlier one
   * @return where it went
   */
  default Assignment assign(Article article) {
    return assign(prepare(article));
  }

  /**
   * Adds an article to a story without deciding anything: for copies of an article already in
   * that story, and for replaying stored assignments when a store is opened.
   *
   * @param article the article, prepared by this clusterer
   * @param story its story
   * @throws IllegalArgumentException when another clusterer prepared it
   */
  void add(Prepared article, StoryId story);

  /**
   * Prepares an article and adds it to a story.
   *
   * @param article the article
   * @param story its story
   */
  default void add(Article article, StoryId story) {
    add(prepare(article), story);
  }
}
