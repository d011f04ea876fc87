package org.crosscheck.dedup;

import java.util.Optional;
import org.crosscheck.model.Article;
import org.crosscheck.store.SketchStore.DuplicateLink;

/** Finds the earlier article a new one copies (syndicated wire copy, a re-post), and remembers the new one. */
@FunctionalInterface
public interface Deduplicator {

  /**
   * Checks an article against every article checked before, then records it so that later
   * articles are checked against it. Call once per article, in arrival order.
   *
   * @param article a newly stored article
   * @return the link to the article it copies (the first of its kind), or empty when it is original
   */
  Optional<DuplicateLink> check(Article article);
}
