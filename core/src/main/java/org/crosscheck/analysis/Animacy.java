package org.crosscheck.analysis;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a common noun names a thing that cannot speak ("world", "tie", "candidacy") rather than
 * someone who can ("aide", "lawmaker", "neighbors"), from the animacy lists in CoreNLP's models
 * ({@code dcoref/inanimate.unigrams.txt}, about 80,000 nouns, and {@code dcoref/animate.unigrams.txt},
 * about 35,000).
 */
final class Animacy {
  private static final String INANIMATE = "/edu/stanford/nlp/models/dcoref/inanimate.unigrams.txt";
  private static final String ANIMATE = "/edu/stanford/nlp/models/dcoref/animate.unigrams.txt";

  private Animacy() {}

  private static final class Holder {
    static final Set<String> INANIMATE_NOUNS = load();

    private static Set<String> load() {
      Set<String> out = ModelLists.words(INANIMATE);
      out.removeAll(ModelLists.words(ANIMATE));
      return out;
    }
  }

  /** @return whether the noun is listed as inanimate and not as animate */
  static boolean inanimate(String noun) {
    return Holder.INANIMATE_NOUNS.contains(noun.toLowerCase(Locale.ROOT));
  }
}
