package org.crosscheck.cluster;

import java.util.Map;

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

  double score(ArticleFeatures f, StoryProfile s) {
    if (s.termsNorm < 0) {
      s.termsNorm = norm(s.terms);
      s.leadNorm = norm(s.leadTerms);
    }
    double body = cosine(f.terms(), s.terms, s.termsNorm);
    double lead = cosine(f.leadTerms(), s.leadTerms, s.leadNorm);
    double names = names(f, s);
    double score = W_BODY * body + W_LEAD * lead + W_NAMES * names;
    long gap = s.daysFrom(f.date());
    if (gap >= 0 && gap <= SAME_EVENT_DAYS) {
      score += DATE_BONUS * (1 - (double) gap / (SAME_EVENT_DAYS + 1));
    }
    if (gap > SAME_EVENT_DAYS) {
      score *= Math.exp(-(gap - SAME_EVENT_DAYS) / DECAY_DAYS);
    }
    return score;
  }

  private double names(ArticleFeatures f, StoryProfile s) {
    double total = 0;
    double shared = 0;
    for (String n : f.names()) {
      double w = df.idfName(n);
      total += w;
      if (s.names.containsKey(n)) {
        shared += w;
      }
    }
    return total == 0 ? 0 : shared / total;
  }

  /**
   * @param bNorm the TF-IDF norm of {@code b}, cached by its story (computed with the IDF of when
   *     the story last changed, which drifts little)
   */
  private double cosine(Map<String, Integer> a, Map<String, Integer> b, double bNorm) {
    double dot = 0;
    double na = 0;
    for (var e : a.entrySet()) {
      double idf = df.idf(e.getKey());
      double wa = (1 + Math.log(e.getValue())) * idf;
      na += wa * wa;
      Integer nb = b.get(e.getKey());
      if (nb != null) {
        dot += wa * (1 + Math.log(nb)) * idf;
      }
    }
    if (dot == 0 || bNorm == 0) {
      return 0;
    }
    return Math.min(1, dot / (Math.sqrt(na) * bNorm));
  }

  private double norm(Map<String, Integer> b) {
    double sum = 0;
    for (var e : b.entrySet()) {
      double wb = (1 + Math.log(e.getValue())) * df.idf(e.getKey());
      sum += wb * wb;
    }
    return Math.sqrt(sum);
  }
}
