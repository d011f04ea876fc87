package org.crosscheck.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one store API: everything Crosscheck keeps, articles, their sketches and copy links, stories,
 * analyses, reports, outlets' recurring lines, the outlet registry and followed sources. Callers
 * hold a {@code Store} and never name an implementation: {@link #open} and {@link #openForReading}
 * give the embedded SQLite store in a data directory, {@link #inMemory} one that lives as long as
 * the process. Every implementation passes the same contract tests.
 *
 * <p>The parts stay separate interfaces so that a stage asks only for what it uses (the
 * deduplicator a {@link SketchStore}, the boilerplate filter a {@link BoilerplateStore}).
 */
public interface Store extends ArticleStore, SketchStore, StoryStore, AnalysisStore, ReportStore, BoilerplateStore,
    OutletStore, FollowStore {

  /** @return where the store keeps its data, for messages: its data directory, or {@code memory} */
  String location();

  /** @return the result of the store's own consistency check: {@code ok} when its data are sound */
  String checkIntegrity();

  /**
   * Opens the store in a data directory for reading and writing, creating the directory and the
   * database when missing and bringing an older schema up to date.
   *
   * @param dir the data directory
   * @return the open store
   * @throws StoreException naming the directory when it cannot be created or written, or holds
   *     something that is not a Crosscheck store
   */
  static Store open(Path dir) {
    return EmbeddedArticleStore.open(dir);
  }

  /**
   * Opens an existing store for reading only; works on a read-only directory.
   *
   * @param dir the data directory
   * @return the open store, or empty when {@code dir} holds no store yet
   * @throws StoreException when the directory holds something that is not a Crosscheck store
   */
  static Optional<Store> openForReading(Path dir) {
    return EmbeddedArticleStore.openForReading(dir).map(s -> s);
  }

  /** @return an empty store kept in memory only (for tests, evaluations and benchmarks) */
  static Store inMemory() {
    return new InMemoryArticleStore();
  }
}
