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
  void monthsAreResolvedToTheYearWrittenWithThemOrToTheLatestBeforePublication() {
    long published = java.time.LocalDate.parse("2015-03-31").toEpochDay();
    int[] months = FeatureExtractor.months("Brothers charged in the January shooting may face trial in"
        + " December. The killings of Sept. 14, 2013 and of March 2012 are unsolved; may is a verb.", published);
    assertThat(months).containsExactly(month(2012, 3), month(2013, 9), month(2014, 12), month(2015, 1));
    // "May" as a month but not "may"; a month without a year needs a publication date
    assertThat(FeatureExtractor.months("May 5 was quiet; police may know more.", published)).containsExactly(
        month(2014, 5));
    assertThat(FeatureExtractor.months("In January the suspect fled; in June 2014 he was caught.", null))
        .containsExactly(month(2014, 6));
  }

  private static int month(int year, int month) {
    return StorySimilarity.epochMonth(java.time.LocalDate.of(year, month, 1).toEpochDay());
  }

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
  void numbersAndCliticsMatchTheRegularExpressionsTheyReplaceOnEveryDevelopmentArticle() throws Exception {
    Pattern number = Pattern.compile("\\d+(?:[.,]\\d+)*");
    Pattern cliticS = Pattern.compile("\\s+'s\\b");
    Pattern cliticNt = Pattern.compile("\\s+n't\\b");
    int tokenized = 0;
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (String file : java.util.List.of("ecbplus-train-dev.jsonl", "basil-2010-2016.jsonl")) {
      for (String line : java.nio.file.Files.readAllLines(SharedData.path(file))) {
        texts.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("text").asText());
      }
    }
    texts.add("1.5, 2,000,000. 3.x 4. .5 12,34,5 2025's 7\u0665 a 's b\tn't c's d n'ts");
    for (String text : texts) {
      assertThat(FeatureExtractor.numbers(text)).isEqualTo(all(number, text));
      String quotes = text.replace('\u2019', '\'').replace('\u2018', '\'').replace("``", "\"").replace("''", "\"");
      String expected = cliticNt.matcher(cliticS.matcher(quotes).replaceAll("'s")).replaceAll("n't");
      assertThat(FeatureExtractor.normalize(text)).isEqualTo(expected);
      if (!expected.equals(quotes)) {
        tokenized++;
      }
    }
    assertThat(tokenized).as("texts with detached clitics (ECB+ is tokenized)").isGreaterThan(300);
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
