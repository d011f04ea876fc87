package org.crosscheck.dedup;

import java.util.Objects;
import java.util.Optional;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.store.SketchStore;
import org.crosscheck.store.SketchStore.DuplicateLink;
import org.crosscheck.store.SketchStore.Sketch;

/**
 * Detects exact and near-duplicate article texts with MinHash over word 3-shingles and LSH
 * banding (20 bands of 5 rows: texts of Jaccard similarity 0.8 share a band with probability
 * 0.9996, of 0.7 with 0.975, of 0.3 with 0.048), so a check costs a few index look-ups whatever the store's
 * size. A candidate is a duplicate when its estimated similarity is at least {@link #THRESHOLD};
 * a copy is linked to the original of its original, so chains collapse to the first article.
 * Only originals are indexed: later copies are compared with the first article, not with each
 * other, which keeps the candidates few however often a wire story is carried.
 *
 * <p>The band index lives in memory ({@link BandIndex}); the store keeps the sketches, numbered as
 * stored. Each check first reads the sketches stored since the last one it saw, so that the first
 * check of a reopened store indexes every sketch in it and later checks see what another process
 * (a server, another ingest) stored meanwhile. Checks come from one thread, in arrival order.
 */
public final class MinHashDeduplicator implements Deduplicator {
  /** Estimated Jaccard similarity of word 3-shingles from which a text counts as a copy. */
  public static final double THRESHOLD = 0.7;
  private static final MinHasher HASHER = new MinHasher(3, 20, 5);

  private final SketchStore store;
  private final BandIndex index = new BandIndex();
  /** The highest sketch number in the index. */
  private long indexed;

  /** @param store where sketches and links are kept */
  public MinHashDeduplicator(SketchStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** @return the hasher this deduplicator uses */
  public static MinHasher hasher() {
    return HASHER;
  }

  /** An article with its sketch. */
  private record Sketched(Article article, MinHasher.Sketched sketch) implements Prepared {}

  @Override
  public Prepared prepare(Article article) {
    return new Sketched(article, HASHER.sketch(article.text()));
  }

  /** Indexes the sketches stored since the last one indexed. */
  private void catchUp() {
    store.sketchesAfter(indexed, n -> {
      index.add(HASHER.bandKeys(n.sketch().signature()), n.number());
      indexed = n.number();
    });
  }

  @Override
  public void reload() {
    index.clear();
    indexed = 0;
  }

  @Override
  public Optional<DuplicateLink> check(Prepared prepared) {
    if (!(prepared instanceof Sketched(Article article, MinHasher.Sketched sketched))) {
      throw new IllegalArgumentException("the article was prepared by another deduplicator: " + prepared);
    }
    catchUp();
    int[] sig = sketched.signature();
    long textHash = sketched.textHash();
    long[] keys = HASHER.bandKeys(sig);
    Sketch best = null;
    double bestSim = -1;
    boolean bestExact = false;
    for (SketchStore.Numbered n : store.sketches(index.find(keys))) {
      Sketch s = n.sketch();
      if (s.id().equals(article.id())) {
        continue;
      }
      boolean exact = s.textHash() == textHash;
      double sim = exact ? 1.0 : MinHasher.similarity(sig, s.signature());
      if (sim > bestSim || (sim == bestSim && exact && !bestExact)) {
        best = s;
        bestSim = sim;
        bestExact = exact;
      }
    }
    if (best == null || bestSim < THRESHOLD) {
      long number = store.putSketch(new Sketch(article.id(), sig, textHash));
      if (number > indexed) {
        index.add(keys, number);
        indexed = number;
      }
      return Optional.empty();
    }
    ArticleId original = store.duplicateOf(best.id()).map(DuplicateLink::original).orElse(best.id());
    DuplicateLink link = new DuplicateLink(article.id(), original, bestSim, bestExact);
    store.putDuplicate(link);
    return Optional.of(link);
  }
}
