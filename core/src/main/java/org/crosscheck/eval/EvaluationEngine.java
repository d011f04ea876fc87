package org.crosscheck.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.crosscheck.model.Article;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.IngestSummary;
import org.crosscheck.store.SketchStore.DuplicateLink;
import org.crosscheck.store.Store;

/**
 * The engine an evaluation ingests its inputs through, into a new store that it then has scored:
 * the embedded pipeline ({@link #EMBEDDED}), or the distributed engine, which must leave its store
 * as the pipeline would leave the embedded one.
 */
public interface EvaluationEngine {
  /**
   * @param store the evaluation's new embedded store, open, for an engine that ingests into it
   * @param dataDir that store's data directory, where an engine may keep its own files beside it
   * @param inputs the JSON Lines files, in order
   * @param score scores the store that holds the result, while the engine still has it open
   * @param <T> what the scoring gives
   * @return what {@code score} returned
   */
  <T> T ingest(Store store, Path dataDir, List<String> inputs, BiFunction<Store, Ingested, T> score);

  /**
   * What an engine's ingest did.
   *
   * @param merges story merges made
   * @param splits story splits made
   * @param links the copy links found
   */
  record Ingested(long merges, long splits, List<DuplicateLink> links) {
    public Ingested {
      links = List.copyOf(links);
    }
  }

  /** The embedded pipeline, into the evaluation's own store. */
  EvaluationEngine EMBEDDED = new EvaluationEngine() {
    @Override
    public <T> T ingest(Store store, Path dataDir, List<String> inputs, BiFunction<Store, Ingested, T> score) {
      List<DuplicateLink> links = new ArrayList<>();
      IngestSummary summary = TemporaryStore.ingest(store, inputs, new IngestListener() {
        @Override
        public void duplicate(Article copy, DuplicateLink link) {
          links.add(link);
        }
      });
      return score.apply(store, new Ingested(summary.merges(), summary.splits(), links));
    }
  };
}
