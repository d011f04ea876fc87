package org.crosscheck.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.eval.StoryClustererEvaluator;
import org.crosscheck.ingest.FileInput;
import org.crosscheck.ingest.Imported;
import org.crosscheck.ingest.JsonlArticleImporter;
import org.crosscheck.model.Article;
import org.crosscheck.store.SketchStore.DuplicateLink;
import org.crosscheck.store.Store;

/**
 * The stream engine as an engine of the cluster evaluation ({@code eval clusters --engine stream}):
 * the labelled JSON Lines files are read as the embedded ingest reads them, sent through Kafka and
 * the {@link org.crosscheck.engine.flink.StoryJob} into the evaluation's store, and scored by the
 * same scorer. Analysis is off: clustering does not use it.
 */
public final class StreamEvaluation implements StoryClustererEvaluator.Engine {
  @Override
  public StoryClustererEvaluator.Ingested ingest(Store store, Path dataDir, List<String> inputs) {
    StreamEngine.run(read(inputs), StoreLocator.sqlite(dataDir), StreamEngine.Options.defaults());
    List<DuplicateLink> links = new ArrayList<>();
    for (Article a : store.list(0, Integer.MAX_VALUE)) {
      store.duplicateOf(a.id()).ifPresent(links::add);
    }
    return new StoryClustererEvaluator.Ingested(store.merges().size(), store.splits().size(), links);
  }

  /**
   * @param files JSON Lines files
   * @return their articles, in order; lines that are not articles are left out, as ingest rejects them
   */
  static List<Article> read(List<String> files) {
    List<Article> out = new ArrayList<>();
    for (String f : files) {
      try {
        new JsonlArticleImporter().read(new FileInput(Path.of(f)), item -> {
          if (item instanceof Imported.Parsed p) {
            out.add(p.article());
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
      }
    }
    return out;
  }
}
