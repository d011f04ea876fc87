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
  /** Per field, the norm of the IDF-weighted sums as of the story's last change; NaN when stale. */
  private final double[] norms = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};

  StoryProfile(StoryId id) {
    this.id = id;
    for (Field f : Field.values()) {
      sums.put(f, new HashMap<>());
    }
  }

  void add(ArticleFeatures a, long now) {
    for (Field f : Field.values()) {
      Map<String, Double> sum = sums.get(f);
      a.of(f).forEach((t, n) -> sum.merge(t, 1 + Math.log(n), Double::sum));
    }
    leadYears.addAll(a.leadYears());
    if (a.day() != null) {
      firstDay = firstDay == null ? a.day() : Math.min(firstDay, a.day());
      lastDay = lastDay == null ? a.day() : Math.max(lastDay, a.day());
    }
    articles++;
    touched = now;
    java.util.Arrays.fill(norms, Double.NaN);
  }

  void absorb(StoryProfile other, long now) {
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
    java.util.Arrays.fill(norms, Double.NaN);
  }

  /** @return the norm of a field's IDF-weighted sums, computed with the IDF of when the story last changed */
  double norm(Field f, DocumentFrequencies df) {
    double n = norms[f.ordinal()];
    if (Double.isNaN(n)) {
      double sum = 0;
      for (var e : sums.get(f).entrySet()) {
        double x = e.getValue() * df.idf(f, e.getKey());
        sum += x * x;
      }
      n = Math.sqrt(sum);
      norms[f.ordinal()] = n;
    }
    return n;
  }

  /** @return days between the day and this story's date range (0 inside it), or -1 when either is unknown */
  long daysFrom(@Nullable Long day) {
    if (day == null || firstDay == null) {
      return -1;
    }
    return Math.max(0, Math.max(firstDay - day, day - lastDay));
  }
}
