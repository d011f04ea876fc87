package org.crosscheck.compare;

import org.crosscheck.TestModels;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.analysis.CoreNlpAnalyzer;
import org.crosscheck.model.Article;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EntityResolverTest {
  private static List<EntityResolver.Entity> entities;

  @BeforeAll
  static void resolveTheSeedStory() {
    Store store = Store.inMemory();
    Pipeline.builder().store(store).buildIngestor()
        .ingest(List.of(SharedData.path("seeds").toString()), new IngestListener() {});
    CoreNlpAnalyzer analyzer = new CoreNlpAnalyzer(TestModels.STANDARD);
    List<EntityResolver.Source> sources = new ArrayList<>();
    for (Article a : store.list(0, 10)) {
      sources.add(new EntityResolver.Source(a.id(), store.outlets().name(a), a.text(),
          analyzer.analyze(a.text(), a.published().localDate().orElse(null))));
    }
    entities = EntityResolver.resolve(sources);
  }

  private static EntityResolver.Entity withVariant(String variant) {
    return entities.stream().filter(e -> e.variants().contains(variant)).findFirst().orElseThrow(
        () -> new AssertionError("no entity written '" + variant + "'"));
  }

  @Test
  void spellingsOfOnePersonAreOneEntityWithItsOutlets() {
    EntityResolver.Entity kim = withVariant("Kim Jong Un");
    assertThat(kim.variants()).contains("Kim Jong-un", "Kim");
    assertThat(kim.type()).isEqualTo("PERSON");
    assertThat(kim.outlets()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(kim.mentions()).allSatisfy(m -> assertThat(m.text()).startsWith("Kim"));
  }

  @Test
  void acronymsJoinTheNamesTheTextDefinesThemAs() {
    assertThat(withVariant("KCNA")).isSameAs(withVariant("Korean Central News Agency"));
    assertThat(withVariant("UN")).isSameAs(withVariant("United Nations"));
    assertThat(withVariant("Foreign Ministry")).isSameAs(withVariant("Ministry of Foreign Affairs"));
    assertThat(withVariant("Jeon").name()).isEqualTo("Jeon Ha-kyu");
  }

  @Test
  void pronounsAreNotEntitiesAndTheWidestReportedComeFirst() {
    assertThat(entities).noneMatch(e -> e.name().equalsIgnoreCase("he"));
    for (int i = 1; i < entities.size(); i++) {
      assertThat(entities.get(i).outlets().size()).isLessThanOrEqualTo(entities.get(i - 1).outlets().size());
    }
  }

  @Test
  void organisationNamesDifferingByANationalityOrAnOfTailAreOneEntity() {
    EntityResolver.Entity cmc = withVariant("North Korean Central Military Commission");
    assertThat(cmc.variants()).contains("Central Military Commission of the Workers' Party of Korea",
        "Central Military Commission of the Workers’ Party");
    assertThat(cmc.outlets()).hasSizeGreaterThanOrEqualTo(3);
  }
}
