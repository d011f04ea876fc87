package org.crosscheck.analysis;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.Timex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.crosscheck.model.TextSpan;
import org.jspecify.annotations.Nullable;

/**
 * Analysis with Stanford CoreNLP: tokens, sentences (a line break always ends one, so a headline
 * stays apart from the text), part-of-speech tags, lemmas, and named entities with CoreNLP's
 * numeric and SUTime time recognisers, which normalize numbers and resolve time expressions
 * against the anchor date, then {@link TimexConventions} apply news conventions SUTime lacks. The coarse four-class entity model is used (2.6 times faster than the
 * fine-grained one). The pipeline loads once per process (14 to 20 seconds), on first use.
 *
 * <p>Thread-safe.
 */
public final class CoreNlpAnalyzer implements Analyzer {
  /** Names this analyzer's output: change it when the output changes, so that stored analyses are made again. */
  public static final String VERSION = "corenlp-4.5.10/crosscheck-12";
  private static final Set<String> NAMES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");
  private static final Set<String> TIMES = Set.of("DATE", "TIME", "DURATION", "SET");
  private static final Set<String> NUMBERS = Set.of("NUMBER", "MONEY", "PERCENT", "ORDINAL");

  private static final class Holder {
    static final StanfordCoreNLP PIPELINE = new StanfordCoreNLP(properties());
  }

  /** @return the pipeline's settings */
  static Properties properties() {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,quote");
    p.setProperty("quote.attributeQuotes", "false"); // CoreNLP's attribution needs coref; SpeakerFinder does it
    p.setProperty("ssplit.newlineIsSentenceBreak", "always");
    p.setProperty("ner.applyFineGrained", "false");
    p.setProperty("ner.buildEntityMentions", "true");
    p.setProperty("ner.useSUTime", "true");
    return p;
  }

  /** Loads the pipeline now rather than on the first text (it takes 14 to 20 seconds). */
  public static void load() {
    Holder.PIPELINE.getClass();
  }

