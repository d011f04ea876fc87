package org.crosscheck.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.crosscheck.model.Published;
import org.jspecify.annotations.Nullable;

/**
 * Parses the publication dates that HTML pages put in their metadata: ISO-8601 dates, local and
 * offset date-times (also with a space instead of the {@code T}, and with a {@code +0200} offset),
 * RFC-1123 dates ({@code Mon, 28 Apr 2025 10:00:00 GMT}) and basic dates ({@code 20250428}).
 * Stateless and thread-safe.
 */
final class HtmlDates {
  private HtmlDates() {}

  /**
   * @param raw a date from a meta tag, JSON-LD or a {@code datetime} attribute; may be {@code null}
   * @return the date as precisely as it was given, or {@code null} when it is none of the forms above
   */
  static @Nullable Published parse(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String t = raw.strip()
        .replaceFirst("^(\\d{4}-\\d{2}-\\d{2})[ T](\\d{1,2}:\\d{2})", "$1T$2")
        .replaceFirst("\\s*(?:UTC|GMT)$", "Z")
        .replaceFirst("\\s+([+-]\\d{2}:?\\d{2}|Z)$", "$1");
    if (t.matches("\\d{4}-\\d{2}-\\d{2}T\\d:.*")) {
      t = t.substring(0, 11) + "0" + t.substring(11);
    }
    try {
      Published p = Published.parse(t);
      return p.isKnown() ? p : null;
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // not ISO-8601; try the other forms
    }
    try {
      return new Published.AtInstant(OffsetDateTime.parse(raw.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
    } catch (DateTimeParseException e) {
      // not RFC-1123 either
    }
    if (t.matches("\\d{8}")) {
      try {
        return new Published.OnDate(LocalDate.parse(t, DateTimeFormatter.BASIC_ISO_DATE));
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }
}
