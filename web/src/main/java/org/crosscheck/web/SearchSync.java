package org.crosscheck.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crosscheck.cluster.StoryClusterer;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Story;
import org.crosscheck.model.StoryId;
import org.crosscheck.outlet.Outlets;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.report.StoryReport;
import org.crosscheck.store.PutResult;
import org.crosscheck.store.SearchStore;
import org.crosscheck.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store's search index ({@link SearchStore}) in step with what the app serves: every
 * stored article when the app starts, each article as an ingest stores and clusters it, and the
 * entities and quotes of each story's report once it is built. Thread-safe.
 */
final class SearchSync {
  private static final Logger LOG = LoggerFactory.getLogger(SearchSync.class);

  private final Store store;
  private final StoryListService stories;
  /** The articles of each story whose report's entities and quotes are in the search index. */
  private final Map<String, List<String>> indexedReports = new ConcurrentHashMap<>();

  /**
   * @param store the store whose search index is kept
   * @param stories the story list, for the reports to index at start
   */
  SearchSync(Store store, StoryListService stories) {
    this.store = store;
    this.stories = stories;
  }

  /** Indexes every stored article in its story, and the entities and quotes of every stored report. */
  void indexAll() {
    long started = System.nanoTime();
    Map<ArticleId, StoryId> assignments = store.allAssignments();
    Outlets outlets = store.outlets();
    int offset = 0;
    while (true) {
      List<Article> page = store.list(offset, 1000);
      if (page.isEmpty()) {
        break;
      }
      List<SearchStore.Entry> entries = new ArrayList<>(page.size());
      for (Article a : page) {
        StoryId s = assignments.get(a.id());
        entries.add(SearchStore.Entry.ofArticle(a, outlets.name(a), s));
      }
      store.index(entries);
      offset += page.size();
    }
    for (Story s : stories.all()) {
      ReportBuilder.stored(store, s).ifPresent(r -> indexReport(s.id().value(), r));
    }
    LOG.info("indexed {} articles for search in {} ms", offset, (System.nanoTime() - started) / 1_000_000);
  }

  /** Indexes a story's entities and quotes unless this report (the same articles) is indexed already. */
  void indexReport(String story, StoryReport r) {
    List<String> articles = r.story().articles().stream().map(StoryReport.ArticleRef::id).toList();
    if (!articles.equals(indexedReports.put(story, articles))) {
      store.indexReport(story, SearchEntries.report(story, r));
    }
  }

  /** Makes a page that is no article, once stored, shown and searchable in no story. */
  void stored(Article article, PutResult result) {
    if (!article.isArticle() && result instanceof PutResult.Added) {
      store.index(List.of(SearchStore.Entry.ofArticle(article, store.outlets().name(article), null)));
    }
  }

  /** Makes an article searchable in the story it was put in. */
  void clustered(Article article, StoryClusterer.Assignment assignment) {
    store.index(List.of(SearchStore.Entry.ofArticle(article, store.outlets().name(article), assignment.story())));
  }

  /** @return a listener that makes what an ingest stores searchable */
  IngestListener listener() {
    return new IngestListener() {
      @Override
      public void stored(Article article, PutResult result) {
        SearchSync.this.stored(article, result);
      }

      @Override
      public void clustered(Article article, StoryClusterer.Assignment assignment) {
        SearchSync.this.clustered(article, assignment);
      }
    };
  }
}
