package org.crosscheck.store;

import java.nio.file.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The one store API: everything Crosscheck keeps, articles, their sketches and copy links, stories,
 * analyses, reports, outlets' recurring lines, the outlet registry, followed sources and the search
 * entries. Callers
 * hold a {@code Store} and never name an implementation: {@link #open} and {@link #openForReading}
 * give the embedded SQLite store in a data directory, {@link #inMemory} one that lives as long as
 * the process. Every implementation passes the same contract tests.
 *
 * <p>The parts stay separate interfaces so that a stage asks only for what it uses (the
 * deduplicator a {@link SketchStore}, the boilerplate filter a {@link BoilerplateStore}).
 */
public interface Store extends ArticleStore, SketchStore, StoryStore, AnalysisStore, ReportStore, AlertStore, BoilerplateStore,
    OutletStore, FollowStore, SearchStore {

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

  /**
   * Opens the store at a location: a data directory, or the URI of another kind of store whose
   * {@link StoreProvider} is on the class path ({@code opensearch://localhost:9200/crosscheck}).
   *
   * @param location a data directory, or a store URI
   * @return the store, open for reading and writing
   * @throws StoreException naming the location when it cannot be opened, or no provider knows its scheme
   */
  static Store open(String location) {
    return uri(location).map(u -> provider(u).open(u)).orElseGet(() -> open(Path.of(location)));
  }

  /**
   * Opens the store at a location for reading only.
   *
   * @param location a data directory, or a store URI
   * @return the store, or empty when there is none there yet
   * @throws StoreException naming the location when it cannot be read, or no provider knows its scheme
   */
  static Optional<Store> openForReading(String location) {
    Optional<URI> uri = uri(location);
    return uri.isPresent() ? provider(uri.get()).openForReading(uri.get()) : openForReading(Path.of(location));
  }

  private static Optional<URI> uri(String location) {
    if (!location.matches("[A-Za-z][A-Za-z0-9+.-]+://.*")) {
      return Optional.empty(); // a path (a Windows drive letter has one letter before its colon)
    }
    try {
      return Optional.of(new URI(location));
    } catch (java.net.URISyntaxException e) {
      throw new StoreException("the store location " + location + " is not a valid URI: " + e.getMessage(), e);
    }
  }

  private static StoreProvider provider(URI location) {
    String scheme = location.getScheme().toLowerCase(java.util.Locale.ROOT);
    List<String> known = new ArrayList<>();
    for (StoreProvider p : ServiceLoader.load(StoreProvider.class)) {
      if (p.scheme().equals(scheme)) {
        return p;
      }
      known.add(p.scheme() + "://");
    }
    throw new StoreException("no kind of store is known by " + scheme + "://, in " + location + " (give a data"
        + " directory" + (known.isEmpty() ? "; the distributed engine's stores need the engine module on the class path"
            : ", or one of " + String.join(", ", known)) + ")");
  }

  /** @return an empty store kept in memory only (for tests, evaluations and benchmarks) */
  static Store inMemory() {
    return new InMemoryArticleStore();
  }
}
