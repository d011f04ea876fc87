package org.crosscheck.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.crosscheck.store.SearchStore;
import org.crosscheck.store.Store;
import org.jspecify.annotations.Nullable;

/** Search over articles, entities and quotes as JSON ({@code /api/search?q=}). Thread-safe. */
final class SearchController {
  /** The most hits a search answers with. */
  static final int MAX_HITS = 100;

  private final Store store;

  /** @param store the store searched */
  SearchController(Store store) {
    this.store = store;
  }

  /** {@code GET /api/search?q=}: the hits grouped by story id ({@code ""} for none). */
  void search(Context ctx) {
    ctx.json(hits(store, ctx.queryParam("q")));
  }

  /**
   * @param q the query, Lucene syntax
   * @return the hits grouped by story
   * @throws SearchStore.BadQueryException when the query is empty, too long or too deep
   */
  static Map<String, List<SearchStore.Hit>> hits(Store store, @Nullable String q) {
    return store.search(q == null ? "" : q, MAX_HITS);
  }
}
