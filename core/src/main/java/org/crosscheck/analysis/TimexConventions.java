package org.crosscheck.analysis;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * News conventions SUTime does not follow, applied to its time expressions. SUTime resolves a
 * bare weekday or "the weekend" to the coming one and "the quarter" to the current one; news
 * mostly reports what has happened, so in a sentence without a future marker they mean the last
 * one before the anchor date ("Saturday" in an article of Monday 2025-04-28 is 2025-04-26), and a
 * quarter reported on is the last one completed. Words that name no point or stretch of time
 * ("once", "previously", a bare "night"), ages ("6-year-old") and frequencies given as adjectives
 * ("quarterly") are not time expressions of the story. Stateless.
 */
final class TimexConventions {
  /** Single words SUTime tags that are not time expressions of the story. */
  private static final Set<String> NOT_TIMES = Set.of("once", "previously", "ended", "present", "night", "nights", "day",
      "days", "the days", "minutes", "seconds", "decades",
      "morning", "evening", "afternoon", "quarterly", "annual", "annually", "the", "and", "a", "an");
  private static final Pattern AGE =
      Pattern.compile("(?i).*\\b(?:[\\w-]+-(?:year|month|week|day)s?-old|\\d+ years? old)\\b.*");
  /** A fraction: "three-quarters of its food" is no stretch of time. */
  private static final Pattern FRACTION = Pattern.compile("(?i).*\\b(?:one|two|three)-quarters?\\b.*");
  /** Words of earnings reports SUTime does not tag: "the year-ago period", "year-earlier profit", "the latest period". */
  static final Pattern REPORT_PERIOD = Pattern.compile(
      "(?i)\\b(?:(?:the )?year-(?:ago|earlier)(?: quarter| period)?|(?:the )?latest period)\\b");
  private static final Pattern DAY_VALUE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(.*)");
  private static final Pattern WEEKEND_VALUE = Pattern.compile("\\d{4}-W\\d{2}-WE");
  private static final Pattern QUARTER_WORDS =
      Pattern.compile("(?i)(?:the |this )?(?:latest |most recent |current |recent |just-ended |fiscal )*quarter");
  private static final Set<String> FUTURE_WORDS = Set.of("will", "'ll", "shall", "wo", "next", "tomorrow", "upcoming");

  private TimexConventions() {}

  /**
   * @param text the expression's words
   * @return whether SUTime's expression should be dropped: words that name no time, ages ("52 years old"),
   *     fractions ("three-quarters")
   */
  static boolean notATime(String text) {
    return NOT_TIMES.contains(text.toLowerCase(Locale.ROOT).strip()) || AGE.matcher(text).matches()
        || FRACTION.matcher(text).matches();
  }

  /** A unit SUTime tags without its count: "years" in "2 1/2 years", "weeks" in "two more weeks". */
  private static final Pattern BARE_UNIT = Pattern.compile("(?i)(year|month|week|day|hour|minute)s");
  private static final Pattern COUNT_BEFORE = Pattern.compile("(?i)(?:^|\\s)((\\d{1,3}|one|two|three|four|five|six"
      + "|seven|eight|nine|ten|eleven)( 1/2)?(?: more)? )$");

  /**
   * @param unit the words SUTime tagged
   * @param before the text just before them
   * @return how many characters before them count them ("2 1/2 " before "years"), or 0
   */
  static int countBefore(String unit, String before) {
    if (!BARE_UNIT.matcher(unit).matches()) {
      return 0;
    }
    Matcher c = COUNT_BEFORE.matcher(before);
    return c.find() ? c.group(1).length() : 0;
  }

