package org.crosscheck.compare;

import org.crosscheck.TestModels;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.analysis.Analysis;
import org.crosscheck.analysis.CoreNlpAnalyzer;
import org.crosscheck.model.ArticleId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OriginsTest {
  private static final CoreNlpAnalyzer ANALYZER = new CoreNlpAnalyzer(TestModels.STANDARD);
  private static final LocalDate DAY = LocalDate.of(2025, 4, 28);
  private static List<ClaimAligner.Source> sources;
  private static Origins origins;

  private static ClaimAligner.Source source(String id, String outlet, String text) {
    Analysis a = ANALYZER.analyze(text, DAY);
    return new ClaimAligner.Source(new ArticleId(id), outlet, text, a);
  }

  @BeforeAll
  static void analyse() {
    sources = new ArrayList<>();
    sources.add(source("a-1", "Daily One", """
        According to the Korean Central News Agency (KCNA), leader Kim Jong-un ordered the deployment of troops.
        The KCNA also cited the Central Military Commission as saying that the operation ended in victory.
        The troops were sent to the Kursk region in large numbers last month."""));
    sources.add(source("a-2", "Herald Two", """
        Thousands of troops were sent to Russia last month, according to media reports.
        The Central Military Commission said that the operation ended in victory.
        The troops were sent to the Kursk region in large numbers last month.
        KCNA reported the news on Monday morning."""));
    sources.add(source("a-3", "Third Post", """
        The Third Post reports that the troops were sent to the Kursk region in large numbers last month.
        "We strongly condemn this action," stated Seoul's Foreign Ministry.
        Officials in Pyongyang asserted that the decision was lawful."""));
    List<EntityResolver.Entity> entities = EntityResolver.resolve(sources.stream().map(s -> new EntityResolver.Source(
        s.article(), s.outlet(), s.text(), s.analysis())).toList());
    origins = Origins.of(sources, entities);
  }

  private static Origins.Statement statement(int article, int sentence) {
    ClaimAligner.Source s = sources.get(article);
    return new Origins.Statement(s.article(), s.outlet(), sentence);
  }

  @Test
  void sourcesNamedTogetherInOneAttributionAreOneOriginNamedAfterTheMostCitedMember() {
    assertThat(origins.named(sources.get(0).article(), 0)).isEqualTo("Korean Central News Agency");
    // "KCNA cited the Central Military Commission": the commission's words reach outlets through KCNA
    assertThat(origins.named(sources.get(1).article(), 1)).isEqualTo("Korean Central News Agency");
    List<Origins.Origin> behind = origins.resolve(List.of(statement(0, 1), statement(1, 1)));
    assertThat(behind).singleElement().satisfies(o -> {
      assertThat(o.name()).isEqualTo("Korean Central News Agency");
      assertThat(o.outlets()).containsExactly("Daily One", "Herald Two");
      assertThat(o.inferred()).isFalse();
    });
  }

  @Test
  void aVagueAttributionRelaysTheFactsNamedOriginAndSaysSo() {
    assertThat(origins.of(sources.get(1).article(), 0).vague()).isEqualTo("media reports");
    List<Origins.Origin> behind = origins.resolve(List.of(statement(0, 0), statement(1, 0)));
    assertThat(behind).singleElement().satisfies(o -> {
      assertThat(o.name()).isEqualTo("Korean Central News Agency");
      assertThat(o.named()).contains("media reports");
      assertThat(o.inferred()).isTrue();
    });
  }

  @Test
  void aSentenceThatAttributesNothingRelaysOnlyAnOriginItsArticleCites() {
    // the third article never cites KCNA or the commission: its statement is its own
    List<Origins.Origin> behind = origins.resolve(List.of(statement(0, 1), statement(1, 1), statement(2, 0)));
    assertThat(behind).extracting(Origins.Origin::name).containsExactly("Korean Central News Agency", "Third Post");
    // the second article cites the commission elsewhere, so its bare sentence relays it
    List<Origins.Origin> relayed = origins.resolve(List.of(statement(0, 0), statement(1, 2)));
    assertThat(relayed).singleElement().satisfies(o -> assertThat(o.outlets()).containsExactly("Daily One",
        "Herald Two"));
  }

  @Test
  void outletsAreNeverOriginsAndTheMinistryNotTheCitySpeaks() {
    assertThat(origins.of(sources.get(2).article(), 0).named()).isEmpty();
    assertThat(origins.named(sources.get(2).article(), 1)).isEqualTo("Foreign Ministry");
    // "officials in Pyongyang": the officials speak, unnamed
    assertThat(origins.of(sources.get(2).article(), 2).named()).isEmpty();
    assertThat(origins.of(sources.get(2).article(), 2).vague()).isEqualTo("officials");
    assertThat(origins.cited(sources.get(2).article())).containsExactly("Foreign Ministry");
  }
}
