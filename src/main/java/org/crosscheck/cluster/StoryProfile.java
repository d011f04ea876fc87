package org.crosscheck.cluster;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.crosscheck.model.StoryId;
import org.jspecify.annotations.Nullable;

/** What a story's articles add up to: summed term counts, names, numbers, and its date range. Not thread-safe. */
final class StoryProfile {
  final StoryId id;
  final Map<String, Integer> terms = new HashMap<>();
  final Map<String, Integer> leadTerms = new HashMap<>();
  final Map<String, Integer> names = new HashMap<>();
  final Map<String, Integer> numbers = new HashMap<>();
  @Nullable LocalDate first;
  @Nullable LocalDate last;
  int articles;
  /** When this story last changed, in the clusterer's article count; orders postings by recency. */
  long touched;
  /** TF-IDF norms of {@link #terms} and {@link #leadTerms}, computed when first needed after a change; -1 when stale. */
  double termsNorm = -1;
  double leadNorm = -1;

  /** Most words kept per story: its highest-weighted ones, so that memory per story stays bounded. */
  static final int MAX_TERMS = Integer.getInteger("cc.MAX_TERMS", 200);

  StoryProfile(StoryId id) {
    this.id = id;
  }

  /**
   * Keeps the {@link #MAX_TERMS} highest-weighted words once there are twice as many.
   *
   * @return the words dropped, for the index to forget
   */
  java.util.List<String> prune(DocumentFrequencies df) {
    if (terms.size() <= 2 * MAX_TERMS) {
      return java.util.List.of();
    }
    java.util.List<Map.Entry<String, Integer>> all = new java.util.ArrayList<>(terms.entrySet());
    all.sort(java.util.Comparator.comparingDouble((Map.Entry<String, Integer> e) ->
        (1 + Math.log(e.getValue())) * df.idf(e.getKey())).reversed());
    java.util.List<String> dropped = new java.util.ArrayList<>();
    for (var e : all.subList(MAX_TERMS, all.size())) {
      dropped.add(e.getKey());
    }
    dropped.forEach(terms::remove);
    termsNorm = -1;
    return dropped;
  }

  void add(ArticleFeatures f, long now) {
    f.terms().forEach((t, n) -> terms.merge(t, n, Integer::sum));
    f.leadTerms().forEach((t, n) -> leadTerms.merge(t, n, Integer::sum));
    f.names().forEach(n -> names.merge(n, 1, Integer::sum));
    f.numbers().forEach(n -> numbers.merge(n, 1, Integer::sum));
    if (f.date() != null) {
      first = first == null || f.date().isBefore(first) ? f.date() : first;
      last = last == null || f.date().isAfter(last) ? f.date() : last;
    }
    articles++;
    touched = now;
    termsNorm = -1;
    leadNorm = -1;
  }

  void absorb(StoryProfile other, long now) {
    other.terms.forEach((t, n) -> terms.merge(t, n, Integer::sum));
    other.leadTerms.forEach((t, n) -> leadTerms.merge(t, n, Integer::sum));
    other.names.forEach((t, n) -> names.merge(t, n, Integer::sum));
    other.numbers.forEach((t, n) -> numbers.merge(t, n, Integer::sum));
    if (other.first != null) {
      first = first == null || other.first.isBefore(first) ? other.first : first;
      last = last == null || other.last.isAfter(last) ? other.last : last;
    }
    articles += other.articles;
    touched = now;
    termsNorm = -1;
    leadNorm = -1;
  }

  /** @return days between the date and this story's date range (0 inside it), or -1 when either is unknown */
  long daysFrom(@Nullable LocalDate date) {
    if (date == null || first == null) {
      return -1;
    }
    if (date.isBefore(first)) {
      return first.toEpochDay() - date.toEpochDay();
    }
    if (date.isAfter(last)) {
      return date.toEpochDay() - last.toEpochDay();
    }
    return 0;
  }
}
