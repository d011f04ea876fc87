package org.crosscheck.dedup;

import java.util.Optional;
import org.crosscheck.model.Article;
import org.crosscheck.store.SketchStore.DuplicateLink;

/**
 * Finds the earlier article a new one copies (syndicated wire copy, a re-post), and remembers the
 * new one. A check has two steps: {@link #prepare} computes what depends on the article alone (a
 * sketch) and may run on any thread, ahead of time; {@link #check(Prepared)} compares it with the
 * articles checked before, in arrival order.
 */
public interface Deduplicator {

  /** What a check needs from one article, computed by {@link #prepare}. */
  interface Prepared {
    /** @return the article */
    Article article();
  }

  /**
   * Computes what a check needs from the article alone. Thread-safe; touches no state.
   *
   * @param article an article
   * @return its prepared form, for {@link #check(Prepared)} of this deduplicator
   */
  Prepared prepare(Article article);

  /**
   * Checks an article against every article checked before, then records it so that later
   * articles are checked against it. Call once per article, in arrival order.
   *
   * @param prepared a newly stored article, prepared by this deduplicator
   * @return the link to the article it copies (the first of its kind), or empty when it is original
   * @throws IllegalArgumentException when another deduplicator prepared it
   */
  Optional<DuplicateLink> check(Prepared prepared);

  /**
   * Drops what the deduplicator holds in memory about the articles checked before, to be read
   * from the store again at the next check: after a store transaction that failed, whose
   * rolled-back articles it may have remembered.
   */
  default void reload() {}

  /**
   * Prepares and checks an article.
   *
   * @param article a newly stored article
   * @return as {@link #check(Prepared)}
   */
  default Optional<DuplicateLink> check(Article article) {
    return check(prepare(article));
  }
}
