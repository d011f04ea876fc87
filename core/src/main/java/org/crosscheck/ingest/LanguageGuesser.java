package org.crosscheck.ingest;

import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.RemoveMinorityScriptsTextFilter;
import com.optimaize.langdetect.text.TextObjectFactory;
import com.optimaize.langdetect.text.TextObjectFactoryBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.crosscheck.model.Article;
import org.jspecify.annotations.Nullable;

/**
 * Guesses the language of article text with the n-gram profiles of the optimaize
 * language-detector library, for the twenty languages most of the world's news is written in
 * (all 70 built-in profiles would take 100 MB of heap; these take 19 MB). Text in another
 * language comes out as {@code und} or as a close relative. Loaded once, on first use; thread-safe.
 */
public final class LanguageGuesser {
  /**
   * Characters of text looked at; enough for a confident guess, cheap on long articles. Of the
   * 2,956 shared English articles of 200 characters or more, 500 characters tell all but a table of
   * records (1,000 tell all of them, at twice the cost: the guess was a fifth of ingest).
   */
  private static final int SAMPLE_CHARS = 500;
  /** The languages recognised: ISO 639-1 codes of the optimaize profiles loaded. */
  static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar",
      "zh-CN", "ja", "ko", "vi", "id", "sv", "fa", "hi");

  private LanguageGuesser() {}

  private static final class Holder {
    static final LanguageDetector DETECTOR = load();
    /**
     * The library's large-text factory without its URL filter, whose regex cost a third of the
     * guess: a stray URL in the first thousand characters of an article barely moves the n-gram
     * counts.
     */
    static final TextObjectFactory TEXT = new TextObjectFactoryBuilder().maxTextLength(SAMPLE_CHARS)
        .withTextFilter(RemoveMinorityScriptsTextFilter.forThreshold(0.3))
        .build();

    private static LanguageDetector load() {
      try {
        return LanguageDetectorBuilder.create(NgramExtractors.standard())
            .withProfiles(new LanguageProfileReader().readBuiltIn(LANGUAGES.stream().map(LdLocale::fromString).toList()))
            .minimalConfidence(0.8)
            .build();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the language profiles", e);
      }
    }
  }

  /**
   * @param declared a language the input declared ({@code en-US}, {@code en_GB}), or {@code null}
   * @param text the article text
   * @return the declared language's primary tag when given, else the detected one, else {@code und}
   */
  public static String languageOf(@Nullable String declared, String text) {
    if (declared != null && !declared.isBlank()) {
      String tag = declared.strip().replace('_', '-');
      String primary = Locale.forLanguageTag(tag).getLanguage();
      if (!primary.isEmpty()) {
        return primary;
      }
    }
    return guess(text);
  }

  /**
   * @param text the text
   * @return the ISO 639-1 code of the detected language, or {@code und} when unsure
   */
  public static String guess(String text) {
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    if (mostlyUpperCase(sample)) {
      // the profiles are of ordinary text: closed captions in capitals came out German or unknown
      sample = sample.toLowerCase(Locale.ROOT);
    }
    var found = Holder.DETECTOR.detect(Holder.TEXT.forText(sample));
    return found.isPresent() ? found.get().getLanguage() : Article.UNDETERMINED;
  }

  private static boolean mostlyUpperCase(String s) {
    int upper = 0;
    int letters = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
          upper++;
        }
      }
    }
    return upper * 2 > letters;
  }
}
