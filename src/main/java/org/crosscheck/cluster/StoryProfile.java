package org.crosscheck.cluster;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.crosscheck.model.StoryId;
import org.jspecify.annotations.Nullable;

/**
 * What a story's articles add up to: per field, the sum over its articles of {@code 1 + ln tf} for
 * each term; the years its leads name; its date range. Its unit vectors (the sums weighted by
 * IDF) are cached and rebuilt only after the story changes. Not thread-safe.
 */
final class StoryProfile {
  final StoryId id;
  final EnumMap<Field, Map<String, Double>> sums = new EnumMap<>(Field.class);
  final Set<String> leadYears = new HashSet<>();
  @Nullable Long firstDay;
  @Nullable Long lastDay;
  int articles;
  /** When this story last changed, in articles seen by the clusterer; orders postings by recency. */
  long touched;
  /**
   * Per field, the squared norm of the IDF-weighted sums, kept up to date as articles arrive: each
   * term's contribution uses the IDF of when the term's sum last changed (IDF drifts little), so
   * adding an article costs its own length, not the story's.
   */
  private final double[] normSquares = new double[Field.values().length];

  StoryProfile(StoryId id) {
    this.id = id;
    for (Field f : Field.values()) {
      sums.put(f, new HashMap<>());
    }
  }

  void add(ArticleFeatures a, long now, DocumentFrequencies df) {
    for (Field f : Field.values()) {
      Map<String, Double> sum = sums.get(f);
      int i = f.ordinal();
      a.of(f).forEach((t, n) -> {
        double before = sum.getOrDefault(t, 0.0);
        double after = before + 1 + Math.log(n);
        sum.put(t, after);
        double idf = df.idf(f, t);
        normSquares[i] += (after * after - before * before) * idf * idf;
      });
    }
    leadYears.addAll(a.leadYears());
    if (a.day() != null) {
      firstDay = firstDay == null ? a.day() : Math.min(firstDay, a.day());
      lastDay = lastDay == null ? a.day() : Math.max(lastDay, a.day());
    }
    articles++;
    touched = now;
  }

  void absorb(StoryProfile other, long now, DocumentFrequencies df) {
    for (Field f : Field.values()) {
      Map<String, Double> sum = sums.get(f);
      other.sums.get(f).forEach((t, w) -> sum.merge(t, w, Double::sum));
    }
    leadYears.addAll(other.leadYears);
    if (other.firstDay != null) {
      firstDay = firstDay == null ? other.firstDay : Math.min(firstDay, other.firstDay);
      lastDay = lastDay == null ? other.lastDay : Math.max(lastDay, other.lastDay);
    }
    articles += other.articles;
    touched = now;
    for (Field f : Field.values()) {
      double sq = 0;
      for (var e : sums.get(f).entrySet()) {
        double x = e.getValue() * df.idf(f, e.getKey());
        sq += x * x;
      }
      normSquares[f.ordinal()] = sq;
    }
  }

  /** @return the norm of a field's IDF-weighted sums */
  double norm(Field f) {
    return Math.sqrt(Math.max(0, normSquares[f.ordinal()]));
  }

  /** @return days between the day and this story's date range (0 inside it), or -1 when either is unknown */
  long daysFrom(@Nullable Long day) {
    if (day == null || firstDay == null) {
      return -1;
    }
    return Math.max(0, Math.max(firstDay - day, day - lastDay));
  }
}