  @Override
  public Analysis analyze(String text, @Nullable LocalDate anchor) {
    CoreDocument doc = new CoreDocument(QuoteMarks.openingMarksFixed(text));
    if (anchor != null) {
      doc.annotation().set(CoreAnnotations.DocDateAnnotation.class, anchor.toString());
    }
    Holder.PIPELINE.annotate(doc);
    List<TextSpan> sentences = new ArrayList<>();
    for (CoreSentence s : doc.sentences()) {
      sentences.add(new TextSpan(s.charOffsets().first(), s.charOffsets().second()));
    }
    List<Analysis.Entity> entities = new ArrayList<>();
    List<Analysis.Quantity> quantities = new ArrayList<>();
    List<Analysis.TimeMention> times = new ArrayList<>();
    String quarter = null; // the quarter reported on: the first one named
    int quarterEnd = -1; // where it is named
    String previousTid = null; // SUTime's id of the last time expression kept
    for (CoreEntityMention m : doc.entityMentions()) {
      String type = m.entityType();
      TextSpan span = new TextSpan(m.charOffsets().first(), m.charOffsets().second());
      Integer sentence = m.coreMap().get(CoreAnnotations.SentenceIndexAnnotation.class);
      int index = sentence == null ? sentenceOf(sentences, span) : sentence;
      if (NAMES.contains(type)) {
        entities.add(new Analysis.Entity(span.of(text), type, span, index));
      } else if (TIMES.contains(type)) {
        Analysis.TimeMention previous = times.isEmpty() ? null : times.getLast();
        boolean adjacent = previous != null && previous.span().end() + 1 == span.start();
        if ("Day".equals(m.text()) && adjacent) {
          // "Thanksgiving Day": SUTime tags the holiday and leaves "Day" apart
          TextSpan whole = new TextSpan(previous.span().start(), span.end());
          times.set(times.size() - 1, new Analysis.TimeMention(whole.of(text), previous.type(), previous.value(), whole,
              previous.sentence()));
          continue;
        }
        if (adjacent && "fiscal".equalsIgnoreCase(previous.text()) && m.text().matches("\\d{4}")) {
          // "fiscal 1989": SUTime tags "fiscal" and the year apart; the fiscal year is named by its year
          TextSpan whole = new TextSpan(previous.span().start(), span.end());
          times.set(times.size() - 1, new Analysis.TimeMention(whole.of(text), "DATE", m.text(), whole,
              previous.sentence()));
          continue;
        }
        int count = TimexConventions.countBefore(m.text(), text.substring(Math.max(0, span.start() - 24), span.start()));
        if (count > 0) {
          // "2 1/2 years", "two more weeks": SUTime tags the unit alone
          TextSpan whole = new TextSpan(span.start() - count, span.end());
          times.add(new Analysis.TimeMention(whole.of(text), "DURATION", TimexConventions.countedLength(whole.of(text)),
              whole, index));
          previousTid = null;
          continue;
        }
        if (TimexConventions.notATime(m.text())) {
          continue;
        }
        Timex timex = m.coreMap().get(TimeAnnotations.TimexAnnotation.class);
        String tid = timex == null ? null : timex.tid();
        if (tid != null && tid.equals(previousTid) && previous != null && previous.sentence() == index
            && text.substring(previous.span().end(), span.start()).matches("[\\s,]*")) {
          // one SUTime expression split into two mentions by their tags ("9 a.m. Tuesday"): kept whole
          TextSpan whole = new TextSpan(previous.span().start(), span.end());
          String value = TimexConventions.withoutZone(timex.value());
          if (anchor != null) {
            value = TimexConventions.value(whole.of(text), value, anchor, m.sentence().text(), tense(m), futureWords(m),
                quarter);
          }
          times.set(times.size() - 1, new Analysis.TimeMention(whole.of(text), previous.type(), value, whole,
              previous.sentence()));
          continue;
        }
        previousTid = tid;
        String value = timex == null || timex.value() == null || timex.value().isEmpty() ? null
            : TimexConventions.withoutZone(timex.value());
        if (anchor != null) {
          value = TimexConventions.value(m.text(), value, anchor, m.sentence().text(), tense(m), futureWords(m),
              quarter);
          if (quarter == null && value != null && value.matches("\\d{4}-Q[1-4]") && m.text().toLowerCase(Locale.ROOT).contains("quarter")
              && value.compareTo(anchor.getYear() + "-Q" + anchor.get(java.time.temporal.IsoFields.QUARTER_OF_YEAR)) <= 0) {
            quarter = value;
            quarterEnd = span.end();
          }
        }
        String timexType = timex == null || timex.timexType() == null ? type : timex.timexType();
        times.add(new Analysis.TimeMention(span.of(text), timexType, value == null || value.isEmpty() ? null : value, span,
            index));
      } else if (NUMBERS.contains(type)) {
        String value = m.coreMap().get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
        quantities.add(new Analysis.Quantity(span.of(text), value == null ? span.of(text) : value, counted(m), type, span, index));
      }
    }
    if (quarter != null) {
      addReportPeriods(text, quarter, quarterEnd, sentences, times);
    }
    return new Analysis(anchor, doc.tokens().size(), sentences, entities, quantities, times, quotes(text, doc));
  }

  /**
   * Adds the words of earnings reports that SUTime does not tag ("the year-ago period", "year-earlier profit", "the
   * latest period") after the quarter reported on is named, unless they are part of an expression found already ("the
   * year-ago third quarter").
   */
  private static void addReportPeriods(String text, String quarter, int quarterEnd, List<TextSpan> sentences,
      List<Analysis.TimeMention> times) {
    java.util.regex.Matcher r = TimexConventions.REPORT_PERIOD.matcher(text);
    r.region(quarterEnd, text.length());
    boolean added = false;
    while (r.find()) {
      TextSpan span = new TextSpan(r.start(), r.end());
      boolean taken = false;
      for (Analysis.TimeMention t : times) {
        int gap = t.span().start() - span.end();
        // within an expression found, or at most one word before it ("year-ago third quarter")
        taken |= t.span().overlaps(span)
            || gap >= 0 && gap <= 20 && text.substring(span.end(), t.span().start()).strip().split("\\s+").length <= 1;
      }
      if (!taken) {
        times.add(new Analysis.TimeMention(span.of(text), "DATE", TimexConventions.reportPeriod(span.of(text), quarter),
            span, sentenceOf(sentences, span)));
        added = true;
      }
    }
    if (added) {
      times.sort(java.util.Comparator.comparingInt(t -> t.span().start()));
    }
  }

