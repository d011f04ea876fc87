package org.crosscheck.analysis;

import org.crosscheck.TestModels;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.crosscheck.SharedData;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingAnalyzerTest {
  private final AtomicInteger runs = new AtomicInteger();
  /** The real analyzer, counting how often it runs. */
  private final Analyzer counted = (text, anchor) -> {
    runs.incrementAndGet();
    return new CoreNlpAnalyzer(TestModels.STANDARD).analyze(text, anchor);
  };

  private static Article seed() throws Exception {
    String text = Files.readString(SharedData.path("seeds/000_3e73613c10c7acdf.txt"), StandardCharsets.UTF_8);
    return Article.withDerivedId("MENAFN", null, "North Korea confirms troops", new Published.OnDate(
        LocalDate.parse("2025-04-28")), "en", text, TextKind.FULL,
        new Provenance(Provenance.Kind.FILE, "/seeds/000.txt", null, "text"), null, List.of());
  }

  @Test
  void analysesAnArticleOnceAndReadsItBackWhole(@TempDir Path tmp) throws Exception {
    Article a = seed();
    Analysis first;
    try (Store store = Store.open(tmp.resolve("data"))) {
      store.put(a);
      first = new CachingAnalyzer(counted, "v1", store).analyze(a);
      assertThat(first.anchor()).isEqualTo(LocalDate.parse("2025-04-28"));
      assertThat(new CachingAnalyzer(counted, "v1", store).analyze(a)).isEqualTo(first);
      assertThat(runs).hasValue(1);
    }
    try (Store reopened = Store.open(tmp.resolve("data"))) {
      Analysis again = new CachingAnalyzer(counted, "v1", reopened).analyze(a);
      assertThat(again).isEqualTo(first);
      assertThat(again.quotes()).isNotEmpty();
      assertThat(runs).hasValue(1);
      new CachingAnalyzer(counted, "v2", reopened).analyze(a);
      assertThat(runs).as("another analyzer version analyses again").hasValue(2);
    }
  }

  @Test
  void anUnreadableStoredAnalysisIsMadeAgainAndReplaced() throws Exception {
    Article a = seed();
    Store store = Store.inMemory();
    store.putAnalysis(a.id(), "v1", "{\"not\": \"an analysis\"");
    Analysis made = new CachingAnalyzer(counted, "v1", store).analyze(a);
    assertThat(runs).hasValue(1);
    assertThat(made.times()).isNotEmpty();
    assertThat(store.analysis(a.id(), "v1")).hasValueSatisfying(json -> assertThat(json).contains("2025-04-26"));
  }
}
