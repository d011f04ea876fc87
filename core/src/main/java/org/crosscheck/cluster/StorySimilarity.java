package org.crosscheck.cluster;

import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.time.LocalDate;

/**
 * How strongly an article belongs to a story:
 * {@code 0.25 cos(body) + 0.30 cos(lead) + 0.30 cos(names) + 0.15 cos(numbers)}, each a cosine of
 * TF-IDF unit vectors with the story's centroid, then adjusted for what events of one type share
 * and for time ({@link #adjust}). The weights come from a logistic regression over article pairs of
 * the development data.
 *
 * <p>The adjustments, and what the local news stream of the development data ({@code
 * gva-2013-2015.jsonl}: 1,222 shootings in two years, many a week in one region, and follow-ups
 * up to two years later) taught about them:
 * <ul>
 *   <li>Times {@value #SHARED_YEAR_FACTOR} when the article's lead and the story's leads name a
 *       common year.
 *   <li>Halved when both have names but share almost none (names cosine below {@value
 *       #NAMES_GATE}) and their words are not close either (body cosine below {@value
 *       #GATE_BODY}): two shootings of one week share every topic word, and what tells them apart
 *       is who and where. BCubed F1 on the stream 0.876 to 0.885 in file order; ECB+ and BASIL
 *       unchanged.
 *   <li>Dated within {@value #CLOSE_DAYS} days: raised by {@value #CLOSE_BONUS}. It was 0.1 until
 *       the stream showed it joining different events of one type days apart (at 0.05 BCubed
 *       precision goes from 0.895 to 0.942).
 *   <li>Dated more than {@value #WINDOW_DAYS} days apart (from the nearest day the story is dated):
 *       times {@value #FAR_FACTOR}, unless the later of the two names the month of the earlier
 *       ("charged in the January shooting", "on Sept. 14, 2013"), as the follow-ups of an incident
 *       do (times {@value #REFERRED_FACTOR}). Without far candidates, 42% of the stream's
 *       same-incident pairs, those more than a week apart, could never meet: far candidates with
 *       this rule (at 0.85) and the names adjustment took the stream from 0.866 to 0.904 BCubed F1
 *       and from 0.558 to 0.711 pairwise, while BASIL, whose stories on one person months apart are
 *       different events, stayed at 0.994. At 1.0, once splits stopped moving follow-ups away,
 *       0.917 / 0.776 became 0.920 / 0.783, BASIL 0.997 (0.991 or more shuffled; before that change
 *       1.0 had cost BASIL shuffled 0.02).
 * </ul>
 */
