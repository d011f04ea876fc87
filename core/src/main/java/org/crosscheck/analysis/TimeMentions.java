package org.crosscheck.analysis;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.Timex;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crosscheck.model.TextSpan;
import org.jspecify.annotations.Nullable;

/**
 * Gathers a text's time expressions from SUTime's mentions, in text order, and gives each its value by {@link
 * TimexConventions}. What SUTime splits is joined: one expression cut into two mentions by their tags ("9 a.m.
 * Tuesday"), a holiday and its "Day", "fiscal" and its year, a count and its unit ("2 1/2 years"); what it joins wrongly is split ("more than four
 * hours Friday"). What refers back
 * to the text is resolved against it: "that year" and "the following year" against the year last written out, "the
 * following month" against the month last named, "a year earlier" and "the year-ago period" against the quarter an
 * earnings report reports on (the first quarter it names). Words SUTime does not tag are added: "the year-ago period",
 * "year-earlier profit" and "the latest period" after that quarter, "the near term", "these days", "by year-end". Not thread-safe:
 * one per text.
 */
final class TimeMentions {
  private static final Pattern YEAR_WRITTEN = Pattern.compile(".*\\b(?:1[5-9]|20)\\d{2}\\b.*");
  private static final Pattern MONTH_WORD = Pattern.compile("(?i).*\\b(?:jan|feb|march|april|may|june|july|aug|sept?"
      + "|oct|nov|dec)[a-z.]*\\b.*");
  private static final Pattern ANAPHORIC = Pattern.compile("(?i)(?:the )?(following|next|previous) (year|month)");
  private static final Pattern THAT_BEFORE = Pattern.compile("(?i)(?:^|\\s)((?:later |earlier )?that )$");
  private static final Pattern LENGTH_AND_DAY = Pattern.compile(
      "(.*\\b(?:minute|hour|day|week)s?) ((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)");
  private static final Pattern UNTAGGED = Pattern.compile(
      "(?i)\\bthe (?:near|short) term\\b|\\bthese days\\b|\\byear-end(?=\\s*[.,;:)]|$)");

  private final String text;
  private final @Nullable LocalDate anchor;
  private final List<TextSpan> sentences;
  private final List<Analysis.TimeMention> times = new ArrayList<>();
  private @Nullable String quarter; // the quarter reported on: the first one named
  private int quarterEnd = -1; // where it is named
  private @Nullable String lastYear; // the year last written out
  private @Nullable String lastMonth; // the month last named
  private @Nullable String previousTid; // SUTime's id of the last expression kept

  /**
   * @param text the text analysed
   * @param anchor the date relative expressions are resolved against, or {@code null}
   * @param sentences the text's sentences
   */
  TimeMentions(String text, @Nullable LocalDate anchor, List<TextSpan> sentences) {
    this.text = text;
    this.anchor = anchor;
    this.sentences = sentences;
  }