  /** Longest attribution clause (characters) between two quotes of one speaker. */
  private static final int CONTINUATION_GAP = 80;

  private static List<Analysis.Quote> quotes(String text, CoreDocument doc) {
    List<Analysis.Quote> out = new ArrayList<>();
    if (doc.quotes() == null) {
      return out;
    }
    List<CoreLabel> tokens = doc.tokens();
    SpeakerFinder.Speaker previous = null;
    int previousEnd = -1;
    for (var q : doc.quotes()) {
      Integer begin = q.coreMap().get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      Integer end = q.coreMap().get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      if (begin == null || end == null || end - begin < 2) {
        continue;
      }
      TextSpan span = new TextSpan(begin, end);
      // a quote continues the previous speaker when only white space (a paragraph break) or that speaker's own
      // attribution ("“...,” he said. “...”") lies between them
      boolean adjacent = previousEnd >= 0 && begin >= previousEnd && previous != null
          && (text.substring(previousEnd, begin).isBlank()
              || previous.span().start() >= previousEnd && previous.span().end() <= begin
                  && begin - previousEnd <= CONTINUATION_GAP && endsAClause(text.substring(previousEnd, begin)));
      SpeakerFinder.Speaker found = SpeakerFinder.find(text, tokens, span, adjacent ? previous : null);
      Analysis.Speaker speaker = found == null ? null : new Analysis.Speaker(found.text(), found.span(), found.name(),
          found.type(), found.cue(), found == previous);
      int markOpen = text.startsWith("``", begin) || text.startsWith("''", begin) ? 2 : 1;
      int markClose = text.startsWith("''", end - 2) && end - 2 >= begin + markOpen ? 2 : 1;
      out.add(new Analysis.Quote(text.substring(begin + markOpen, end - markClose), span, speaker));
      previous = found;
      previousEnd = end;
    }
    return out;
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

  /** @return whether the text ends with the end of a sentence or clause, so that what follows starts afresh */
  private static boolean endsAClause(String between) {
    String t = between.strip();
    return !t.isEmpty() && ".,:;".indexOf(t.charAt(t.length() - 1)) >= 0;
  }

  private static int sentenceOf(List<TextSpan> sentences, TextSpan span) {
    for (int i = 0; i < sentences.size(); i++) {
      if (sentences.get(i).overlaps(span)) {
        return i;
      }
    }
    return 0;
  }

  /**
   * @return the noun phrase right after a number ("15,800 shipping containers" gives "shipping
   *     containers"): adjectives and nouns up to the last noun, or {@code null} when no noun follows
   */
  private static @Nullable String counted(CoreEntityMention m) {
    List<CoreLabel> tokens = m.sentence().tokens();
    List<CoreLabel> own = m.tokens();
    int next = own.get(own.size() - 1).index(); // 1-based index of the mention's last token = 0-based next
    StringBuilder phrase = new StringBuilder();
    int nounEnd = -1;
    List<String> words = new ArrayList<>();
    for (int i = next; i < tokens.size(); i++) {
      String tag = tokens.get(i).tag();
      if (tag == null || !(tag.startsWith("NN") || tag.startsWith("JJ") || tag.equals("VBN") || tag.equals("HYPH"))) {
        break;
      }
      words.add(tokens.get(i).word());
      if (tag.startsWith("NN")) {
        nounEnd = words.size();
      }
      if (tag.startsWith("NN") && i + 1 < tokens.size() && !String.valueOf(tokens.get(i + 1).tag()).startsWith("NN")) {
        break; // the phrase ends at its head noun
      }
    }
    if (nounEnd < 0) {
      return null;
    }
    for (int i = 0; i < nounEnd; i++) {
      if (i > 0) {
        phrase.append(' ');
      }
      phrase.append(words.get(i));
    }
    return phrase.toString();
  }
}
