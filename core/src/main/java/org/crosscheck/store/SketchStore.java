package org.crosscheck.store;

import java.util.List;
import java.util.Optional;
import org.crosscheck.model.ArticleId;

/**
 * Keeps the MinHash sketches of stored articles, numbered in the order they were stored, and the
 * duplicate links found with them. Finding similar sketches is duplicate detection's own business
 * (its band index is built from the sketches, and caught up with what other writers stored by
 * reading the sketches numbered after the last it saw). Thread-safe.
 */
public interface SketchStore {

  /**
   * A stored sketch.
   *
   * @param id the article
   * @param signature its MinHash signature
   * @param textHash hash of its normalized text, equal for exact copies
   */
  record Sketch(ArticleId id, int[] signature, long textHash) {}

  /**
   * A stored sketch with its number.
   *
   * @param number its place in storing order, from 1; a later sketch has a higher number
   * @param sketch the sketch
   */
  record Numbered(long number, Sketch sketch) {}

  /**
   * A duplicate link: {@code copy} carries the text of {@code original}.
   *
   * @param copy the later article
   * @param original the first article with this text
   * @param similarity estimated Jaccard similarity of their texts, 0..1
   * @param exact whether the normalized texts are identical
   */
  record DuplicateLink(ArticleId copy, ArticleId original, double similarity, boolean exact) {}

  /**
   * Runs work that writes articles, sketches, links and stories as one transaction: all of it is
   * stored, or none. Transactions nest: an inner one joins the outer, which alone commits.
   *
   * @param work the writes
   */
  void inTransaction(Runnable work);

  /**
   * @return the stored articles duplicate detection has not seen, oldest first: neither sketched
   *     (so later copies of them cannot be found) nor linked as a copy
   */
  List<ArticleId> uncheckedForDuplicates();

  /**
   * Stores a sketch; a second sketch of the same article is ignored (an article's text, and so
   * its sketch, never changes).
   *
   * @param sketch the sketch
   * @return its number: higher than any stored before, or the number of the article's first sketch
   */
  long putSketch(Sketch sketch);

  /**
   * @param after a sketch number, or 0
   * @param sink receives the sketches numbered after it, in ascending order
   */
  void sketchesAfter(long after, java.util.function.Consumer<Numbered> sink);

  /**
   * @param numbers sketch numbers
   * @return the stored sketches with those numbers, in ascending order; unknown numbers are left out
   */
  List<Numbered> sketches(long[] numbers);

  /** @param link a duplicate found */
  void putDuplicate(DuplicateLink link);

  /** @return the link of this article to the article it copies, if it is a copy */
  Optional<DuplicateLink> duplicateOf(ArticleId copy);

  /** @return the articles that copy this one */
  List<DuplicateLink> copiesOf(ArticleId original);
}
