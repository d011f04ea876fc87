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
  private @Nullable EnumMap<Field, Map<String, Double>> vectors;

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
    vectors = null;
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
    vectors = null;
  }

  /** @return the unit vector of a field, IDF-weighted with the IDF of when the story last changed */
  Map<String, Double> vector(Field f, DocumentFrequencies df) {
    if (vectors == null) {
      vectors = new EnumMap<>(Field.class);
      for (Field g : Field.values()) {
        vectors.put(g, StorySimilarity.unit(sums.get(g), g, df));
      }
    }
    return vectors.get(f);
  }

  /** @return days between the day and this story's date range (0 inside it), or -1 when either is unknown */
  long daysFrom(@Nullable Long day) {
    if (day == null || firstDay == null) {
      return -1;
    }
    return Math.max(0, Math.max(firstDay - day, day - lastDay));
  }
}
