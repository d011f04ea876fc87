package org.crosscheck.cluster;

import java.util.HashMap;
import java.util.Map;

/** Document frequencies of words and names over the articles seen so far, and the IDF weights they give. */
final class DocumentFrequencies {
  private final Map<String, Integer> terms = new HashMap<>();
  private final Map<String, Integer> names = new HashMap<>();
  private long documents;

  void add(ArticleFeatures f) {
    documents++;
    f.terms().keySet().forEach(t -> terms.merge(t, 1, Integer::sum));
    f.names().forEach(n -> names.merge(n, 1, Integer::sum));
  }

  /** @return {@code ln((N + 1) / (df + 1)) + 1} for a word */
  double idf(String term) {
    return Math.log((documents + 1.0) / (terms.getOrDefault(term, 0) + 1.0)) + 1;
  }

  /** @return the IDF of a name phrase, by the same formula over name occurrences */
  double idfName(String name) {
    return Math.log((documents + 1.0) / (names.getOrDefault(name, 0) + 1.0)) + 1;
  }
}