  /**
   * Takes SUTime's next mention.
   *
   * @param m a mention of type DATE, TIME, DURATION or SET
   * @param span where it is
   * @param sentence the index of its sentence
   */
  void add(CoreEntityMention m, TextSpan span, int sentence) {
    Analysis.TimeMention previous = times.isEmpty() ? null : times.getLast();
    boolean adjacent = previous != null && previous.span().end() + 1 == span.start();
    if ("Day".equals(m.text()) && adjacent) {
      join(previous, span, previous.type(), previous.value()); // "Thanksgiving Day": SUTime leaves "Day" apart
      return;
    }
    if (adjacent && "fiscal".equalsIgnoreCase(previous.text()) && m.text().matches("\\d{4}")) {
      join(previous, span, "DATE", m.text()); // "fiscal 1989" is named by its year
      return;
    }
    int count = TimexConventions.countBefore(m.text(), text.substring(Math.max(0, span.start() - 24), span.start()));
    if (count > 0) {
      TextSpan whole = new TextSpan(span.start() - count, span.end()); // "2 1/2 years": SUTime tags "years"
      times.add(new Analysis.TimeMention(whole.of(text), "DURATION", TimexConventions.countedLength(whole.of(text)),
          whole, sentence));
      previousTid = null;
      return;
    }
    if (TimexConventions.notATime(m.text()) || "future".equalsIgnoreCase(m.text()) && beforeNoun(m)
        || title(span)) {
      return; // "future earnings" are earnings, ABC's "This Week" a programme, not times
    }
    Timex timex = m.coreMap().get(TimeAnnotations.TimexAnnotation.class);
    String tid = timex == null ? null : timex.tid();
    String value = timex == null || timex.value() == null || timex.value().isEmpty() ? null
        : TimexConventions.withoutZone(timex.value());
    String type = timex == null || timex.timexType() == null ? m.entityType() : timex.timexType();
    if (tid != null && tid.equals(previousTid) && previous != null && previous.sentence() == sentence
        && text.substring(previous.span().end(), span.start()).matches("[\\s,]*")) {
      // one SUTime expression split into two mentions by their tags ("9 a.m. Tuesday"): kept whole
      TextSpan whole = new TextSpan(previous.span().start(), span.end());
      join(previous, span, previous.type(), resolve(whole.of(text), value, m));
      return;
    }
    previousTid = tid;
    Matcher lengthAndDay = LENGTH_AND_DAY.matcher(m.text());
    if (anchor != null && lengthAndDay.matches() && (value == null || value.startsWith("P"))) {
      // "more than four hours Friday": SUTime makes one expression of a length and the day it fell on
      TextSpan length = new TextSpan(span.start(), span.start() + lengthAndDay.end(1));
      TextSpan day = new TextSpan(span.start() + lengthAndDay.start(2), span.end());
      times.add(new Analysis.TimeMention(length.of(text), "DURATION",
          value != null ? value : TimexConventions.lengthOf(length.of(text)), length, sentence));
      times.add(new Analysis.TimeMention(day.of(text), "DATE", resolve(day.of(text), anchor.toString(), m), day,
          sentence));
      return;
    }
    Matcher that = THAT_BEFORE.matcher(text.substring(Math.max(0, span.start() - 16), span.start()));
    if ("year".equalsIgnoreCase(m.text()) && that.find() && lastYear != null) {
      // "that year", "later that year": the year last written out
      TextSpan whole = new TextSpan(span.start() - that.group(1).length(), span.end());
      times.add(new Analysis.TimeMention(whole.of(text), "DATE", lastYear, whole, sentence));
      return;
    }
    value = anaphoric(m.text(), value);
    if (anchor != null) {
      value = resolve(m.text(), value, m);
      if (quarter == null && value != null && value.matches("\\d{4}-Q[1-4]")
          && m.text().toLowerCase(Locale.ROOT).contains("quarter")
          && value.compareTo(anchor.getYear() + "-Q" + anchor.get(IsoFields.QUARTER_OF_YEAR)) <= 0) {
        quarter = value;
        quarterEnd = span.end();
      }
    }
    if (value != null && value.matches("\\d{4}.*")) {
      if (YEAR_WRITTEN.matcher(m.text()).matches()) {
        lastYear = value.substring(0, 4);
      }
      if (value.matches("\\d{4}-\\d{2}.*") && MONTH_WORD.matcher(m.text()).matches()) {
        lastMonth = value.substring(0, 7);
      }
    }
    times.add(new Analysis.TimeMention(span.of(text), type, value == null || value.isEmpty() ? null : value, span,
        sentence));
  }

  /** @return the expressions, with the words SUTime does not tag added, in text order */
  List<Analysis.TimeMention> all() {
    List<Analysis.TimeMention> out = new ArrayList<>(times);
    if (quarter != null) {
      Matcher r = TimexConventions.REPORT_PERIOD.matcher(text);
      r.region(quarterEnd, text.length());
      while (r.find()) {
        addUntagged(out, new TextSpan(r.start(), r.end()), TimexConventions.reportPeriod(r.group(), quarter));
      }
    }
    if (anchor != null) {
      Matcher u = UNTAGGED.matcher(text);
      while (u.find()) {
        String words = u.group().toLowerCase(Locale.ROOT);
        String value;
        if (words.startsWith("year")) {
          // "by year-end" is the end of the anchor's year, "since year-end" of the year before
          boolean since = text.substring(Math.max(0, u.start() - 6), u.start()).strip().equalsIgnoreCase("since");
          value = (since ? anchor.getYear() - 1 : anchor.getYear()) + "-12-31";
        } else {
          value = words.startsWith("these") ? "PRESENT_REF" : "FUTURE_REF";
        }
        addUntagged(out, new TextSpan(u.start(), u.end()), value);
      }
    }
    out.sort(Comparator.comparingInt(t -> t.span().start()));
    if (anchor != null) {
      datedClockTimes(out);
    }
    return out;
  }

