package org.crosscheck.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.IngestSummary;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;

/**
 * A new embedded store in a temporary folder, for an evaluation that ingests labelled files the
 * way users do, through the real pipeline. Closing it deletes the folder.
 */
final class TemporaryStore implements AutoCloseable {
  private final Path dir;
  private final Store store;

  private TemporaryStore(Path dir, Store store) {
    this.dir = dir;
    this.store = store;
  }

  /** @return a new, empty store in a new temporary folder */
  static TemporaryStore open() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("crosscheck-eval");
      return new TemporaryStore(dir, Store.open(dir.resolve("data")));
    } catch (IOException e) {
      deleteQuietly(dir);
      throw new UncheckedIOException("cannot create a temporary store for the evaluation: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(dir);
      throw e;
    }
  }

  /** @return the temporary folder, where an evaluation may write its own files */
  Path dir() {
    return dir;
  }

  Store store() {
    return store;
  }

  /** @return the store's data directory */
  Path dataDir() {
    return dir.resolve("data");
  }

  /**
   * Ingests the inputs through the pipeline with its defaults.
   *
   * @throws IllegalStateException when the store failed
   */
  IngestSummary ingest(List<String> inputs, IngestListener listener) {
    return ingest(store, inputs, listener);
  }

  /**
   * Ingests the inputs into a store through the pipeline with its defaults.
   *
   * @throws IllegalStateException when the store failed
   */
  static IngestSummary ingest(Store store, List<String> inputs, IngestListener listener) {
    IngestSummary summary = Pipeline.builder().store(store).buildIngestor().ingest(inputs, listener);
    if (summary.storeError() != null) {
      throw new IllegalStateException("the evaluation store failed: " + summary.storeError());
    }
    return summary;
  }

  @Override
  public void close() {
    try {
      store.close();
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * Deletes a temporary folder and everything in it, ignoring what cannot be deleted (a temporary folder left
   * behind is harmless).
   *
   * @param dir the folder, or null
   */
  static void deleteQuietly(@org.jspecify.annotations.Nullable Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temporary folder left behind is harmless
    }
  }
}
