package org.crosscheck.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.crosscheck.engine.opensearch.EmbeddedOpenSearch;
import org.crosscheck.eval.EvaluationEngine;
import org.crosscheck.ingest.JsonlArticleImporter;
import org.crosscheck.model.Article;
import org.crosscheck.store.SketchStore.DuplicateLink;
import org.crosscheck.store.Store;

/**
 * The distributed engine as an engine of the evaluations ({@code eval clusters --engine stream},
 * {@code eval reports --engine stream}): the labelled JSON Lines files are read as the embedded
 * ingest reads them, sent through Kafka and the {@link org.crosscheck.engine.flink.StoryJob} into a
 * store on OpenSearch (an in-JVM node), and that store is scored by the same scorer. The job's
 * analysis is off: clustering does not use it, and the report evaluation analyses as it builds.
 */
public final class StreamEvaluation implements EvaluationEngine {
  @Override
  public <T> T ingest(Store store, Path dataDir, List<String> inputs,
      BiFunction<Store, EvaluationEngine.Ingested, T> score) {
    try (EmbeddedOpenSearch node = EmbeddedOpenSearch.start(dataDir.resolveSibling("opensearch"))) {
      String uri = node.storeLocation("eval");
      StreamEngine.run(read(inputs), new StoreLocator(uri), StreamEngine.Options.defaults());
      try (Store results = Store.open(uri)) {
        List<DuplicateLink> links = new ArrayList<>();
        for (Article a : results.list(0, Integer.MAX_VALUE)) {
          results.duplicateOf(a.id()).ifPresent(links::add);
        }
        return score.apply(results,
            new EvaluationEngine.Ingested(results.merges().size(), results.splits().size(), links));
      }
    }
  }

  /**
   * @param files JSON Lines files
   * @return their articles, in order, as the embedded ingest reads them
   * @throws UncheckedIOException naming the problem when a file cannot be read
   */
  static List<Article> read(List<String> files) {
    try {
      return JsonlArticleImporter.articles(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + files + ": " + e.getMessage(), e);
    }
  }

}
