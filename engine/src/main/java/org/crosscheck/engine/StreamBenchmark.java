package org.crosscheck.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.engine.opensearch.EmbeddedOpenSearch;
import org.crosscheck.analysis.CoreNlpAnalyzer;
import org.crosscheck.model.Article;

/**
 * Throughput of the stream engine: real articles through an embedded Kafka and the story job on a
 * local cluster into a new store (on an in-JVM OpenSearch node, or embedded SQLite), timed from the
 * first send to the end of the job (job start-up included, the node's start-up not). Beyond the corpus, articles are repeated with a round number added to title
 * and text, so that they are new content (mostly found as copies of their first round).
 */
public final class StreamBenchmark {
  private StreamBenchmark() {}

  /**
   * @param corpus JSON Lines files of real articles
   * @param articles how many articles to send
   * @param options how the run goes (parallelism, analysis)
   * @param openSearch whether the store is on OpenSearch (else the embedded SQLite store)
   * @return what the run did
   */
  public static StreamEngine.Run run(List<Path> corpus, int articles, StreamEngine.Options options,
      boolean openSearch) {
    List<Article> input = articles(corpus, articles);
    Path dir;
    try {
      dir = Files.createTempDirectory("crosscheck-bench-stream");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary store: " + e.getMessage(), e);
    }
    try {
      if (!openSearch) {
        return StreamEngine.run(input, StoreLocator.sqlite(dir.resolve("data")), options);
      }
      try (EmbeddedOpenSearch node = EmbeddedOpenSearch.start(dir.resolve("opensearch"))) {
        return StreamEngine.run(input, new StoreLocator(node.storeLocation("bench")), options);
      }
    } finally {
      StreamEngine.deleteQuietly(dir);
    }
  }

  /**
   * Warms the JVM for the deep analysis, as {@code bench analyze} does: loads the models and
   * analyses the first articles once, outside any job, storing nothing; so that a run's analysis
   * figures are not those of cold code.
   *
   * @param corpus JSON Lines files of real articles
   * @param articles how many to analyse
   */
  public static void warmAnalysis(List<Path> corpus, int articles) {
    CoreNlpAnalyzer analyzer = new CoreNlpAnalyzer(org.crosscheck.engine.flink.TaskModels.shared());
    articles(corpus, articles).forEach(a -> analyzer.analyze(a.text(), a.published().localDate().orElse(null)));
  }

  /** @return the first {@code n} articles of the corpus, repeated in rounds when it has fewer */
  static List<Article> articles(List<Path> corpus, int n) {
    List<Article> real = StreamEvaluation.read(corpus.stream().map(Path::toString).toList());
    if (real.isEmpty()) {
      throw new IllegalArgumentException("no article in " + corpus);
    }
    List<Article> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Article a = real.get(i % real.size());
      int round = i / real.size();
      out.add(round == 0 ? a : Article.withDerivedId(a.outlet(), a.url(),
          (a.title() == null ? "" : a.title()) + " (" + round + ")", a.published(), a.language(),
          a.text() + "\n\n(" + round + ")", a.textKind(), a.provenance(), a.goldStory(), a.notes()));
    }
    return out;
  }
}
