package org.crosscheck.web;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crosscheck.model.Published;
import org.crosscheck.report.StoryReport.ArticleRef;
import org.jspecify.annotations.Nullable;

/**
 * A story's coverage over time as server-rendered SVG, readable without JavaScript: a row per
 * outlet, ordered by when it first reported (who reported first, who followed and how much later),
 * a dot per article at its publication time with its title on hover; outlets whose articles carry
 * no date come last, marked undated. Below it, who never reported the story ({@link #absent}).
 */
final class CoverageChart {
  private static final int WIDTH = 720;
  private static final int LABEL = 230;
  private static final int ROW = 24;
  private static final int TOP = 28;
  private static final int RIGHT = 20;

  private CoverageChart() {}

  /** An outlet's articles in the story, in time order; undated ones apart. */
  private record Row(String outlet, List<Dot> dots, int undated) {
    @Nullable LocalDateTime first() {
      return dots.isEmpty() ? null : dots.getFirst().at();
    }
  }

  private record Dot(LocalDateTime at, ArticleRef article) {}

  /**
   * @param articles the story's articles
   * @return the chart, an {@code <svg>} element
   */
  static String svg(List<ArticleRef> articles) {
    Map<String, List<Dot>> dated = new LinkedHashMap<>();
    Map<String, Integer> undated = new LinkedHashMap<>();
    for (ArticleRef a : articles) {
      String outlet = a.outlet() == null ? a.id() : a.outlet();
      LocalDateTime at = time(a.published());
      dated.computeIfAbsent(outlet, o -> new ArrayList<>());
      if (at == null) {
        undated.merge(outlet, 1, Integer::sum);
      } else {
        dated.get(outlet).add(new Dot(at, a));
      }
    }
    List<Row> rows = new ArrayList<>();
    dated.forEach((outlet, dots) -> {
      dots.sort(Comparator.comparing(Dot::at));
      rows.add(new Row(outlet, dots, undated.getOrDefault(outlet, 0)));
    });
    rows.sort(Comparator.comparing(Row::first, Comparator.nullsLast(Comparator.naturalOrder())));
    LocalDateTime start = rows.stream().map(Row::first).filter(t -> t != null).min(Comparator.naturalOrder())
        .orElse(null);
    LocalDateTime end = rows.stream().flatMap(r -> r.dots().stream()).map(Dot::at).max(Comparator.naturalOrder())
        .orElse(null);
    int height = TOP + rows.size() * ROW + 8;
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"coverage\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\"><title>Coverage over time: ").append(rows.size()).append(rows.size() == 1 ? " outlet" : " outlets")
        .append(", first reported by ").append(Pages.e(rows.isEmpty() || start == null ? "unknown" : rows.getFirst().outlet()))
        .append("</title>");
    if (start != null) {
      b.append(text(LABEL, 14, "start", day(start))).append(text(WIDTH - RIGHT, 14, "end", day(end)));
    }
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      int y = TOP + i * ROW + ROW / 2;
      b.append("<g class=\"outlet\"><text x=\"4\" y=\"").append(y + 4).append("\">").append(Pages.e(label(r, start, i)))
          .append("</text><line x1=\"").append(LABEL).append("\" y1=\"").append(y).append("\" x2=\"")
          .append(WIDTH - RIGHT).append("\" y2=\"").append(y).append("\" stroke=\"#ddd\"/>");
      for (Dot d : r.dots()) {
        boolean first = d.at().equals(start) && i == 0;
        b.append("<circle cx=\"").append(x(d.at(), start, end)).append("\" cy=\"").append(y).append("\" r=\"")
            .append(first ? 7 : 5).append("\" class=\"").append(first ? "first" : "article").append("\" fill=\"")
            .append(first ? "#c0392b" : "#2c6fbb").append("\"><title>").append(Pages.e(r.outlet() + ": "
                + (d.article().title() == null ? d.article().id() : d.article().title()) + " (" + d.article().published()
                + ")")).append("</title></circle>");
      }
      b.append("</g>");
    }
    return b.append("</svg>").toString();
  }

  /** @return the row's label: the outlet, and when it first reported against the first of all */
  private static String label(Row r, @Nullable LocalDateTime start, int index) {
    String outlet = r.outlet().length() > 20 ? r.outlet().substring(0, 19) + "…" : r.outlet();
    String undated = r.undated() == 0 ? "" : (r.dots().isEmpty() ? " (undated)" : " (+" + r.undated() + " undated)");
    if (r.first() == null || start == null) {
      return outlet + undated;
    }
    if (index == 0) {
      return outlet + " · first" + undated;
    }
    return outlet + " · +" + later(Duration.between(start, r.first())) + undated;
  }

  private static String later(Duration d) {
    if (d.toDays() >= 1) {
      return d.toDays() + " d";
    }
    if (d.toHours() >= 1) {
      return d.toHours() + " h";
    }
    return d.toMinutes() + " min";
  }

  private static long x(LocalDateTime at, @Nullable LocalDateTime start, @Nullable LocalDateTime end) {
    if (start == null || end == null || !end.isAfter(start)) {
      return (LABEL + WIDTH - RIGHT) / 2;
    }
    double f = Duration.between(start, at).toMinutes() / (double) Duration.between(start, end).toMinutes();
    return Math.round(LABEL + 8 + f * (WIDTH - RIGHT - LABEL - 16));
  }

  private static String text(int x, int y, String anchor, String s) {
    return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" class=\"muted\">" + Pages.e(s)
        + "</text>";
  }

  private static String day(@Nullable LocalDateTime t) {
    return t == null ? "" : t.toLocalDate().toString() + (t.toLocalTime().toSecondOfDay() == 0 ? ""
        : String.format(Locale.ROOT, " %02d:%02d", t.getHour(), t.getMinute()));
  }

  /** @return the publication time, as UTC when an offset is given; null when undated or not readable */
  static @Nullable LocalDateTime time(@Nullable String published) {
    Published p;
    try {
      p = Published.parse(published == null ? "unknown" : published);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return time(p);
  }

  /** @return the publication time, as UTC when an offset is given; null when undated */
  static @Nullable LocalDateTime time(Published p) {
    return switch (p) {
      case Published.Unknown u -> null;
      case Published.OnDate d -> d.date().atStartOfDay();
      case Published.AtLocalTime t -> t.dateTime();
      case Published.AtInstant i -> i.dateTime().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    };
  }

  /** Most articles of other stories read to find who did not report a story. */
  static final int ABSENT_SCAN = 5_000;

  /**
   * An outlet that published in a story's days but not in the story.
   *
   * @param outlet the outlet as shown
   * @param articles how many of its articles fall in those days
   */
  record Absent(String outlet, int articles) {}

  /**
   * @param story the story's articles
   * @return the first and last day its dated articles were published, or {@code null} when none is dated
   */
  static java.time.LocalDate @Nullable [] window(List<ArticleRef> story) {
    List<LocalDateTime> at = story.stream().map(a -> time(a.published())).filter(t -> t != null).sorted().toList();
    return at.isEmpty() ? null
        : new java.time.LocalDate[] {at.getFirst().toLocalDate(), at.getLast().toLocalDate()};
  }

  /**
   * Who never reported a story: outlets with articles in the store published on the story's days
   * (its first to its last dated article) that have no article in the story, most such articles first.
   *
   * @param story the story's articles
   * @param store the store
   * @param nearby the other stories whose dates overlap the story's (their articles are read, at most
   *     {@value #ABSENT_SCAN})
   * @return the outlets, most articles in those days first, then by name
   */
  static List<Absent> absent(List<ArticleRef> story, org.crosscheck.store.Store store,
      List<org.crosscheck.model.StoryId> nearby) {
    java.time.LocalDate[] days = window(story);
    if (days == null) {
      return List.of();
    }
    java.util.Set<String> reported = new java.util.HashSet<>();
    java.util.Set<String> members = new java.util.HashSet<>();
    story.forEach(a -> {
      members.add(a.id());
      if (a.outlet() != null) {
        reported.add(a.outlet());
      }
    });
    org.crosscheck.outlet.Outlets outlets = store.outlets();
    Map<String, Integer> counts = new LinkedHashMap<>();
    int read = 0;
    for (org.crosscheck.model.StoryId s : nearby) {
      for (org.crosscheck.model.ArticleId id : store.articlesOf(s)) {
        if (members.contains(id.value()) || read++ >= ABSENT_SCAN) {
          continue;
        }
        store.get(id).ifPresent(a -> {
          java.time.LocalDate d = a.published().localDate().orElse(null);
          String outlet = outlets.name(a);
          if (d != null && !d.isBefore(days[0]) && !d.isAfter(days[1]) && !reported.contains(outlet)) {
            counts.merge(outlet, 1, Integer::sum);
          }
        });
      }
    }
    return counts.entrySet().stream().map(e -> new Absent(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingInt(Absent::articles).reversed().thenComparing(Absent::outlet)).toList();
  }

}
