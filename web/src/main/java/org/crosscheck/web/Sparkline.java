package org.crosscheck.web;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A story's volume over time as a small inline SVG line for the story list: articles per hour over a
 * story shorter than two days, else per day (per several days when that makes more than
 * {@value #MAX_BUCKETS} points). Its {@code aria-label} and title give the counts in words, so it
 * reads without sight and without JavaScript. Stateless.
 */
final class Sparkline {
  static final int WIDTH = 120;
  static final int HEIGHT = 24;
  /** Most points drawn; longer stories are binned by several days. */
  static final int MAX_BUCKETS = 60;
  /** Buckets named in the label; the rest are summed up. */
  private static final int NAMED = 6;

  private Sparkline() {}

  /**
   * @param published each article's publication time, {@code null} for an undated one
   * @return the line, an {@code <svg>} element with {@code role="img"} and an {@code aria-label} giving the counts
   */
  static String svg(List<@Nullable LocalDateTime> published) {
    List<LocalDateTime> dated = published.stream().filter(Objects::nonNull).sorted().toList();
    int undated = published.size() - dated.size();
    StringBuilder label = new StringBuilder().append(published.size()).append(published.size() == 1 ? " article" : " articles");
    if (undated > 0) {
      label.append(", ").append(undated).append(" undated");
    }
    List<int[]> points = new ArrayList<>();
    if (!dated.isEmpty()) {
      LocalDateTime first = dated.getFirst();
      LocalDateTime last = dated.getLast();
      boolean hourly = Duration.between(first, last).toHours() < 48;
      LocalDateTime start = hourly ? first.truncatedTo(ChronoUnit.HOURS) : first.truncatedTo(ChronoUnit.DAYS);
      long span = hourly ? ChronoUnit.HOURS.between(start, last) + 1 : ChronoUnit.DAYS.between(start, last) + 1;
      long width = Math.max(1, (span + MAX_BUCKETS - 1) / MAX_BUCKETS);
      int buckets = (int) ((span + width - 1) / width);
      int[] counts = new int[buckets];
      for (LocalDateTime t : dated) {
        long i = (hourly ? ChronoUnit.HOURS.between(start, t) : ChronoUnit.DAYS.between(start, t)) / width;
        counts[(int) Math.min(buckets - 1, i)]++;
      }
      String unit = hourly ? "hour" : width == 1 ? "day" : width + " days";
      label.append("; per ").append(unit).append(": ");
      List<String> named = new ArrayList<>();
      int shown = 0;
      for (int i = 0; i < buckets; i++) {
        if (counts[i] == 0) {
          continue;
        }
        if (shown++ == NAMED) {
          named.add("…");
          break;
        }
        LocalDateTime at = hourly ? start.plusHours(i) : start.plusDays(i * width);
        named.add((hourly ? String.format(Locale.ROOT, "%s %02d:00", at.toLocalDate(), at.getHour())
            : at.toLocalDate().toString()) + " " + counts[i]);
      }
      label.append(String.join(", ", named));
      int max = java.util.Arrays.stream(counts).max().orElse(1);
      for (int i = 0; i < buckets; i++) {
        int x = buckets == 1 ? WIDTH / 2 : 2 + i * (WIDTH - 4) / (buckets - 1);
        int y = HEIGHT - 3 - counts[i] * (HEIGHT - 6) / max;
        points.add(new int[] {x, y});
      }
    }
    StringBuilder b = new StringBuilder("<svg class=\"sparkline\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" "
        + "width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH)
        .append(' ').append(HEIGHT).append("\" aria-label=\"").append(Pages.e(label.toString())).append("\"><title>")
        .append(Pages.e(label.toString())).append("</title><line x1=\"0\" y1=\"").append(HEIGHT - 3).append("\" x2=\"")
        .append(WIDTH).append("\" y2=\"").append(HEIGHT - 3).append("\" stroke=\"#ddd\"/>");
    if (points.size() == 1) {
      b.append("<circle cx=\"").append(points.getFirst()[0]).append("\" cy=\"").append(points.getFirst()[1])
          .append("\" r=\"3\" fill=\"#2c6fbb\"/>");
    } else if (!points.isEmpty()) {
      b.append("<polyline fill=\"none\" stroke=\"#2c6fbb\" stroke-width=\"1.5\" points=\"");
      points.forEach(p -> b.append(p[0]).append(',').append(p[1]).append(' '));
      b.setLength(b.length() - 1);
      b.append("\"/>");
    }
    return b.append("</svg>").toString();
  }
}
