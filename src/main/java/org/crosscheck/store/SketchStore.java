package org.crosscheck.store;

import java.util.List;
import java.util.Optional;
import org.crosscheck.model.ArticleId;

/**
 * Keeps the MinHash sketches of stored articles, findable by their LSH band keys, and the
 * duplicate links found with them. Thread-safe.
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
   * Stores a sketch under its band keys; a second sketch of the same article is ignored (an
   * article's text, and so its sketch, never changes).
   *
   * @param sketch the sketch
   * @param bandKeys one key per LSH band
   */
  void putSketch(Sketch sketch, long[] bandKeys);

  /**
   * @param bandKeys the band keys of a new article
   * @return the stored sketches that share at least one band key with it
   */
  List<Sketch> sketchesSharingABand(long[] bandKeys);

  /** @param link a duplicate found */
  void putDuplicate(DuplicateLink link);

  /** @return the link of this article to the article it copies, if it is a copy */
  Optional<DuplicateLink> duplicateOf(ArticleId copy);

  /** @return the articles that copy this one */
  List<DuplicateLink> copiesOf(ArticleId original);
}
