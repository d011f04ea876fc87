package org.crosscheck.cluster;

import java.util.ArrayList;
import java.util.List;
import org.crosscheck.model.ArticleId;
import org.jspecify.annotations.Nullable;

/**
 * Finds a story that holds two events. An online clusterer decides each article once; when an
 * article of a second event joins a story on the words and the main name the two events share,
 * later articles of that event follow it in. Each time a story of {@link #MIN_ARTICLES} to {@link
 * #MAX_MEMBERS} articles grows, its articles are compared pairwise and grouped in two by average
 * linkage; the story is split when the two groups, each of {@link #MIN_GROUP} articles or more,
 * score below {@link #BETWEEN} with each other on average (about what it takes an article to join
 * a story) and each group holds together at least {@link #COHESION} times as well as the two do.
 *
 * <p>The group that would leave must be dated within {@link StorySimilarity#WINDOW_DAYS} days: a
 * second event is reported in a burst, and a group spread over weeks is the first event's
 * follow-ups (the arrest, the charges, the trial), which score low with its first reports for being
 * far in time, not for being about something else. On the local news stream of the development
 * data 6 of the 8 splits had moved such follow-ups away from their incident; with the rule, BCubed
 * F1 there goes from 0.912 to 0.917 and pairwise F1 from 0.740 to 0.776, and every split on BASIL
 * (bursts of three reports) stays.
 *
 * <p>Pairs score like an article against a story: the weighted cosines of the four fields, with
 * the same names, year and date adjustments ({@link StorySimilarity#adjust}). A story past {@link #MAX_MEMBERS}
 * articles is no longer checked, which bounds the cost and memory per story.
 */
final class StorySplitter {
  /** Fewest articles in each of the two groups: two articles alone are too few to call an event. */
  static final int MIN_GROUP = 3;
  /** Smallest story checked: two groups of {@link #MIN_GROUP}. */
  static final int MIN_ARTICLES = 2 * MIN_GROUP;
  /** Largest story checked; past it a story keeps no per-article vectors. */
  static final int MAX_MEMBERS = 32;
  /** How much better each group must hold together than the two groups hold to each other. */
  static final double COHESION = 1.5;
  /**
   * Highest average score between the two groups for a split: a little above {@link
   * StorySimilarity#JOIN}, since a story's articles score each other lower than an article scores
   * a story. On the development data any value from 0.27 to 0.33 gives BCubed F1 within 0.005.
   */
  static final double BETWEEN = 0.30;

  private StorySplitter() {}

  /**
   * One article of a story as compared pairwise, kept compact: per field, its term ids
   * (ascending), their weights {@code 1 + ln tf}, and the matching values of its TF-IDF unit vector.
   */
  record Member(ArticleId article, int[][] ids, float[][] weights, float[][] unit, YearSet leadYears,
      @Nullable Long day, int[] months) {
    static Member of(ArticleId article, EncodedArticle a, double[][] idf) {
      int n = Field.values().length;
      int[][] ids = new int[n][];
      float[][] weights = new float[n][];
      float[][] unit = new float[n][];
      for (Field f : Field.values()) {
        double[] w = a.of(f).weights();
        double[] termIdf = idf[f.ordinal()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
          sum += w[i] * termIdf[i] * w[i] * termIdf[i];
        }
        double norm = sum == 0 ? 1 : Math.sqrt(sum);
        float[] u = new float[w.length];
        float[] fw = new float[w.length];
        for (int i = 0; i < w.length; i++) {
          u[i] = (float) (w[i] * termIdf[i] / norm);
          fw[i] = (float) w[i];
        }
        ids[f.ordinal()] = a.of(f).ids();
        weights[f.ordinal()] = fw;
        unit[f.ordinal()] = u;
      }
      return new Member(article, ids, weights, unit, a.leadYears(), a.day(), a.months());
    }

    /** @return the article's encoded form again (without background shares, which only counting needs) */
    EncodedArticle encoded() {
      TermVector[] fields = new TermVector[ids.length];
      for (int f = 0; f < ids.length; f++) {
        double[] w = new double[ids[f].length];
        for (int i = 0; i < w.length; i++) {
          w[i] = weights[f][i];
        }
        fields[f] = new TermVector(ids[f], w, new double[w.length]);
      }
      return new EncodedArticle(fields, leadYears, day, months);
    }
  }

