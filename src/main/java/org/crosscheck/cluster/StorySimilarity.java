package org.crosscheck.cluster;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * How strongly an article belongs to a story:
 * {@code 0.25 cos(body) + 0.30 cos(lead) + 0.30 cos(names) + 0.15 cos(numbers)}, each a cosine of
 * TF-IDF unit vectors with the story's centroid; times 1.6 when the article's lead and the story's
 * leads name a common year; halved when both are dated more than 7 days apart, and raised by 0.1
 * when they are within 3 days. The weights come from a logistic regression over article pairs of
 * the development data.
 */
final class StorySimilarity {
  /** Score from which an article joins a story. */
  static final double JOIN = 0.25;
  /** Score from which a second story is taken to be the same event and merged. */
  static final double MERGE = 0.9;
  private static final EnumMap<Field, Double> WEIGHTS = new EnumMap<>(Map.of(
      Field.BODY, 0.25, Field.LEAD, 0.30, Field.NAMES, 0.30, Field.NUMS, 0.15));
  static final double SHARED_YEAR_FACTOR = 1.6;
  /** Stories dated further than this from an article are not candidates (and would be halved). */
  static final long WINDOW_DAYS = 7;
  static final double FAR_FACTOR = 0.5;
  static final long CLOSE_DAYS = 3;
  static final double CLOSE_BONUS = 0.1;

  private final DocumentFrequencies df;

  StorySimilarity(DocumentFrequencies df) {
    this.df = df;
  }

  /** An article's unit vectors, computed once and compared with every candidate story. */
  final class Query {
    final ArticleFeatures features;
    /** Per field, each term's weight in the article's unit vector times its IDF (the story side's IDF). */
    final EnumMap<Field, Map<String, Double>> weights = new EnumMap<>(Field.class);

    Query(ArticleFeatures a) {
      this.features = a;
      for (Field f : Field.values()) {
        Map<String, Double> tf = new HashMap<>();
        Map<String, Double> idf = new HashMap<>();
        a.of(f).forEach((t, n) -> {
          tf.put(t, 1 + Math.log(n));
          idf.put(t, df.idf(f, t));
        });
        Map<String, Double> v = unit(tf, f, df);
        v.replaceAll((t, x) -> x * idf.get(t));
        weights.put(f, v);
      }
    }

    double score(StoryProfile s) {
      double score = 0;
      for (Field f : Field.values()) {
        double norm = s.norm(f);
        if (norm == 0) {
          continue;
        }
        Map<String, Double> sums = s.sums.get(f);
        double dot = 0;
        for (var e : weights.get(f).entrySet()) {
          Double w = sums.get(e.getKey());
          if (w != null) {
            dot += e.getValue() * w;
          }
        }
        score += WEIGHTS.get(f) * dot / norm;
      }
      if (!features.leadYears().isEmpty() && !s.leadYears.isEmpty()
          && features.leadYears().stream().anyMatch(s.leadYears::contains)) {
        score *= SHARED_YEAR_FACTOR;
      }
      long gap = s.daysFrom(features.day());
      if (gap > WINDOW_DAYS) {
        score *= FAR_FACTOR;
      } else if (gap >= 0 && gap <= CLOSE_DAYS) {
        score += CLOSE_BONUS;
      }
      return score;
    }
  }

  Query query(ArticleFeatures a) {
    return new Query(a);
  }

  /** @return the weights times the field's IDF, scaled to length 1 */
  static Map<String, Double> unit(Map<String, Double> weights, Field f, DocumentFrequencies df) {
    Map<String, Double> v = new HashMap<>(weights.size() * 2);
    double sum = 0;
    for (var e : weights.entrySet()) {
      double x = e.getValue() * df.idf(f, e.getKey());
      v.put(e.getKey(), x);
      sum += x * x;
    }
    double norm = sum == 0 ? 1 : Math.sqrt(sum);
    v.replaceAll((t, x) -> x / norm);
    return v;
  }

}
