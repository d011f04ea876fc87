package org.crosscheck.analysis;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.crosscheck.model.TextSpan;
import org.jspecify.annotations.Nullable;

/**
 * Analysis with Stanford CoreNLP: tokens, sentences (a line break always ends one, so a headline
 * stays apart from the text), part-of-speech tags, lemmas, and named entities with CoreNLP's
 * numeric and SUTime time recognisers, which normalize numbers and resolve time expressions
 * against the anchor date; {@link TimeMentions} then joins what SUTime splits, resolves what refers back to the text
 * and applies the news conventions of {@link TimexConventions}. The coarse four-class entity model is used (2.6 times
 * faster than the fine-grained one). The pipeline comes from the {@link Models} given.
 *
 * <p>Thread-safe.
 */
public final class CoreNlpAnalyzer implements Analyzer {
  /** Names this analyzer's output: change it when the output changes, so that stored analyses are made again. */
  public static final String VERSION = "corenlp-4.5.10/crosscheck-16";
  private static final Set<String> NAMES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");
  private static final Set<String> TIMES = Set.of("DATE", "TIME", "DURATION", "SET");
  private static final Set<String> NUMBERS = Set.of("NUMBER", "MONEY", "PERCENT", "ORDINAL");

  private final Models models;

  /** @param models where the CoreNLP pipeline comes from (loaded on the first text when not yet) */
  public CoreNlpAnalyzer(Models models) {
    this.models = java.util.Objects.requireNonNull(models, "models");
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

  @Override
  public Analysis analyze(String text, @Nullable LocalDate anchor) {
    CoreDocument doc = new CoreDocument(QuoteMarks.openingMarksFixed(text));
    if (anchor != null) {
      doc.annotation().set(CoreAnnotations.DocDateAnnotation.class, anchor.toString());
    }
    models.corenlp().annotate(doc);
    List<TextSpan> sentences = new ArrayList<>();
    for (CoreSentence s : doc.sentences()) {
      sentences.add(new TextSpan(s.charOffsets().first(), s.charOffsets().second()));
    }
    List<Analysis.Entity> entities = new ArrayList<>();
    List<Analysis.Quantity> quantities = new ArrayList<>();
    TimeMentions times = new TimeMentions(text, anchor, sentences);
    for (CoreEntityMention m : doc.entityMentions()) {
      String type = m.entityType();
      TextSpan span = new TextSpan(m.charOffsets().first(), m.charOffsets().second());
      Integer sentence = m.coreMap().get(CoreAnnotations.SentenceIndexAnnotation.class);
      int index = sentence == null ? sentenceOf(sentences, span) : sentence;
      if (NAMES.contains(type)) {
        entities.add(new Analysis.Entity(span.of(text), type, span, index));
      } else if (TIMES.contains(type)) {
        times.add(m, span, index);
      } else if (NUMBERS.contains(type)) {
        String value = m.coreMap().get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
        quantities.add(new Analysis.Quantity(span.of(text), value == null ? span.of(text) : value, counted(m), type, span, index));
      }
    }
    return new Analysis(anchor, doc.tokens().size(), sentences, entities, quantities, times.all(), quotes(text, doc));
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

  /** @return whether the text ends with the end of a sentence or clause, so that what follows starts afresh */
  private static boolean endsAClause(String between) {
    String t = between.strip();
    return !t.isEmpty() && ".,:;".indexOf(t.charAt(t.length() - 1)) >= 0;
  }

  static int sentenceOf(List<TextSpan> sentences, TextSpan span) {
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
