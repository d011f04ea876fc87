package org.crosscheck.cluster;

import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.jspecify.annotations.Nullable;

/**
 * What a story's articles add up to: per field, the sum over its articles of {@code 1 + ln tf} for
 * each term id; the years its leads name and the months its articles name; the days its articles are dated.
 * Not thread-safe.
 */
final class StoryProfile {
  final StoryId id;
  /** The story's number, its key in the clusterer's map of stories. */
  final int key;
  /** The story's place in the clusterer's dense table of active stories, used in postings. */
  final int slot;
  /** Per field ordinal, term id to summed weight. */
  final Int2DoubleOpenHashMap[] sums = new Int2DoubleOpenHashMap[Field.values().length];
  YearSet leadYears = YearSet.EMPTY;
  /** The epoch months its articles name ({@link EncodedArticle#months}). */
  final it.unimi.dsi.fastutil.ints.IntOpenHashSet monthsNamed = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
  /**
   * The last of {@link #days}, or {@link Long#MIN_VALUE} when none: kept beside them so that the
   * common case, an article dated after the story's last day, reads no array (a cache miss for
   * each of the thirty stories an article is scored against).
   */
  private long latest = Long.MIN_VALUE;
  /**
   * The distinct days its articles are dated: an article is measured against the nearest of them,
   * not against the whole range, so that a story with one article in January and one in December
   * does not take in everything dated between.
   */
  private final it.unimi.dsi.fastutil.longs.LongArrayList days = new it.unimi.dsi.fastutil.longs.LongArrayList(2);
  int articles;
  /** When this story last changed, in articles seen by the clusterer; orders postings by recency. */
  long touched;
  /**
   * Per field, the squared norm of the IDF-weighted sums, kept up to date as articles arrive: each
   * term's contribution uses the IDF of when the term's sum last changed (IDF drifts little), so
   * adding an article costs its own length, not the story's.
   */
  private final double[] normSquares = new double[Field.values().length];

  StoryProfile(StoryId id, int slot) {
    this.id = id;
    this.slot = slot;
    this.key = Math.toIntExact(id.number());
    for (int i = 0; i < sums.length; i++) {
      sums[i] = new Int2DoubleOpenHashMap();
    }
  }

  /**
   * The story's articles for {@link StorySplitter}; {@code null} once the story has grown past
   * {@link StorySplitter#MAX_MEMBERS}.
   */
  StorySplitter.@Nullable Members members = new StorySplitter.Members();

  /**
   * @param article the article's id
   * @param idf per field ordinal, the current IDF of each of the article's terms
   */
  void add(ArticleId article, EncodedArticle a, double[][] idf, long now) {
    if (members != null) {
      if (members.size() < StorySplitter.MAX_MEMBERS) {
        members.add(StorySplitter.Member.of(article, a, idf));
      } else {
        members = null;
      }
    }
    for (Field f : Field.values()) {
      Int2DoubleOpenHashMap sum = sums[f.ordinal()];
      TermVector v = a.of(f);
      double[] termIdf = idf[f.ordinal()];
      double sq = 0;
      for (int i = 0; i < v.size(); i++) {
        double w = v.weights()[i];
        double before = sum.addTo(v.ids()[i], w);
        double after = before + w;
        sq += (after * after - before * before) * termIdf[i] * termIdf[i];
      }
      normSquares[f.ordinal()] += sq;
    }
    leadYears = leadYears.union(a.leadYears());
    for (int m : a.months()) {
      monthsNamed.add(m);
    }
    if (a.day() != null) {
      addDay(a.day());
    }
    articles++;
    touched = now;
  }

  /** Empties the story, to be filled again with a part of its articles. */
  void clear() {
    for (Int2DoubleOpenHashMap sum : sums) {
      sum.clear();
    }
    java.util.Arrays.fill(normSquares, 0);
    leadYears = YearSet.EMPTY;
    monthsNamed.clear();
    days.clear();
    latest = Long.MIN_VALUE;
    articles = 0;
    members = new StorySplitter.Members();
  }

  void absorb(StoryProfile other, long now, DocumentFrequencies df) {
    if (members != null && other.members != null
        && members.size() + other.members.size() <= StorySplitter.MAX_MEMBERS) {
      other.members.all().forEach(members::add);
    } else {
      members = null;
    }
    for (Field f : Field.values()) {
      Int2DoubleOpenHashMap sum = sums[f.ordinal()];
      for (Int2DoubleMap.Entry e : other.sums[f.ordinal()].int2DoubleEntrySet()) {
        sum.addTo(e.getIntKey(), e.getDoubleValue());
      }
      double sq = 0;
      for (Int2DoubleMap.Entry e : sum.int2DoubleEntrySet()) {
        double x = e.getDoubleValue() * df.idf(f, e.getIntKey());
        sq += x * x;
      }
      normSquares[f.ordinal()] = sq;
    }
    leadYears = leadYears.union(other.leadYears);
    monthsNamed.addAll(other.monthsNamed);
    other.days.forEach(this::addDay);
    articles += other.articles;
    touched = now;
  }

  /** @return the norm of a field's IDF-weighted sums */
  double norm(Field f) {
    return Math.sqrt(Math.max(0, normSquares[f.ordinal()]));
  }

  /** @return the last day an article of this story is dated, or {@link Long#MIN_VALUE} when none is */
  long latestDay() {
    return latest;
  }

  /** @return days between the day and the nearest day an article of this story is dated, or -1 when either is unknown */
  long daysFrom(@Nullable Long day) {
    if (day == null || latest == Long.MIN_VALUE) {
      return -1;
    }
    // news mostly arrives after a story's last day: no search through the array
    if (day >= latest) {
      return day - latest;
    }
    int at = java.util.Arrays.binarySearch(days.elements(), 0, days.size(), day);
    if (at >= 0) {
      return 0;
    }
    int next = -at - 1;
    long after = next < days.size() ? days.getLong(next) - day : Long.MAX_VALUE;
    long sinceBefore = next > 0 ? day - days.getLong(next - 1) : Long.MAX_VALUE;
    return Math.min(after, sinceBefore);
  }

  /** @return days between the nearest days of the two stories, or -1 when either is undated */
  long gapTo(StoryProfile other) {
    if (latest == Long.MIN_VALUE || other.latest == Long.MIN_VALUE) {
      return -1;
    }
    long best = Long.MAX_VALUE;
    for (int i = 0; i < days.size() && best > 0; i++) {
      best = Math.min(best, other.daysFrom(days.getLong(i)));
    }
    return best;
  }

  /**
   * @param months ascending epoch months
   * @param before an epoch day
   * @return whether an article of this story is dated in one of the months, before the day
   */
  boolean datedIn(int[] months, long before) {
    for (int m : months) {
      java.time.LocalDate first = StorySimilarity.firstDay(m);
      long from = first.toEpochDay();
      long to = Math.min(first.plusMonths(1).toEpochDay(), before);
      int at = java.util.Arrays.binarySearch(days.elements(), 0, days.size(), from);
      int next = at >= 0 ? at : -at - 1;
      if (next < days.size() && days.getLong(next) < to) {
        return true;
      }
    }
    return false;
  }

  /** Keeps the distinct days sorted: a sorted array of longs, which for news mostly grows at its end. */
  private void addDay(long day) {
    int at = java.util.Arrays.binarySearch(days.elements(), 0, days.size(), day);
    if (at < 0) {
      days.add(-at - 1, day);
    }
    latest = Math.max(latest, day);
  }
}
