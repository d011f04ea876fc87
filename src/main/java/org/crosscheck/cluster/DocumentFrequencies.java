package org.crosscheck.cluster;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Map;

/**
 * Per field, the terms seen so far, numbered densely from 0, and how many of the articles seen so
 * far contain each: the clusterer works on these numbers, not on strings. Every field also counts
 * {@link #PRIOR_DOCS} background articles: {@code idf = ln((N + B + 1) / (df + B p + 1)) + 1}
 * with {@code p} the share of background articles holding the term, from {@link Background} for
 * the words of body and lead, and 0 for names and numbers (the background has no names), which
 * makes any name rare until the store has seen it often. Not thread-safe.
 */
final class DocumentFrequencies {
  private final Object2IntOpenHashMap<String>[] ids;
  private final IntArrayList[] df;
  /** Per field, each term's expected document frequency in the background corpus, as a share of articles. */
  private final DoubleArrayList[] prior;
  private long documents;
  /**
   * How many articles the background counts as: its weight against the articles seen. Fitted on
   * the development data (1,000 to 10,000 give BCubed F1 within 0.003 of each other).
   */
  static final double PRIOR_DOCS = 3000;
  /** Content words of a typical article, to turn background word frequencies into document frequencies. */
  static final double ARTICLE_WORDS = 300;

  @SuppressWarnings("unchecked")
  DocumentFrequencies() {
    int n = Field.values().length;
    ids = new Object2IntOpenHashMap[n];
    df = new IntArrayList[n];
    prior = new DoubleArrayList[n];
    for (int i = 0; i < n; i++) {
      ids[i] = new Object2IntOpenHashMap<>();
      ids[i].defaultReturnValue(-1);
      df[i] = new IntArrayList();
      prior[i] = new DoubleArrayList();
    }
  }

  /**
   * Numbers an article's terms, counts the article in the frequencies, and returns its vectors.
   *
   * @return per field (by ordinal) the article's term ids with their weights {@code 1 + ln tf}
   */
  TermVector[] add(ArticleFeatures a) {
    documents++;
    TermVector[] out = new TermVector[Field.values().length];
    for (Field f : Field.values()) {
      Map<String, Integer> counts = a.of(f);
      int[] termIds = new int[counts.size()];
      double[] weights = new double[counts.size()];
      int i = 0;
      Object2IntOpenHashMap<String> known = ids[f.ordinal()];
      IntArrayList freq = df[f.ordinal()];
      for (var e : counts.entrySet()) {
        int id = known.getInt(e.getKey());
        if (id < 0) {
          id = freq.size();
          known.put(e.getKey(), id);
          freq.add(0);
          prior[f.ordinal()].add(f == Field.BODY || f == Field.LEAD ? Background.share(e.getKey(), ARTICLE_WORDS) : 0);
        }
        freq.set(id, freq.getInt(id) + 1);
        termIds[i] = id;
        weights[i] = 1 + Math.log(e.getValue());
        i++;
      }
      out[f.ordinal()] = new TermVector(termIds, weights);
    }
    return out;
  }

  /** @return {@code ln((N + 1) / (df + 1)) + 1} of a term id of the field */
  double idf(Field f, int term) {
    return Math.log((documents + PRIOR_DOCS + 1.0)
        / (df[f.ordinal()].getInt(term) + PRIOR_DOCS * prior[f.ordinal()].getDouble(term) + 1.0)) + 1;
  }

  /** @return how many terms of the field have been seen */
  int terms(Field f) {
    return df[f.ordinal()].size();
  }
}