  /**
   * A clock time SUTime put on the anchor date ("at about 10:35 a.m.") takes the day its sentence names ("at about 10:35
   * a.m. (0735 GMT) Friday"), the nearest one when it names more.
   */
  private void datedClockTimes(List<Analysis.TimeMention> out) {
    String onAnchor = anchor + "T";
    for (int i = 0; i < out.size(); i++) {
      Analysis.TimeMention t = out.get(i);
      if (t.value() == null || !t.value().startsWith(onAnchor) || MONTH_WORD.matcher(t.text()).matches()
          || t.text().matches("(?i).*\\b(?:today|tonight|yesterday|tomorrow|\\w+day)\\b.*")) {
        continue;
      }
      String day = null;
      int distance = Integer.MAX_VALUE;
      for (Analysis.TimeMention o : out) {
        int d = Math.abs(o.span().start() - t.span().start());
        if (o != t && o.sentence() == t.sentence() && o.value() != null && o.value().matches("\\d{4}-\\d{2}-\\d{2}.*")
            && d < distance) {
          day = o.value().substring(0, 10);
          distance = d;
        }
      }
      if (day != null && !day.equals(anchor.toString())) {
        out.set(i, new Analysis.TimeMention(t.text(), t.type(), day + t.value().substring(10), t.span(), t.sentence()));
      }
    }
  }

  /** Adds words SUTime did not tag unless they are part of an expression found ("the year-ago third quarter"). */
  private void addUntagged(List<Analysis.TimeMention> out, TextSpan span, String value) {
    for (Analysis.TimeMention t : times) {
      int gap = t.span().start() - span.end();
      if (t.span().overlaps(span)
          || gap >= 0 && gap <= 20 && text.substring(span.end(), t.span().start()).strip().split("\\s+").length <= 1) {
        return;
      }
    }
    out.add(new Analysis.TimeMention(span.of(text), "DATE", value, span, CoreNlpAnalyzer.sentenceOf(sentences, span)));
  }

  /** @return the value of "the following year" or "the previous month" from the one last named, else {@code value} */
  private @Nullable String anaphoric(String words, @Nullable String value) {
    Matcher a = ANAPHORIC.matcher(words.strip());
    if (!a.matches() || words.toLowerCase(Locale.ROOT).startsWith("next")) {
      return value; // "next year" counts from the anchor date
    }
    int step = "previous".equalsIgnoreCase(a.group(1)) ? -1 : 1;
    if ("year".equalsIgnoreCase(a.group(2))) {
      return lastYear == null ? value : String.valueOf(Integer.parseInt(lastYear) + step);
    }
    return lastMonth == null ? value : java.time.YearMonth.parse(lastMonth).plusMonths(step).toString();
  }

  private @Nullable String resolve(String words, @Nullable String value, CoreEntityMention m) {
    return anchor == null ? value
        : TimexConventions.value(words, value, anchor, m.sentence().text(), tense(m), futureWords(m), quarter);
  }

  private void join(Analysis.TimeMention previous, TextSpan span, String type, @Nullable String value) {
    TextSpan whole = new TextSpan(previous.span().start(), span.end());
    times.set(times.size() - 1, new Analysis.TimeMention(whole.of(text), type, value, whole, previous.sentence()));
  }

  /** @return whether the words are a title: capitalised, two or more, right after an opening quotation mark */
  private boolean title(TextSpan span) {
    String words = span.of(text);
    String before = text.substring(Math.max(0, span.start() - 2), span.start());
    return words.matches("\\p{Lu}\\S*(?: \\p{Lu}\\S*)+|\\d+ \\p{Lu}\\S*") && before.matches(".*[\"`'“‘]");
  }

  /** @return whether a common noun follows the expression */
  private static boolean beforeNoun(CoreEntityMention m) {
    List<CoreLabel> tokens = m.sentence().tokens();
    int next = m.tokens().isEmpty() ? tokens.size() : m.tokens().getLast().index(); // 1-based: the next one's index
    return next < tokens.size() && String.valueOf(tokens.get(next).tag()).matches("NNS?|JJ");
  }

  /** @return the tense of the verb the expression dates ({@link Tense}) */
  private static Tense tense(CoreEntityMention m) {
    List<CoreLabel> tokens = m.sentence().tokens();
    if (m.tokens().isEmpty()) {
      return Tense.NONE;
    }
    int first = m.tokens().getFirst().index() - 1; // token indices are 1-based within the sentence
    int last = m.tokens().getLast().index() - 1;
    return first < 0 || last >= tokens.size() ? Tense.NONE : Tense.of(tokens, first, last);
  }

  /** @return whether the expression's sentence has a word of the future ("will", "next", "tomorrow"; not "next to") */
  private static boolean futureWords(CoreEntityMention m) {
    List<CoreLabel> tokens = m.sentence().tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (TimexConventions.marksFuture(tokens.get(i).word())
          && !(i + 1 < tokens.size() && "to".equalsIgnoreCase(tokens.get(i + 1).word()))) {
        return true;
      }
    }
    return false;
  }
}
