package org.crosscheck.compare;

import org.crosscheck.TestModels;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimAlignerTest {
  @Test
  void attributionWordsAreLeftOutOfWhatIsCompared() {
    assertThat(ClaimAligner.content("According to the North Korean Central News Agency (KCNA), leader Kim Jong-un"
        + " personally ordered the deployment of troops.")).isEqualTo("leader Kim Jong-un personally ordered the"
        + " deployment of troops.");
    assertThat(ClaimAligner.content("(MENAFN) North Korea officially confirmed on Monday that it sent troops to Russia,"
        + " according to media reports.")).isEqualTo("North Korea officially confirmed on Monday that it sent troops to"
        + " Russia");
    // nothing left but the attribution: the sentence is kept whole
    assertThat(ClaimAligner.content("According to KCNA, it did.")).isEqualTo("According to KCNA, it did.");
  }

  @Test
  void aNameTwoOutletsStateInSentencesWordedApartIsAFactTheyAgreeOn() {
    String fox = "Vice President Biden and Paul Ryan met in Danville for their only debate of the campaign season. "
        + "The moderator, ABC News correspondent Martha Raddatz, pressed both men on Afghanistan and taxes.";
    String huff = "Joe Biden and Paul Ryan met in Kentucky for a debate on Thursday night. "
        + "Questions came from Martha Raddatz, who kept the two running mates to a tight schedule all evening.";
    var analyzer = new org.crosscheck.analysis.CoreNlpAnalyzer(TestModels.STANDARD);
    var a = new ClaimAligner.Source(new org.crosscheck.model.ArticleId("a-1"), "Fox News", fox,
        analyzer.analyze(fox, java.time.LocalDate.parse("2012-10-12")));
    var b = new ClaimAligner.Source(new org.crosscheck.model.ArticleId("a-2"), "HuffPost", huff,
        analyzer.analyze(huff, java.time.LocalDate.parse("2012-10-12")));
    var entities = EntityResolver.resolve(java.util.List.of(
        new EntityResolver.Source(a.article(), a.outlet(), fox, a.analysis()),
        new EntityResolver.Source(b.article(), b.outlet(), huff, b.analysis())));
    var result = new ClaimAligner(new SentenceEmbedder(TestModels.STANDARD)).align(java.util.List.of(a, b), entities);
    assertThat(result.consensus()).anySatisfy(f -> {
      assertThat(f.outlets()).containsExactlyInAnyOrder("Fox News", "HuffPost");
      assertThat(f.claims()).allSatisfy(c -> assertThat(c.text()).contains("Raddatz"));
    });
  }
}