  /**
   * @param words a count and a unit ("2 1/2 years", "two more weeks", "5 1/2 hours")
   * @return its length as TimeML writes it ({@code P2Y6M}, {@code P2W}, {@code PT5H30M})
   */
  static String countedLength(String words) {
    Matcher c = COUNT_BEFORE.matcher(words.substring(0, words.lastIndexOf(' ') + 1));
    if (!c.find()) {
      throw new IllegalArgumentException("no count in '" + words + "'");
    }
    int n = number(c.group(2).toLowerCase(Locale.ROOT));
    boolean half = c.group(3) != null;
    String unit = words.substring(words.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "years" -> "P" + n + "Y" + (half ? "6M" : "");
      case "months" -> "P" + n + "M" + (half ? "15D" : "");
      case "weeks" -> "P" + (half ? n * 7 + 3 + "DT12H" : n + "W");
      case "days" -> "P" + n + "D" + (half ? "T12H" : "");
      case "hours" -> "PT" + n + "H" + (half ? "30M" : "");
      default -> "PT" + n + "M" + (half ? "30S" : "");
    };
  }

  /**
   * @param words a length, perhaps with a qualifier ("more than four hours", "about 5 1/2 hours")
   * @return its value as TimeML writes it ({@code PT4H}), or {@code null} when the words give no count and unit
   */
  static @Nullable String lengthOf(String words) {
    String bare = words.replaceFirst("(?i)^(?:more than|less than|about|nearly|almost|at least|over|some) ", "");
    int space = bare.lastIndexOf(' ');
    if (space < 0 || countBefore(bare.substring(space + 1), bare.substring(0, space + 1)) != space + 1) {
      return null;
    }
    return countedLength(bare);
  }

  private static final Pattern ZONE = Pattern.compile("(T\\d{2}(?::\\d{2})?)[-+]\\d{4}$");

  /**
   * @param value a SUTime value, or {@code null}
   * @return it without a time zone offset ("5 p.m. EST" is {@code T17:00}, as TimeML writes it), or {@code null}
   */
  static @Nullable String withoutZone(@Nullable String value) {
    return value == null ? null : ZONE.matcher(value).replaceFirst("$1");
  }

  /**
   * @param words words {@link #REPORT_PERIOD} found
   * @param quarter the quarter the text reports on ({@code 1989-Q3})
   * @return their value: "the latest period" is that quarter, "the year-ago period" the same quarter a year before
   */
  static String reportPeriod(String words, String quarter) {
    if (words.toLowerCase(Locale.ROOT).contains("latest")) {
      return quarter;
    }
    return (Integer.parseInt(quarter.substring(0, 4)) - 1) + quarter.substring(4);
  }

  private static final Pattern YEAR_AGO = Pattern.compile("(?i)(?:a|one) year (?:ago|earlier|before)");
  private static final Pattern UNITS_AGO = Pattern.compile(
      "(?i)(?:.*\\s)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|\\d+)\\s+"
      + "(year|month|week)s?\\s+(?:ago|earlier|before)");
  private static final Pattern MONTH_NAMED = Pattern.compile("(?i)(?:(last)\\s+|(?:early|mid|late)[- ])?"
      + "(january|february|march|april|may|june|july|august|september|october|november|december|jan\\.|feb\\.|aug\\."
      + "|sept?\\.|oct\\.|nov\\.|dec\\.)(?:\\s+(\\d{1,2}))?");
  private static final Pattern MONTH_VALUE = Pattern.compile("\\d{4}(-\\d{2}(?:-\\d{2})?)");
  private static final Pattern FISCAL_YEAR = Pattern.compile("(?:the )?fiscal (?:year )?(\\d{4})");
  private static final Pattern RECENT = Pattern.compile("(?:in )?(?:the )?(?:most )?recent (?:years|months|weeks|days)");
  private static final Pattern LONGER_PERIOD =
      Pattern.compile("\\b(?:nine|six) months\\b|\\b(?:the|fiscal|full|whole) year\\b|\\bannual");
  private static final Pattern FIRST_MONTHS = Pattern.compile(
      "(?:the )?first (two|three|four|five|six|seven|eight|nine|ten|eleven|\\d{1,2}) months(?: of .*)?");
  private static final Pattern YEAR_QUARTER = Pattern.compile("(?:the )?(\\d{4}) (?:quarter|period)");
  private static final Pattern UNITS_LATER = Pattern.compile("(?:over |about )?(a|an|one|two|three|four|five|six"
      + "|seven|eight|nine|ten|eleven|a few|few|several|\\d{1,2}) (minute|hour|day|week)s? (?:later|earlier)");
  private static final Pattern WEEK_OF = Pattern.compile("(?i)(?:the )?week of (.+)");
  private static final Pattern YEAR_WORDS = Pattern.compile("(?:the )?(?:fiscal )?year");
  private static final java.util.List<String> NUMBERS = java.util.List.of("zero", "one", "two", "three", "four", "five",
      "six", "seven", "eight", "nine", "ten", "eleven");
  private static final Pattern NAMED_QUARTER = Pattern.compile("(?i)\\b(first|second|third|fourth)[- ](?:fiscal )?quarter");

