package org.crosscheck.store;

import java.util.List;
import java.util.Map;
import org.crosscheck.store.SearchStore.Entry;
import org.crosscheck.store.SearchStore.Hit;
import org.jspecify.annotations.Nullable;

/**
 * A store's Lucene index of search entries: in memory ({@link LuceneSearch}) or in a folder of the
 * data directory ({@link DiskSearch}). Thread-safe.
 */
interface SearchIndex extends AutoCloseable {
  /** Adds entries, each replacing the entry of its id. */
  void index(List<Entry> entries);

  /** Replaces the entries drawn from a story's report by these. */
  void indexReport(String story, List<Entry> entries);

  /** @see SearchStore#search */
  Map<String, List<Hit>> search(String query, int limit);

  /** Indexes what the store committed since the index last caught up; nothing for an index the store's writers fill. */
  default void catchUp() {}

  /**
   * Asks for {@link #catchUp()} soon, on a thread of the index's own, so that a run of store writes is
   * indexed in one go; a search catches up first (with what any process committed), and closing the index does.
   */
  default void catchUpSoon() {
    catchUp();
  }

  /** Runs a catch-up asked for and not yet run, then stops asking; called before the store closes. */
  default void flush() {}

  @Override
  void close();

  /** A store's search index, made on first use (most commands never search) and closed with the store. */
  final class Lazy implements AutoCloseable {
    private final java.util.function.Supplier<SearchIndex> factory;
    private @Nullable SearchIndex index;

    /** @param factory makes the index on first use */
    Lazy(java.util.function.Supplier<SearchIndex> factory) {
      this.factory = factory;
    }

    /** Flushes the index's deferred catch-up, when the index was made. */
    void flush() {
      SearchIndex made;
      synchronized (this) {
        made = index;
      }
      if (made != null) {
        made.flush();
      }
    }

    /** @return the index, made now when it was not yet */
    synchronized SearchIndex get() {
      if (index == null) {
        index = factory.get();
      }
      return index;
    }

    @Override
    public synchronized void close() {
      if (index != null) {
        index.close();
        index = null;
      }
    }
  }
}
