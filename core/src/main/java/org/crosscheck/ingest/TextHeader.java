package org.crosscheck.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crosscheck.model.Published;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the loose publication-date lines that plain-text articles carry at their top
 * ({@code  date 2025-04-28 403}, {@code Published on: 2025/04/28 10:00},
 * {@code Published: 28 Apr. 2025, 14:52}). Only whole header lines count; a date inside the
 * story is never taken for the publication date.
 */
final class TextHeader {
  /** {@code date 2025-04-28 403 [headline]}: an export's date line, sometimes followed by the headline. */
  private static final Pattern EXPORT_DATE =
      Pattern.compile("^\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{1,2}:\\d{2}(?::\\d{2})?))?(?:\\s+\\d+)?(?:\\s+(.*))?$",
          Pattern.CASE_INSENSITIVE);
  /** {@code Published on: ...}, {@code Posted: ...}, {@code Date: ...}, {@code Updated: ...}. */
  private static final Pattern LABELLED_DATE = Pattern.compile(
      "^\\s*(published|posted|date|updated|last updated|first published)(?:\\s+on)?\\s*[:：]\\s*(.+?)\\s*$",
      Pattern.CASE_INSENSITIVE);

  private static final List<DateTimeFormatter> DATE_TIMES = formatters(
      "uuuu/M/d H:mm[:ss]", "uuuu-M-d H:mm[:ss]", "uuuu.M.d H:mm[:ss]",
      "d MMM uuuu H:mm[:ss]", "d MMMM uuuu H:mm[:ss]", "MMM d uuuu H:mm[:ss]", "MMMM d uuuu H:mm[:ss]",
      "d MMM uuuu h:mm[:ss] a", "d MMMM uuuu h:mm[:ss] a", "MMM d uuuu h:mm[:ss] a", "MMMM d uuuu h:mm[:ss] a",
      "uuuu-M-d'T'H:mm[:ss]");
  private static final List<DateTimeFormatter> DATES = formatters(
      "uuuu/M/d", "uuuu-M-d", "uuuu.M.d", "d MMM uuuu", "d MMMM uuuu", "MMM d uuuu", "MMMM d uuuu",
      "EEEE d MMMM uuuu", "EEEE MMMM d uuuu", "EEE d MMM uuuu", "EEE MMM d uuuu");

  private TextHeader() {}

  /**
   * A recognised header line.
   *
   * @param published the date it states
   * @param rest text on the same line after the date (a headline), or {@code null}
   * @param primary whether it states publication (not an update time)
   */
  record DateLine(Published published, @Nullable String rest, boolean primary) {}

  /** @return the date line this line is, or {@code null} when it is not one */
  static @Nullable DateLine parse(String line) {
    Matcher m = EXPORT_DATE.matcher(line);
    if (m.matches()) {
      try {
        LocalDate date = LocalDate.parse(m.group(1));
        Published p = m.group(2) == null
            ? new Published.OnDate(date)
            : new Published.AtLocalTime(LocalDateTime.of(date, LocalTime.parse(pad(m.group(2)))));
        String rest = m.group(3);
        return new DateLine(p, rest == null || rest.isBlank() ? null : rest.strip(), true);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    m = LABELLED_DATE.matcher(line);
    if (m.matches()) {
      Published p = parseLooseDate(m.group(2));
      if (p != null) {
        boolean update = m.group(1).toLowerCase(Locale.ROOT).contains("updated");
        return new DateLine(p, null, !update);
      }
    }
    return null;
  }

  /** @return the date or date-time written in {@code s} in one of the common news formats, or {@code null} */
  static @Nullable Published parseLooseDate(String s) {
    String t = s.strip()
        .replaceAll("(?i)\\b(\\d{1,2})(st|nd|rd|th)\\b", "$1")
        .replaceAll("(?i)\\b(at|on)\\b", " ")
        .replaceAll("(?i)\\s*\\((?:KST|UTC|GMT|EST|EDT|PST|PDT|CET|CEST|local time)\\)|\\s+(?:KST|UTC|GMT|EST|EDT|PST|PDT|CET|CEST)$", "")
        .replace(",", " ")
        .replaceAll("(?<=\\p{L})\\.", "")
        .replaceAll("\\s+", " ")
        .strip();
    t = t.replaceAll("(?i)\\b(a\\.?m\\.?|p\\.?m\\.?)$", "").strip() + amPm(s);
    for (DateTimeFormatter f : DATE_TIMES) {
      try {
        return new Published.AtLocalTime(LocalDateTime.parse(t, f));
      } catch (DateTimeParseException ignored) {
        // try the next format
      }
    }
    for (DateTimeFormatter f : DATES) {
      try {
        return new Published.OnDate(LocalDate.parse(t, f));
      } catch (DateTimeParseException ignored) {
        // try the next format
      }
    }
    try {
      return Published.parse(t);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String amPm(String s) {
    String lower = s.strip().toLowerCase(Locale.ROOT).replace(".", "");
    if (lower.endsWith("am")) {
      return " AM";
    }
    if (lower.endsWith("pm")) {
      return " PM";
    }
    return "";
  }

  private static String pad(String time) {
    return time.length() == 4 ? "0" + time : time;
  }

  private static List<DateTimeFormatter> formatters(String... patterns) {
    return java.util.Arrays.stream(patterns)
        .map(p -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT))
        .toList();
  }
}
