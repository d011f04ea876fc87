package org.crosscheck.cluster;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How strongly an article belongs to a story: a weighted sum of the cosine of their TF-IDF word
 * vectors, the cosine of their headline-and-lead vectors, and the share of the article's
 * (IDF-weighted) names found in the story, damped when both carry dates far apart.
 */
final class StorySimilarity {
  /** Prefix that keeps names apart from words in the index. */
  static final String NAME = "\u0001";
  /** Score from which an article joins a story. */
  static final double JOIN = Double.parseDouble(System.getProperty("cc.JOIN", "0.25"));
  /** Score from which a second story is taken to be the same event and merged. */
  static final double MERGE = Double.parseDouble(System.getProperty("cc.MERGE", "0.55"));
  static final double W_BODY = Double.parseDouble(System.getProperty("cc.W_BODY", "0.45"));
  static final double W_LEAD = Double.parseDouble(System.getProperty("cc.W_LEAD", "0.20"));
  static final double W_NAMES = Double.parseDouble(System.getProperty("cc.W_NAMES", "0.35"));
  /** Days apart within which dates do not count against a match. */
  static final long SAME_EVENT_DAYS = 3;
  /** Added to the score of an article dated within {@link #SAME_EVENT_DAYS} of a story, less with each day. */
  static final double DATE_BONUS = Double.parseDouble(System.getProperty("cc.DATE_BONUS", "0.1"));
  /** Beyond that, the score falls by a factor e every this many days. */
  static final double DECAY_DAYS = Double.parseDouble(System.getProperty("cc.DECAY_DAYS", "7"));

  private final DocumentFrequencies df;

  StorySimilarity(DocumentFrequencies df) {
    this.df = df;
  }

  /** An article's weights, computed once and compared with every candidate story. */
  final class Query {
    double score(StoryProfile s) {
      return StorySimilarity.this.score(this, s);
    }

    final ArticleFeatures features;
    final Map<String, Double> terms;
    final Map<String, Double> idf = new java.util.HashMap<>();
    final double termsNorm;
    final Map<String, Double> lead;
    final double leadNorm;
    final Map<String, Double> names;
    final double namesTotal;

    Query(ArticleFeatures f) {
      this.features = f;
      f.terms().keySet().forEach(t -> idf.put(t, df.idf(t)));
      f.leadTerms().keySet().forEach(t -> idf.computeIfAbsent(t, df::idf));
      this.terms = weights(f.terms(), idf);
      this.termsNorm = norm(terms);
      this.lead = weights(f.leadTerms(), idf);
      this.leadNorm = norm(lead);
      Map<String, Double> n = new java.util.HashMap<>();
      double total = 0;
      for (String name : f.names()) {
        double w = df.idfName(name);
        n.put(name, w);
        total += w;
      }
      this.names = n;
      this.namesTotal = total;
    }
  }

  Query query(ArticleFeatures f) {
    return new Query(f);
  }

  double score(Query q, StoryProfile s) {
    if (s.termsNorm < 0) {
      s.termsNorm = norm(weights(s.terms, null));
      s.leadNorm = norm(weights(s.leadTerms, null));
    }
    double body = cosine(q.terms, q.termsNorm, s.terms, s.termsNorm, q.idf);
    double lead = cosine(q.lead, q.leadNorm, s.leadTerms, s.leadNorm, q.idf);
    double shared = 0;
    for (var e : q.names.entrySet()) {
      if (s.names.containsKey(e.getKey())) {
        shared += e.getValue();
      }
    }
    double names = q.namesTotal == 0 ? 0 : shared / q.namesTotal;
    double score = W_BODY * body + W_LEAD * lead + W_NAMES * names;
    long gap = s.daysFrom(q.features.date());
    if (gap >= 0 && gap <= SAME_EVENT_DAYS) {
      score += DATE_BONUS * (1 - (double) gap / (SAME_EVENT_DAYS + 1));
    }
    if (gap > SAME_EVENT_DAYS) {
      score *= Math.exp(-(gap - SAME_EVENT_DAYS) / DECAY_DAYS);
    }
    return score;
  }

  /** @param known IDF values already looked up, or {@code null} */
  private Map<String, Double> weights(Map<String, Integer> counts, @Nullable Map<String, Double> known) {
    Map<String, Double> w = new java.util.HashMap<>(counts.size() * 2);
    counts.forEach((t, n) -> w.put(t, (1 + Math.log(n)) * (known != null ? known.get(t) : df.idf(t))));
    return w;
  }

  /**
   * Cosine of the article's weights with a story's counts weighted by the current IDF; the
   * story's norm is cached by the story (computed with the IDF of when it last changed, which
   * drifts little).
   */
  private double cosine(Map<String, Double> a, double aNorm, Map<String, Integer> b, double bNorm,
      Map<String, Double> idf) {
    if (aNorm == 0 || bNorm == 0) {
      return 0;
    }
    double dot = 0;
    for (var e : a.entrySet()) {
      Integer nb = b.get(e.getKey());
      if (nb != null) {
        dot += e.getValue() * (1 + Math.log(nb)) * idf.get(e.getKey());
      }
    }
    return Math.min(1, dot / (aNorm * bNorm));
  }

  private static double norm(Map<String, Double> w) {
    double sum = 0;
    for (double v : w.values()) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }
}
