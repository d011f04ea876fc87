package org.crosscheck.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crosscheck.model.Article;
import org.jspecify.annotations.Nullable;

/**
 * Turns an article into {@link ArticleFeatures} with plain rules: no NLP model. Works on ordinary
 * and on tokenized text ({@code Kim Jong Un , leader .}). Stateless and thread-safe.
 */
final class FeatureExtractor {
  private static final Set<String> STOP = loadStopWords();
  /** Sentences of the body counted as the lead, after the title. */
  private static final int LEAD_SENTENCES = 2;

  private FeatureExtractor() {}

  static ArticleFeatures extract(Article a) {
    Map<String, Integer> terms = new HashMap<>();
    Map<String, Integer> lead = new HashMap<>();
    Set<String> names = new HashSet<>();
    Set<String> numbers = new HashSet<>();
    if (a.title() != null) {
      scan(a.title(), lead, names, numbers, true);
      scan(a.title(), terms, names, numbers, true);
    }
    String text = a.text();
    int leadEnd = leadEnd(text);
    scan(text.substring(0, leadEnd), lead, null, null, false);
    scan(text, terms, names, numbers, false);
    return new ArticleFeatures(terms, lead, names, numbers, a.published().localDate().orElse(null));
  }

  /** @return the end of the lead: the first {@link #LEAD_SENTENCES} sentences (or lines) of the text */
  static int leadEnd(String text) {
    int found = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean end = c == '\n'
          || ((c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))));
      if (end && ++found == LEAD_SENTENCES) {
        return i + 1;
      }
    }
    return text.length();
  }

  /**
   * Splits text into words and collects content words, proper-noun phrases and numbers.
   *
   * @param headline whether the text is a headline (where every word may be capitalised)
   */
  private static void scan(String text, Map<String, Integer> terms, @Nullable Set<String> names,
      @Nullable Set<String> numbers, boolean headline) {
    StringBuilder phrase = new StringBuilder();
    boolean sentenceStart = true;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || isInnerJoiner(text, j))) {
          j++;
        }
        String raw = text.substring(i, j);
        boolean capital = Character.isUpperCase(raw.charAt(0));
        if (Character.isDigit(raw.charAt(0))) {
          if (numbers != null) {
            numbers.add(raw.replace(",", ""));
          }
          flush(phrase, names);
        } else {
          String w = normalizeWord(raw);
          if (!STOP.contains(w) && w.length() > 1) {
            terms.merge(w, 1, Integer::sum);
          }
          if (names != null && !headline && capital && !sentenceStart && !STOP.contains(w)) {
            if (phrase.length() > 0) {
              phrase.append(' ');
            }
            phrase.append(raw.toLowerCase(Locale.ROOT));
          } else {
            flush(phrase, names);
          }
        }
        sentenceStart = false;
        i = j;
      } else {
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == '\u201C' || c == '`') {
          sentenceStart = true;
        }
        if (!Character.isWhitespace(c) && c != '-' && c != '\'') {
          flush(phrase, names);
        }
        i++;
      }
    }
    flush(phrase, names);
  }

  private static boolean isInnerJoiner(String text, int j) {
    char c = text.charAt(j);
    return (c == '-' || c == '\'' || c == '\u2019' || c == ',' || c == '.')
        && j + 1 < text.length() && Character.isLetterOrDigit(text.charAt(j + 1))
        && j > 0 && Character.isLetterOrDigit(text.charAt(j - 1))
        && (c != ',' && c != '.' || Character.isDigit(text.charAt(j - 1)) && Character.isDigit(text.charAt(j + 1)));
  }

  private static void flush(StringBuilder phrase, @Nullable Set<String> names) {
    if (phrase.length() > 0) {
      if (names != null) {
        names.add(phrase.toString());
      }
      phrase.setLength(0);
    }
  }

  /** Lowercases and strips a possessive and a plural {@code s} (not {@code ss}, {@code us}, {@code is}). */
  static String normalizeWord(String raw) {
    String w = raw.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    if (w.endsWith("'s")) {
      w = w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      w = w.endsWith("ies") ? w.substring(0, w.length() - 3) + "y" : w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static Set<String> loadStopWords() {
    try (InputStream in = FeatureExtractor.class.getResourceAsStream("stopwords-en.txt")) {
      if (in == null) {
        throw new IllegalStateException("stopwords-en.txt is missing from the classpath");
      }
      Set<String> words = new HashSet<>();
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(words::add);
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
