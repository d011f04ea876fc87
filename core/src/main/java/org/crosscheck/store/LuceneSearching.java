package org.crosscheck.store;

import java.util.List;
import java.util.Map;

/** A store whose search entries are a Lucene index of its own (the embedded and in-memory stores). */
interface LuceneSearching extends SearchStore {
  /** @return the store's index, made on first use */
  SearchIndex.Lazy searchIndex();

  @Override
  default void index(List<Entry> entries) {
    searchIndex().get().index(entries);
  }

  @Override
  default void indexReport(String story, List<Entry> entries) {
    searchIndex().get().indexReport(story, entries);
  }

  @Override
  default Map<String, List<Hit>> search(String query, int limit) {
    return searchIndex().get().search(query, limit);
  }
}