final class StorySimilarity {
  /**
   * Score from which an article joins a story. It was 0.25 until two texts that share no names
   * were halved; at 0.22 BCubed F1 on the development data goes from 0.904 to 0.910 on the local
   * news stream and from 0.942 to 0.947 on ECB+ (0.20 loses precision on the stream: 0.905).
   */
  static final double JOIN = 0.22;
  /**
   * Score from which a second story is taken to be the same event and merged: two stories an
   * article scores this high with began as two reports of one event that did not score high enough
   * with each other (one outlet writes of the victims, another of the suspect). From 0.6 to 0.45,
   * ECB+ shuffled with seed 1 goes from 0.928 to 0.936 BCubed F1 (7 merges) and the other orders
   * gain up to 0.002; the stream and BASIL are unchanged. At 0.4 ECB+ makes 11 merges for no gain.
   * The two stories must also score {@link #JOIN} with each other: without that, articles made of
   * one article's sentences and a few of others (the ingest benchmark's) merged stories in chains,
   * and ingest at 100,000 stored slowed from 2,017 to 1,592 articles a second; with it ECB+ shuffled
   * with seed 1 makes 6 merges (BCubed F1 0.934). At 0.35 ECB+ shuffled with seed 1 reaches 0.937
   * (the stream and BASIL unchanged), but merges chain again on the benchmark's mixed articles:
   * ingest at 100,000 stored falls from 2,434 to 1,110 articles a second.
   */
  static final double MERGE = 0.45;
  /** Per {@link Field} ordinal: body, lead, names, numbers. */
  private static final double[] WEIGHTS = {0.25, 0.30, 0.30, 0.15};
  static final double SHARED_YEAR_FACTOR = 1.6;
  /** Names cosine below which two texts that both have names share none that matter. */
  static final double NAMES_GATE = 0.05;
  /** Body cosine from which texts are close enough without names (a copy, a rewrite). */
  static final double GATE_BODY = 0.3;
  static final double GATE_FACTOR = 0.5;
  /** Days beyond which an article is a follow-up at best. */
  static final long WINDOW_DAYS = 7;
  static final double FAR_FACTOR = 0.5;
  static final double REFERRED_FACTOR = 1.0;
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
      double[] cosines = new double[Field.values().length];
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
        cosines[f.ordinal()] = dot / norm;
      }
      long gap = s.daysFrom(article.day());
      boolean referred = gap > WINDOW_DAYS && refersBack(s);
      return adjust(cosines, article.of(Field.NAMES).size() > 0 && s.norm(Field.NAMES) > 0,
          article.leadYears().intersects(s.leadYears), gap, referred);
    }

    /**
     * @return whether the article names the month of an earlier article of the story, or the
     *     story's articles dated after it name the article's month: either way, one refers to the other
     */
    private boolean refersBack(StoryProfile s) {
      Long day = article.day();
      if (day == null) {
        return false;
      }
      return s.datedIn(article.months(), day)
          || (s.latestDay() > day && s.monthsNamed.contains(epochMonth(day)));
    }
  }

  /**
   * @return how well two stories belong together: the weighted cosines of their centroids, with the
   *     names, year and date adjustments (the date gap is between their nearest days)
   */
  static double between(StoryProfile a, StoryProfile b, DocumentFrequencies df) {
    double[] cosines = new double[Field.values().length];
    for (Field f : Field.values()) {
      double na = a.norm(f);
      double nb = b.norm(f);
      if (na == 0 || nb == 0) {
        continue;
      }
      Int2DoubleOpenHashMap small = a.sums[f.ordinal()];
      Int2DoubleOpenHashMap large = b.sums[f.ordinal()];
      if (small.size() > large.size()) {
        Int2DoubleOpenHashMap t = small;
        small = large;
        large = t;
      }
      double dot = 0;
      for (var e : small.int2DoubleEntrySet()) {
        double other = large.get(e.getIntKey());
        if (other != 0) {
          double idf = df.idf(f, e.getIntKey());
          dot += e.getDoubleValue() * other * idf * idf;
        }
      }
      cosines[f.ordinal()] = dot / (na * nb);
    }
    return adjust(cosines, a.norm(Field.NAMES) > 0 && b.norm(Field.NAMES) > 0, a.leadYears.intersects(b.leadYears),
        a.gapTo(b), false);
  }

  /** @return the epoch day's month counted from January 1970, the encoding of {@link EncodedArticle#months} */
  static int epochMonth(long day) {
    LocalDate d = LocalDate.ofEpochDay(day);
    return epochMonth(d.getYear(), d.getMonthValue());
  }

  /** @return the month (1-12) of the year counted from January 1970 */
  static int epochMonth(int year, int month) {
    return (year - 1970) * 12 + month - 1;
  }

  /** @return the first day of an epoch month ({@link #epochMonth}) */
  static LocalDate firstDay(int epochMonth) {
    return LocalDate.of(1970 + Math.floorDiv(epochMonth, 12), Math.floorMod(epochMonth, 12) + 1, 1);
  }

  /**
   * @param cosines per field ordinal, the cosine of the two sides
   * @param bothNamed whether both sides have names
   * @param sharedYear whether the two leads name a common year
   * @param gap days between the two dates, or -1 when either is unknown
   * @param referred whether the later side names the month of the earlier
   * @return the weighted cosines with the names, year and date adjustments
   */
  static double adjust(double[] cosines, boolean bothNamed, boolean sharedYear, long gap, boolean referred) {
    double score = 0;
    for (Field f : Field.values()) {
      score += WEIGHTS[f.ordinal()] * cosines[f.ordinal()];
    }
    if (bothNamed && cosines[Field.NAMES.ordinal()] < NAMES_GATE && cosines[Field.BODY.ordinal()] < GATE_BODY) {
      score *= GATE_FACTOR;
    }
    if (sharedYear) {
      score *= SHARED_YEAR_FACTOR;
    }
    if (gap > WINDOW_DAYS) {
      score *= referred ? REFERRED_FACTOR : FAR_FACTOR;
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
