package org.crosscheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.analysis.CoreNlpAnalyzer;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.Article;
import org.crosscheck.model.Story;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamEngineTest {
  @Test
  void analysesEveryArticleAndBuildsTheReportOfEveryStory(@TempDir Path dir) {
    // the first event of BASIL: one story, reported by three outlets
    List<Article> articles = StreamEvaluation.read(List.of(SharedData.path("basil-2010-2016.jsonl").toString()))
        .subList(0, 3);
    StoreLocator locator = StoreLocator.sqlite(dir.resolve("data"));
    StreamEngine.Run run = StreamEngine.run(articles, locator,
        StreamEngine.Options.defaults().withParallelism(2).withAnalysis(true));

    assertThat(run.articles()).isEqualTo(3);
    assertThat(run.analysed()).isEqualTo(3);
    assertThat(run.tokens()).isGreaterThan(1000);
    try (Store store = locator.open()) {
      for (Article a : articles) {
        assertThat(store.analysis(a.id(), CoreNlpAnalyzer.VERSION)).as("analysis of " + a.id()).isPresent();
      }
      List<Story> stories = Stories.all(store);
      assertThat(stories).hasSize(1);
      assertThat(stories.getFirst().outlets()).hasSize(3);
      assertThat(ReportBuilder.stored(store, stories.getFirst())).as("the story's report, up to date").isPresent();
    }
  }
}
