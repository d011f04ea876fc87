package org.crosscheck.cluster;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Numbers terms densely from 0, per field, so that the clusterer works on ints, not strings.
 * Append-only and thread-safe, so that articles can be encoded on the thread that reads them,
 * ahead of the thread that clusters them.
 */
final class Vocabulary {
  /** A numbered term with its share of background articles, looked up once, when it is first seen. */
  private record Term(int id, double share) {}

  private final Map<String, Term>[] ids;
  private final AtomicInteger[] next;

  @SuppressWarnings("unchecked")
  Vocabulary() {
    int n = Field.values().length;
    ids = new Map[n];
    next = new AtomicInteger[n];
    for (int i = 0; i < n; i++) {
      ids[i] = new ConcurrentHashMap<>();
      next[i] = new AtomicInteger();
    }
  }

  /**
   * @return per field (by ordinal) the article's term ids, ascending, with their weights {@code 1 +
   *     ln tf} and their background shares (see {@link DocumentFrequencies})
   */
  TermVector[] encode(ArticleFeatures a) {
    TermVector[] out = new TermVector[Field.values().length];
    for (Field f : Field.values()) {
      Map<String, Integer> counts = a.of(f);
      Map<String, Term> known = ids[f.ordinal()];
      AtomicInteger counter = next[f.ordinal()];
      boolean background = f == Field.BODY || f == Field.LEAD;
      int[] termIds = new int[counts.size()];
      double[] weights = new double[counts.size()];
      double[] shares = new double[counts.size()];
      int i = 0;
      for (var e : counts.entrySet()) {
        Term term = known.get(e.getKey());
        if (term == null) {
          term = known.computeIfAbsent(e.getKey(), k -> new Term(counter.getAndIncrement(),
              background ? Background.share(k, DocumentFrequencies.ARTICLE_WORDS) : 0));
        }
        termIds[i] = term.id();
        weights[i] = 1 + Math.log(e.getValue());
        shares[i] = term.share();
        i++;
      }
      out[f.ordinal()] = sorted(termIds, weights, shares);
    }
    return out;
  }

  /** @return the three arrays as one vector, reordered by ascending term id */
  private static TermVector sorted(int[] ids, double[] weights, double[] shares) {
    int[] order = new int[ids.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    IntArrays.quickSort(order, (x, y) -> Integer.compare(ids[x], ids[y]));
    int[] i2 = new int[ids.length];
    double[] w2 = new double[ids.length];
    double[] s2 = new double[ids.length];
    for (int k = 0; k < order.length; k++) {
      i2[k] = ids[order[k]];
      w2[k] = weights[order[k]];
      s2[k] = shares[order[k]];
    }
    return new TermVector(i2, w2, s2);
  }
}
