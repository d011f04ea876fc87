package org.crosscheck.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;

/**
 * Keeps which story each article belongs to, and the merges of stories. Writes made inside
 * {@link SketchStore#inTransaction} of the same store are part of that transaction. Thread-safe.
 */
public interface StoryStore {

  /**
   * A recorded merge: story {@code from} was found to be the same event as {@code into}.
   *
   * @param from the story merged away (it no longer has articles)
   * @param into the story that kept them
   * @param bridge the article whose arrival showed the two to be one event
   */
  record Merge(StoryId from, StoryId into, ArticleId bridge) {}

  /**
   * A recorded split: some articles of story {@code from} were found to report another event and
   * moved to the new story {@code into}.
   *
   * @param from the story split
   * @param into the new story that took the articles
   * @param moved the articles moved, in the order they had been assigned; the trigger among them
   *     when it goes to the new story (it is then assigned there by the caller)
   * @param trigger the article whose arrival showed the story to hold two events
   */
  record Split(StoryId from, StoryId into, List<ArticleId> moved, ArticleId trigger) {
    public Split {
      moved = List.copyOf(moved);
    }
  }

  /** @return a story id never used before in this store */
  StoryId newStoryId();

  /** Puts an article in a story (moving it when it was in another). */
  void assign(ArticleId article, StoryId story);

  /** @return the story of an article, if it has been assigned one */
  Optional<StoryId> storyOf(ArticleId article);

  /** @return the articles of a story, in the order they were assigned */
  List<ArticleId> articlesOf(StoryId story);

  /** @return every article's story */
  Map<ArticleId, StoryId> allAssignments();

  /**
   * @return a number that grows with every change of story membership (an article assigned, a
   *     merge, a split), by this store object or by another process writing the same store; an
   *     ingest compares it to what it last saw to learn that another writer changed the stories
   */
  long storiesVersion();

  /**
   * @return the stored articles (pages that are not articles aside) that are in no story, oldest
   *     first: none after a completed ingest,
   *     since an article is stored and assigned in one transaction; stores written by an older
   *     version may hold some, which the next ingest assigns
   */
  List<ArticleId> unassigned();

  /**
   * Moves every article of {@code merge.from()} into {@code merge.into()} and records the merge.
   *
   * @param merge the merge
   */
  void merge(Merge merge);

  /** @return every recorded merge, oldest first */
  List<Merge> merges();

  /**
   * Moves the articles of {@code split.moved()} into {@code split.into()}, keeping the order in
   * which articles were assigned, and records the split.
   *
   * @param split the split
   */
  void split(Split split);

  /** @return every recorded split, oldest first */
  List<Split> splits();
}
