package org.crosscheck.cluster;

import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;

/**
 * How strongly an article belongs to a story:
 * {@code 0.25 cos(body) + 0.30 cos(lead) + 0.30 cos(names) + 0.15 cos(numbers)}, each a cosine of
 * TF-IDF unit vectors with the story's centroid; times 1.6 when the article's lead and the story's
 * leads name a common year; halved when both are dated more than 7 days apart, and raised by 0.05
 * when they are within 3 days. The weights come from a logistic regression over article pairs of
 * the development data. The closeness bonus was 0.1 until the local news stream of the development
 * data ({@code gva-2013-2015.jsonl}: many shootings a week, in one region) showed it joining
 * different events of one type that happened days apart: at 0.05 its BCubed precision goes from
 * 0.895 to 0.942 and F1 from 0.851 to 0.865, BASIL from 0.993 to 0.994, ECB+ unchanged; at 0 the
 * stream loses recall (0.857) and BASIL falls to 0.987.
 */
final class StorySimilarity {
  /** Score from which an article joins a story. */
  static final double JOIN = 0.25;
  /**
   * Score from which a second story is taken to be the same event and merged. Two stories that an
   * article scores this high with were split by the candidate bounds or the date window, not by
   * their content. On the development data in file order any value from 0.5 to 0.9 gives the same
   * stories (no merges); from 0.4 different events start to merge. ECB+ shuffled with seed 1 makes
   * one merge at 0.6 (BCubed F1 0.882 against 0.881 at 0.9).
   */
  static final double MERGE = 0.6;
  /** Per {@link Field} ordinal: body, lead, names, numbers. */
  private static final double[] WEIGHTS = {0.25, 0.30, 0.30, 0.15};
  static final double SHARED_YEAR_FACTOR = 1.6;
  /** Stories dated further than this from an article are not candidates (and would be halved). */
  static final long WINDOW_DAYS = 7;
  static final double FAR_FACTOR = 0.5;
  static final long CLOSE_DAYS = 3;
  static final double CLOSE_BONUS = 0.05;

  /** An article's unit vectors, computed once and compared with every candidate story. */
  static final class Query {
    final EncodedArticle article;
    /** Per field ordinal, the IDF of each of the article's terms. */
    final double[][] idf;
    /** Per field ordinal, each term's weight in the article's unit vector times its IDF (the story side's IDF). */
    final double[][] weights = new double[Field.values().length][];

    Query(EncodedArticle a, double[][] idfs) {
      this.article = a;
      this.idf = idfs;
      for (Field f : Field.values()) {
        TermVector v = a.of(f);
        double[] idf = idfs[f.ordinal()];
        double[] w = new double[v.size()];
        double sum = 0;
        for (int i = 0; i < v.size(); i++) {
          w[i] = v.weights()[i] * idf[i];
          sum += w[i] * w[i];
        }
        double norm = sum == 0 ? 1 : Math.sqrt(sum);
        for (int i = 0; i < w.length; i++) {
          w[i] = w[i] / norm * idf[i];
        }
        weights[f.ordinal()] = w;
      }
    }

    double score(StoryProfile s) {
      double score = 0;
      for (Field f : Field.values()) {
        double norm = s.norm(f);
        if (norm == 0) {
          continue;
        }
        Int2DoubleOpenHashMap sums = s.sums[f.ordinal()];
        int[] ids = article.of(f).ids();
        double[] w = weights[f.ordinal()];
        double dot = 0;
        for (int i = 0; i < ids.length; i++) {
          dot += w[i] * sums.get(ids[i]);
        }
        score += WEIGHTS[f.ordinal()] * dot / norm;
      }
      return adjust(score, article.leadYears().intersects(s.leadYears), s.daysFrom(article.day()));
    }
  }

  /** @return the weight of a field's cosine in the score */
  static double weight(Field f) {
    return WEIGHTS[f.ordinal()];
  }

  /**
   * @param score the weighted sum of the fields' cosines
   * @param sharedYear whether the two leads name a common year
   * @param gap days between the two dates, or -1 when either is unknown
   * @return the score with the year and date adjustments
   */
  static double adjust(double score, boolean sharedYear, long gap) {
    if (sharedYear) {
      score *= SHARED_YEAR_FACTOR;
    }
    if (gap > WINDOW_DAYS) {
      score *= FAR_FACTOR;
    } else if (gap >= 0 && gap <= CLOSE_DAYS) {
      score += CLOSE_BONUS;
    }
    return score;
  }

  /**
   * @param a the article
   * @param idf per field ordinal, the IDF of each of its terms ({@link DocumentFrequencies#idf(EncodedArticle)})
   * @return the article ready to be scored against stories
   */
  Query query(EncodedArticle a, double[][] idf) {
    return new Query(a, idf);
  }
}
