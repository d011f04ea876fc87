package org.crosscheck.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * When an article was published, as precisely as its source says: an instant with its UTC
 * offset, a local date and time (zone unknown), a date, or unknown. Nothing is invented: a source
 * that gives only a date stays a date.
 */
public sealed interface Published {

  /** @return the calendar date of publication, empty when unknown */
  Optional<LocalDate> localDate();

  /** @return ISO-8601 text ({@code 2025-04-28}, {@code 2025-04-28T10:00}, {@code 2025-04-28T10:00+09:00}) or {@code unknown} */
  String iso();

  /** @return whether the date is known */
  default boolean isKnown() {
    return localDate().isPresent();
  }

  /** The source gives no publication date. */
  record Unknown() implements Published {
    @Override
    public Optional<LocalDate> localDate() {
      return Optional.empty();
    }

    @Override
    public String iso() {
      return "unknown";
    }
  }

  /** @param date the publication date, time of day unknown */
  record OnDate(LocalDate date) implements Published {
    public OnDate {
      Objects.requireNonNull(date, "date");
    }

    @Override
    public Optional<LocalDate> localDate() {
      return Optional.of(this.date);
    }

    @Override
    public String iso() {
      return date.toString();
    }
  }

  /** @param dateTime the local date and time of publication; the time zone is not given by the source */
  record AtLocalTime(LocalDateTime dateTime) implements Published {
    public AtLocalTime {
      Objects.requireNonNull(dateTime, "dateTime");
    }

    @Override
    public Optional<LocalDate> localDate() {
      return Optional.of(dateTime.toLocalDate());
    }

    @Override
    public String iso() {
      return dateTime.toString();
    }
  }

  /** @param dateTime the instant of publication with the offset the source gave */
  record AtInstant(OffsetDateTime dateTime) implements Published {
    public AtInstant {
      Objects.requireNonNull(dateTime, "dateTime");
    }

    @Override
    public Optional<LocalDate> localDate() {
      return Optional.of(dateTime.toLocalDate());
    }

    @Override
    public String iso() {
      return dateTime.toString();
    }
  }

  /** @return the unknown publication date */
  static Published unknown() {
    return new Unknown();
  }

  /**
   * Parses an ISO-8601 date, local date-time or offset date-time, or {@code unknown}.
   *
   * @param text the text; {@code null} or blank means unknown
   * @return the parsed value
   * @throws IllegalArgumentException naming the text when it is none of those forms
   */
  static Published parse(String text) {
    if (text == null || text.isBlank() || text.equals("unknown")) {
      return unknown();
    }
    String t = text.strip();
    try {
      if (t.length() <= 10) {
        return new OnDate(LocalDate.parse(t));
      }
      if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return new AtInstant(OffsetDateTime.parse(t.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")));
      }
      return new AtLocalTime(LocalDateTime.parse(t));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date or date-time");
    }
  }
}
