package org.crosscheck.cluster;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** Per field, how many of the articles seen so far contain each term, and the IDF that gives. Not thread-safe. */
final class DocumentFrequencies {
  private final EnumMap<Field, Map<String, Integer>> df = new EnumMap<>(Field.class);
  private long documents;

  DocumentFrequencies() {
    for (Field f : Field.values()) {
      df.put(f, new HashMap<>());
    }
  }

  void add(ArticleFeatures a) {
    documents++;
    for (Field f : Field.values()) {
      Map<String, Integer> m = df.get(f);
      a.of(f).keySet().forEach(t -> m.merge(t, 1, Integer::sum));
    }
  }

  /** @return {@code ln((N + 1) / (df + 1)) + 1} */
  double idf(Field f, String term) {
    return Math.log((documents + 1.0) / (df.get(f).getOrDefault(term, 0) + 1.0)) + 1;
  }
}
