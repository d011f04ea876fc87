package org.crosscheck.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DocumentFrequenciesTest {

  @Test
  void backgroundSharesFollowWordFrequency() {
    assertThat(Background.share("said", 300)).isGreaterThan(0.1);
    assertThat(Background.share("earthquake", 300)).isBetween(1e-4, 0.05);
    assertThat(Background.share("kursk", 300)).isZero();
    // plurals are folded like the clusterer folds them
    assertThat(Background.share("earthquake", 300)).isGreaterThan(Background.share("tremor", 300));
  }

  @Test
  void idfStartsFromTheBackgroundAndThenFollowsTheArticlesSeen() {
    Vocabulary vocabulary = new Vocabulary();
    DocumentFrequencies df = new DocumentFrequencies();
    TermVector[] first = vocabulary.encode(article("said", "earthquake", "kursk"));
    df.add(first);
    TermVector body = first[Field.BODY.ordinal()];
    // term ids are dense, in order of first sight
    assertThat(body.ids()).containsExactly(0, 1, 2);
    Map<String, Double> idf = Map.of("said", df.idf(Field.BODY, 0), "earthquake", df.idf(Field.BODY, 1),
        "kursk", df.idf(Field.BODY, 2));
    // after one article holding all three, a common word weighs least and an unknown name most
    assertThat(idf.get("said")).isLessThan(idf.get("earthquake"));
    assertThat(idf.get("earthquake")).isLessThan(idf.get("kursk"));
    // names and numbers are taken as absent from the background: two articles seen, both holding the
    // name, give ln((2 + B + 1) / (2 + 1)) + 1
    TermVector[] second = vocabulary.encode(article("kursk"));
    df.add(second);
    TermVector names = second[Field.NAMES.ordinal()];
    assertThat(names.ids()).containsExactly(first[Field.NAMES.ordinal()].ids());
    assertThat(df.idf(Field.NAMES, names.ids()[0]))
        .isCloseTo(Math.log((3 + DocumentFrequencies.PRIOR_DOCS) / 3) + 1, org.assertj.core.data.Offset.offset(1e-9));
  }

  private static ArticleFeatures article(String... words) {
    EnumMap<Field, Map<String, Integer>> counts = new EnumMap<>(Field.class);
    Map<String, Integer> body = new java.util.LinkedHashMap<>();
    for (String w : words) {
      body.put(w, 1);
    }
    counts.put(Field.BODY, body);
    counts.put(Field.LEAD, Map.of());
    counts.put(Field.NAMES, Map.of(words[words.length - 1], 1));
    counts.put(Field.NUMS, Map.of());
    return new ArticleFeatures(counts, Set.of(), null, new int[0]);
  }
}
