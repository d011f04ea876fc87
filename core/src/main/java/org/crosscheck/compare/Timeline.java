package org.crosscheck.compare;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.crosscheck.analysis.Analysis;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.TextSpan;
import org.jspecify.annotations.Nullable;

/**
 * The dated events of a story, in order: every time expression that names a day, a month or a
 * year, with the sentence it dates, gathered by date across the story's articles. Relative
 * expressions ("Saturday", "December last year") arrive resolved against their article's
 * publication date; in an article without one they were resolved against a date inferred from
 * the story, and their entries say so. Stateless.
 */
public final class Timeline {
  /** Values that date something: a year, a month, a day (with an optional time). */
  private static final Pattern DATED = Pattern.compile("\\d{4}(?:-\\d{2}(?:-\\d{2}(?:T.*)?)?)?");
  /** Words that make an expression absolute: it names its year. */
  private static final Pattern HAS_YEAR = Pattern.compile("\\b\\d{4}\\b");
  /** A sentence this short is a date line or a heading, not an event. */
  private static final int MIN_WORDS = 5;

  private Timeline() {}

  /**
   * One article's analysis.
   *
   * @param article the article
   * @param outlet its outlet as shown, or {@code null}
   * @param text its stored text
   * @param analysis its analysis
   * @param anchorInferred whether the analysis was anchored on a date inferred from the story
   *     (the article has none of its own)
   */
  public record Source(ArticleId article, @Nullable String outlet, String text, Analysis analysis,
      boolean anchorInferred) {}

  /**
   * A date of the story.
   *
   * @param date the TIMEX value: {@code 2025-04-26}, {@code 2024-12} or {@code 2024}
   * @param inferred whether every expression behind it is relative and was resolved against a
   *     date inferred from the story (its articles had no date of their own)
   * @param outlets the outlets that date something to it
   * @param evidence each dated sentence, with the time expression in it
   */
  public record Entry(String date, boolean inferred, List<String> outlets, List<Evidence> evidence) {
    public Entry {
      outlets = List.copyOf(outlets);
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * @param article the article
   * @param sentence the sentence's span
   * @param text the sentence
   * @param expression the time expression's span
   * @param words the time expression as written
   */
  public record Evidence(ArticleId article, TextSpan sentence, String text, TextSpan expression, String words) {}

  /**
   * @param dates publication dates of a story's articles (null for none)
   * @return the date to anchor undated articles on: the earliest known, or {@code null} when none is known
   */
  public static @Nullable LocalDate inferredAnchor(List<@Nullable LocalDate> dates) {
    return dates.stream().filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
  }

  /**
   * @param sources the story's articles with their analyses
   * @return its dated events, earliest first (a year before its months, a month before its days)
   */
  public static List<Entry> of(List<Source> sources) {
    Map<String, List<Evidence>> byDate = new LinkedHashMap<>();
    Map<String, Set<String>> outlets = new LinkedHashMap<>();
    Map<String, Boolean> inferred = new LinkedHashMap<>();
    for (Source s : sources) {
      Analysis a = s.analysis();
      for (Analysis.TimeMention t : a.times()) {
        if (t.value() == null || !DATED.matcher(t.value()).matches() || t.sentence() >= a.sentences().size()) {
          continue;
        }
        TextSpan sentence = a.sentences().get(t.sentence());
        String text = sentence.of(s.text());
        if (text.strip().split("\\s+").length < MIN_WORDS) {
          continue;
        }
        String date = t.value().length() > 10 ? t.value().substring(0, 10) : t.value();
        byDate.computeIfAbsent(date, d -> new ArrayList<>()).add(new Evidence(s.article(), sentence, text, t.span(),
            t.text()));
        if (s.outlet() != null) {
          outlets.computeIfAbsent(date, d -> new LinkedHashSet<>()).add(s.outlet());
        }
        boolean relativeAndInferred = s.anchorInferred() && !HAS_YEAR.matcher(t.text()).find();
        inferred.merge(date, relativeAndInferred, Boolean::logicalAnd);
      }
    }
    List<Entry> out = new ArrayList<>();
    for (var e : byDate.entrySet()) {
      out.add(new Entry(e.getKey(), inferred.get(e.getKey()), List.copyOf(outlets.getOrDefault(e.getKey(), Set.of())),
          e.getValue()));
    }
    out.sort(Comparator.comparing(Entry::date));
    return out;
  }
}