  /**
   * @param text the expression's words
   * @param value SUTime's value, or {@code null}
   * @param anchor the date it was resolved against
   * @param sentence the words of its sentence
   * @param tense the tense of the verb it dates
   * @param futureWords whether its sentence has a word of the future ("will", "next", "tomorrow")
   * @param quarter the quarter the text reports on: the first it names before the expression ({@code 1989-Q3}), or
   *     {@code null}
   * @return the value by news conventions (SUTime's when none applies)
   */
  static @Nullable String value(String text, @Nullable String value, LocalDate anchor, String sentence, Tense tense,
      boolean futureWords, @Nullable String quarter) {
    boolean future = tense == Tense.FUTURE || tense != Tense.PAST && futureWords;
    String lowerSentence = sentence.toLowerCase(Locale.ROOT);
    String lowerText = text.strip().toLowerCase(Locale.ROOT);
    if (YEAR_AGO.matcher(text.strip()).matches() && lowerSentence.contains("quarter")) {
      // an earnings report: "... rose from $2.1 billion a year earlier" compares a quarter with the one a year before
      return yearAgoQuarter(sentence, anchor);
    }
    if (YEAR_AGO.matcher(text.strip()).matches() && quarter != null && !LONGER_PERIOD.matcher(lowerSentence).find()) {
      // after the quarter reported on, "net income was $2.1 million a year earlier" is that quarter a year before,
      // unless the sentence speaks of a longer stretch ("in the first nine months")
      return (Integer.parseInt(quarter.substring(0, 4)) - 1) + quarter.substring(4);
    }
    if (lowerText.matches("(?:over |in |during )?the past year")) {
      return String.valueOf(anchor.getYear() - 1); // "over the past year": TimeML names the year before the anchor's
    }
    Matcher weekOf = WEEK_OF.matcher(text.strip());
    if (weekOf.matches()) {
      Matcher month = MONTH_NAMED.matcher(weekOf.group(1));
      if (month.matches() && month.group(3) != null) {
        // "the week of March 6": the week that day falls in
        LocalDate day = LocalDate.of(tense == Tense.NONE ? anchor.getYear() : monthYear(month, anchor,
            tense == Tense.FUTURE), monthNumber(month), Integer.parseInt(month.group(3)));
        return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
            day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      }
    }
    Matcher later = UNITS_LATER.matcher(lowerText);
    if (later.matches()) {
      // "three days later", "an hour later": the stretch between two events, as TimeML writes it (P3D, PT1H)
      String n = later.group(1).matches("a|an|one") ? "1" : later.group(1).matches("a few|few|several") ? "X"
          : String.valueOf(number(later.group(1)));
      return switch (later.group(2)) {
        case "minute" -> "PT" + n + "M";
        case "hour" -> "PT" + n + "H";
        case "week" -> "P" + n + "W";
        default -> "P" + n + "D";
      };
    }
    if (quarter != null && lowerText.matches("(?:the )?quarter a year (?:ago|earlier)|last year's quarter")) {
      return (Integer.parseInt(quarter.substring(0, 4)) - 1) + quarter.substring(4); // the reported quarter's year before
    }
    Matcher firstMonths = FIRST_MONTHS.matcher(lowerText);
    if (firstMonths.matches()) {
      return "P" + number(firstMonths.group(1)) + "M"; // "the first nine months of the year" is a stretch: P9M
    }
    if (YEAR_WORDS.matcher(lowerText).matches()
        && (lowerSentence.contains(lowerText + " ended") || lowerSentence.contains(lowerText + " ending"))) {
      return "P1Y"; // "for the year ended March 31" is a year's length of time, not the current year
    }
    if (lowerText.contains("quarter") && (lowerText.matches(".*\\byear-(?:ago|earlier)\\b.*")
        || lowerSentence.contains("year-ago " + lowerText) || lowerSentence.contains("year-earlier " + lowerText))) {
      return yearAgoQuarter(sentence, anchor); // "the year-earlier quarter", "the year-ago third quarter"
    }
    Matcher fiscal = FISCAL_YEAR.matcher(lowerText);
    if (fiscal.matches()) {
      return fiscal.group(1); // "fiscal 1989": the fiscal year is named by its year
    }
    if (value == null) {
      return quarter(text, anchor, future);
    }
    if (RECENT.matcher(lowerText).matches()) {
      return "PAST_REF"; // "recent years", "recent days": some time before now, not a length
    }
    if (value.matches("\\d{3}X|\\d{2}XX")) {
      return value.replace("X", ""); // a decade or a century is written by its digits: the 1990s are 199
    }
    Matcher month = MONTH_NAMED.matcher(text.strip());
    Matcher monthValue = MONTH_VALUE.matcher(value);
    if (month.matches() && monthValue.matches() && "last".equalsIgnoreCase(month.group(1))) {
      return monthYear(month, anchor) + monthValue.group(1);
    }
    if (month.matches() && monthValue.matches() && month.group(1) == null
        && (tense == Tense.PAST || tense == Tense.FUTURE)) {
      // "stepped down in March": the latest March by the anchor date; "will be paid Jan. 2": the next Jan. 2
      return monthYear(month, anchor, tense == Tense.FUTURE) + monthValue.group(1);
    }
    Matcher ago = UNITS_AGO.matcher(text.strip());
    Matcher agoDay = DAY_VALUE.matcher(value);
    if (ago.matches() && agoDay.matches() && agoDay.group(2).isEmpty()) {
      // "two years ago" names a year, "five months ago" a month, "six weeks ago" a week: not the day
      LocalDate d = LocalDate.parse(agoDay.group(1));
      return switch (ago.group(1).toLowerCase(Locale.ROOT)) {
        case "year" -> String.valueOf(d.getYear());
        case "month" -> agoDay.group(1).substring(0, 7);
        default -> String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
            d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      };
    }
    String lower = text.toLowerCase(Locale.ROOT);
    DayOfWeek weekday = weekdayNamed(lower);
    Matcher day = DAY_VALUE.matcher(value);
    if (weekday != null && day.matches() && !hasDateWords(lower)) {
      // a weekday in the present is a scheduled one ("they meet Monday")
      LocalDate resolved = anchor.with(future || tense == Tense.PRESENT ? TemporalAdjusters.nextOrSame(weekday)
          : TemporalAdjusters.previousOrSame(weekday));
      return resolved + day.group(2);
    }
    if (lower.contains("weekend") && WEEKEND_VALUE.matcher(value).matches()
        && (!hasDateWords(lower) || lower.strip().equals("this weekend") && tense == Tense.PAST)) {
      // "grabbed the student this weekend", told on a Monday: the weekend just past
      LocalDate saturday = anchor.with(future ? TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)
          : TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
      return String.format(Locale.ROOT, "%d-W%02d-WE", saturday.get(IsoFields.WEEK_BASED_YEAR),
          saturday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
    if (value.matches("\\d{4}-Q[1-4]") && !lowerText.matches(".*(?:\\d|next|last|ago).*")) {
      Matcher named = NAMED_QUARTER.matcher(lowerText);
      if (named.find()) {
        return namedQuarter(named, anchor); // "the fiscal first quarter" reported on in October 1989 is 1989-Q1
      }
    }
    Matcher yearQuarter = YEAR_QUARTER.matcher(lowerText);
    if (yearQuarter.matches() && quarter != null) {
      return yearQuarter.group(1) + quarter.substring(4); // "the 1988 quarter": the quarter reported on, in 1988
    }
    String q = quarter(text, anchor, future);
    return q != null ? q : value;
  }

  /** @return the latest quarter of the number named that has begun by the anchor date */
  private static String namedQuarter(Matcher named, LocalDate anchor) {
    int quarter = switch (named.group(1).toLowerCase(Locale.ROOT)) {
      case "first" -> 1;
      case "second" -> 2;
      case "third" -> 3;
      default -> 4;
    };
    int year = quarter <= anchor.get(IsoFields.QUARTER_OF_YEAR) ? anchor.getYear() : anchor.getYear() - 1;
    return year + "-Q" + quarter;
  }

  /**
   * @return the year of "last April": the latest April before the anchor's month ("last August" in an article of
   *     2025-04-28 is 2024-08; "last April" in one of 1989-10-27 is 1989-04)
   */
  private static int monthYear(Matcher month, LocalDate anchor) {
    return monthNumber(month) < anchor.getMonthValue() ? anchor.getYear() : anchor.getYear() - 1;
  }

  /**
   * @return the year of a month, or a day of it, named without one: for the past the latest by the anchor date, for
   *     the future the first from it on ("March" in the past of 1989-10-27 is 1989-03; "Jan. 2" ahead of it 1990-01-02)
   */
  private static int monthYear(Matcher month, LocalDate anchor, boolean ahead) {
    int m = monthNumber(month);
    int day = month.group(3) == null ? 0 : Integer.parseInt(month.group(3));
    int byAnchor = Integer.compare(m, anchor.getMonthValue());
    if (byAnchor == 0 && day > 0) {
      byAnchor = Integer.compare(day, anchor.getDayOfMonth());
    }
    if (ahead) {
      return byAnchor >= 0 ? anchor.getYear() : anchor.getYear() + 1;
    }
    return byAnchor <= 0 ? anchor.getYear() : anchor.getYear() - 1;
  }

  private static int monthNumber(Matcher month) {
    String name = month.group(2).toLowerCase(Locale.ROOT).replace(".", "");
    int m = 0;
    for (java.time.Month candidate : java.time.Month.values()) {
      if (candidate.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(name)) {
        m = candidate.getValue();
        break;
      }
    }
    return m;
  }

  private static String yearAgoQuarter(String sentence, LocalDate anchor) {
    Matcher named = NAMED_QUARTER.matcher(sentence);
    String quarter;
    if (named.find()) {
      quarter = namedQuarter(named, anchor);
    } else {
      LocalDate last = anchor.minusMonths(3);
      quarter = last.getYear() + "-Q" + last.get(IsoFields.QUARTER_OF_YEAR);
    }
    return (Integer.parseInt(quarter.substring(0, 4)) - 1) + quarter.substring(4);
  }

  /** @return a number written in digits or as a word up to eleven */
  private static int number(String word) {
    int i = NUMBERS.indexOf(word);
    return i >= 0 ? i : Integer.parseInt(word);
  }

  /**
   * @return the last completed quarter for "the quarter" (the anchor's for the future or "the current quarter"), else
   *     null
   */
  private static @Nullable String quarter(String text, LocalDate anchor, boolean future) {
    if (!QUARTER_WORDS.matcher(text.strip()).matches()) {
      return null;
    }
    boolean current = text.toLowerCase(Locale.ROOT).contains("current");
    LocalDate in = future || current ? anchor : anchor.minusMonths(3); // "the current quarter" is the anchor's
    return in.getYear() + "-Q" + in.get(IsoFields.QUARTER_OF_YEAR);
  }

  private static @Nullable DayOfWeek weekdayNamed(String lower) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (lower.contains(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT))) {
        return d;
      }
    }
    return null;
  }

  /** @return whether the words give more than a weekday: digits, a month, "last" or "next" */
  private static boolean hasDateWords(String lower) {
    if (lower.chars().anyMatch(Character::isDigit) || lower.contains("last") || lower.contains("next")
        || lower.contains("this") || lower.contains("ago") || lower.contains("previous")) {
      return true;
    }
    for (java.time.Month m : java.time.Month.values()) {
      if (lower.contains(m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** @return whether a word marks the future */
  static boolean marksFuture(String word) {
    return FUTURE_WORDS.contains(word.toLowerCase(Locale.ROOT));
  }
}
