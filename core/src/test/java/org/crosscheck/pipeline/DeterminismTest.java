package org.crosscheck.pipeline;

import org.crosscheck.TestModels;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crosscheck.SharedData;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.report.ReportRenderer;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input gives the same articles, stories and report on every run: the HTML fixtures and
 * the seed story, ingested into fresh stores three times.
 */
class DeterminismTest {
  @TempDir Path tmp;

  /** What one run produced, in a form that compares with equals. */
  record Outcome(List<String> articles, Map<ArticleId, StoryId> stories, String report) {}

  private Outcome run(int n) throws Exception {
    try (Store store = Store.open(tmp.resolve("run-" + n))) {
      Pipeline.builder().store(store).buildIngestor().ingest(List.of(fixtures().toString(),
          SharedData.path("seeds").toString()), new IngestListener() {});
      List<String> articles = new ArrayList<>();
      for (Article a : store.list(0, 10_000)) {
        articles.add(String.join(" | ", a.id().value(), String.valueOf(a.outlet()), String.valueOf(a.title()),
            a.published().iso(), a.language(), a.text()));
      }
      Map<ArticleId, StoryId> stories = store.allAssignments();
      Article seed = store.list(0, 10_000).stream()
          .filter(a -> a.provenance().location().contains("seeds")).findFirst().orElseThrow();
      StoryId seedStory = stories.get(seed.id());
      String report = ReportRenderer.json(Pipeline.builder().store(store).models(TestModels.STANDARD).buildReporter().build(store, seedStory)
          .orElseThrow());
      return new Outcome(articles, stories, report);
    }
  }

  private static Path fixtures() throws URISyntaxException {
    return Path.of(DeterminismTest.class.getClassLoader().getResource("articles").toURI());
  }

  @Test
  void theSameInputGivesTheSameArticlesStoriesAndReportInFreshStores() throws Exception {
    Outcome first = run(1);
    assertThat(first.articles()).hasSizeGreaterThan(10);
    assertThat(first.report()).contains("\"conflicts\"");
    for (int n = 2; n <= 3; n++) {
      Outcome again = run(n);
      assertThat(again.articles()).as("articles of run %d", n).containsExactlyElementsOf(first.articles());
      assertThat(again.stories()).as("stories of run %d", n).containsExactlyEntriesOf(first.stories());
      assertThat(again.report()).as("report of run %d", n).isEqualTo(first.report());
    }
  }

  /** @return the stories as sets of article ids, whatever their numbers */
  private java.util.Set<java.util.Set<ArticleId>> storiesOfTheStream(int batchSize) {
    try (Store store = Store.open(tmp.resolve("batch-" + batchSize))) {
      Pipeline.builder().store(store).batchSize(batchSize).buildIngestor()
          .ingest(List.of(SharedData.path("gva-2013-2015.jsonl").toString()), new IngestListener() {});
      Map<StoryId, java.util.Set<ArticleId>> byStory = new java.util.HashMap<>();
      store.allAssignments().forEach((a, s) -> byStory.computeIfAbsent(s, x -> new java.util.HashSet<>()).add(a));
      return new java.util.HashSet<>(byStory.values());
    }
  }

  @Test
  void storiesDoNotDependOnHowTheInputWasBatched() {
    // an outlet's boilerplate learned from one article must be out of the next, whether or not the
    // next was read before the first was stored
    assertThat(storiesOfTheStream(3)).isEqualTo(storiesOfTheStream(500));
  }
}