  /** @return how well two articles belong together, on the scale of {@link StorySimilarity} */
  static double similarity(Member a, Member b) {
    double[] cosines = new double[Field.values().length];
    for (Field f : Field.values()) {
      int k = f.ordinal();
      cosines[k] = dot(a.ids[k], a.unit[k], b.ids[k], b.unit[k]);
    }
    int names = Field.NAMES.ordinal();
    long gap = gap(a.day, b.day);
    boolean referred = gap > StorySimilarity.WINDOW_DAYS
        && (a.day < b.day ? refers(b, a) : refers(a, b));
    return StorySimilarity.adjust(cosines, a.ids[names].length > 0 && b.ids[names].length > 0,
        a.leadYears.intersects(b.leadYears), gap, referred);
  }

  /** @return whether the later article names the month of the earlier */
  private static boolean refers(Member later, Member earlier) {
    return java.util.Arrays.binarySearch(later.months, StorySimilarity.epochMonth(earlier.day)) >= 0;
  }

  private static long gap(@Nullable Long a, @Nullable Long b) {
    return a == null || b == null ? -1 : Math.abs(a - b);
  }

  private static double dot(int[] ids1, float[] v1, int[] ids2, float[] v2) {
    double dot = 0;
    int i = 0;
    int j = 0;
    while (i < ids1.length && j < ids2.length) {
      int c = Integer.compare(ids1[i], ids2[j]);
      if (c == 0) {
        dot += v1[i++] * v2[j++];
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return dot;
  }

  /** A story's articles with their pairwise scores, grown one article at a time. Not thread-safe. */
  static final class Members {
    private final List<Member> members = new ArrayList<>();
    /** Pairwise scores, row by row: row {@code i} holds the scores of article {@code i} with articles {@code 0..i-1}. */
    private final List<float[]> scores = new ArrayList<>();

    void add(Member m) {
      float[] row = new float[members.size()];
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) similarity(m, members.get(j));
      }
      members.add(m);
      scores.add(row);
    }

    int size() {
      return members.size();
    }

    Member get(int i) {
      return members.get(i);
    }

    List<Member> all() {
      return members;
    }

    double score(int i, int j) {
      return i > j ? scores.get(i)[j] : scores.get(j)[i];
    }
  }

  /**
   * @param m a story's articles
   * @return for each article, whether it leaves the story (the group without the story's first
   *     article), or {@code null} to keep the story whole
   */
  static boolean @Nullable [] split(Members m) {
    int n = m.size();
    if (n < MIN_ARTICLES) {
      return null;
    }
    // average linkage down to two groups: sum[i][j] is the total score between groups i and j
    double[][] sum = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        sum[i][j] = sum[j][i] = m.score(i, j);
      }
    }
    int[] group = new int[n];
    int[] size = new int[n];
    boolean[] alive = new boolean[n];
    for (int i = 0; i < n; i++) {
      group[i] = i;
      size[i] = 1;
      alive[i] = true;
    }
    for (int groups = n; groups > 2; groups--) {
      int bi = -1;
      int bj = -1;
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (!alive[i]) {
          continue;
        }
        for (int j = i + 1; j < n; j++) {
          if (alive[j]) {
            double avg = sum[i][j] / ((double) size[i] * size[j]);
            if (avg > best) {
              best = avg;
              bi = i;
              bj = j;
            }
          }
        }
      }
      // fold group bj into bi
      double within = sum[bi][bi] + sum[bj][bj] + sum[bi][bj];
      for (int k = 0; k < n; k++) {
        if (alive[k] && k != bi && k != bj) {
          sum[bi][k] += sum[bj][k];
          sum[k][bi] = sum[bi][k];
        }
      }
      sum[bi][bi] = within;
      size[bi] += size[bj];
      alive[bj] = false;
      for (int k = 0; k < n; k++) {
        if (group[k] == bj) {
          group[k] = bi;
        }
      }
    }
    int a = group[0];
    int b = -1;
    for (int k = 0; k < n; k++) {
      if (group[k] != a) {
        b = group[k];
        break;
      }
    }
    if (b < 0 || size[a] < MIN_GROUP || size[b] < MIN_GROUP) {
      return null;
    }
    double between = sum[a][b] / ((double) size[a] * size[b]);
    double withinA = sum[a][a] / (size[a] * (size[a] - 1) / 2.0);
    double withinB = sum[b][b] / (size[b] * (size[b] - 1) / 2.0);
    if (between >= BETWEEN || Math.min(withinA, withinB) <= COHESION * between) {
      return null;
    }
    boolean[] leaves = new boolean[n];
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int k = 0; k < n; k++) {
      leaves[k] = group[k] == b;
      Long day = m.get(k).day();
      if (leaves[k] && day != null) {
        first = Math.min(first, day);
        last = Math.max(last, day);
      }
    }
    if (first != Long.MAX_VALUE && last - first > StorySimilarity.WINDOW_DAYS) {
      return null; // follow-ups of the story's event, not a second event: see the class comment
    }
    return leaves;
  }
}
