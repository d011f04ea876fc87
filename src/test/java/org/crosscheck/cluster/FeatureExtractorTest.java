package org.crosscheck.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crosscheck.SharedData;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'][\\p{L}\\p{N}]+)*");
  private static final Pattern NAME_TOKEN =
      Pattern.compile("[\\p{L}\\p{N}]+(?:[-'.][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");

  @Test
  void tokenizerSplitsLikeTheRegularExpressionItReplaces() throws Exception {
    String seeds = String.join("\n", java.nio.file.Files.readAllLines(
        SharedData.path("seeds/000_3e73613c10c7acdf.txt"))) + "\nKim Jong-un's U.S. visit; 15,800 containers — ½ of 2025's";
    assertThat(FeatureExtractor.tokens(seeds, false)).isEqualTo(all(WORD, seeds));
    assertThat(FeatureExtractor.tokens(seeds, true)).isEqualTo(all(NAME_TOKEN, seeds));
    assertThat(FeatureExtractor.tokens("Kim Jong-un's U.S. visit", true))
        .containsExactly("Kim", "Jong-un's", "U.S", ".", "visit");
  }

  @Test
  void yearSetsIntersectOnlyOnACommonYear() {
    YearSet a = YearSet.of(Set.of("1950", "2016"));
    assertThat(a.intersects(YearSet.of(Set.of("2016")))).isTrue();
    assertThat(a.intersects(YearSet.of(Set.of("2015", "2077")))).isFalse();
    assertThat(a.intersects(YearSet.EMPTY)).isFalse();
    assertThat(a.union(YearSet.of(Set.of("2077"))).intersects(YearSet.of(Set.of("2077")))).isTrue();
    assertThat(YearSet.of(Set.of("1949", "2078"))).isEqualTo(YearSet.EMPTY);
  }

  private static java.util.List<String> all(Pattern p, String text) {
    java.util.List<String> out = new java.util.ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
