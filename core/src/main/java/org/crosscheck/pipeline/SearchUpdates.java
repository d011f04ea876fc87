package org.crosscheck.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crosscheck.cluster.StoryClusterer;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.outlet.Outlets;
import org.crosscheck.store.SearchStore;
import org.crosscheck.store.Store;
import org.crosscheck.store.StoryStore;
import org.jspecify.annotations.Nullable;

/**
 * The search entries one committed batch of an ingest changed, indexed together for a store that
 * does not index its own writes ({@link SearchStore#indexesItsWrites}): the pages stored outside
 * any story, the articles put in stories, and the articles a merge or a split moved. Not
 * thread-safe: the ingest's store thread uses it.
 */
final class SearchUpdates {
  private final Store store;
  private final Map<ArticleId, Article> articles = new LinkedHashMap<>();
  private final Map<ArticleId, @Nullable StoryId> stories = new LinkedHashMap<>();
  private final Set<StoryId> mergedInto = new LinkedHashSet<>();
  private final Set<ArticleId> moved = new LinkedHashSet<>();

  /** @param store the store the ingest writes */
  SearchUpdates(Store store) {
    this.store = store;
  }

  /** A page that is not an article was stored: it is searchable in no story. */
  void storedOutsideStories(Article page) {
    articles.put(page.id(), page);
    stories.put(page.id(), null);
  }

  /** An article was put in a story, which may have merged stories or split one. */
  void clustered(Article article, StoryClusterer.Assignment assignment) {
    articles.put(article.id(), article);
    stories.put(article.id(), assignment.story());
    if (!assignment.merged().isEmpty()) {
      mergedInto.add(assignment.story());
    }
    for (StoryStore.Split s : assignment.splits()) {
      moved.addAll(s.moved());
    }
  }

  /** Indexes what was noted since the last call, unless the store indexes its writes itself; then forgets it. */
  void index() {
    if (articles.isEmpty() && moved.isEmpty() || store.indexesItsWrites()) {
      clear();
      return;
    }
    Outlets outlets = store.outlets();
    for (StoryId story : mergedInto) {
      moved.addAll(store.articlesOf(story));
    }
    List<SearchStore.Entry> entries = new ArrayList<>(articles.size() + moved.size());
    articles.forEach((id, a) -> entries.add(SearchStore.Entry.ofArticle(a, outlets.name(a), stories.get(id))));
    for (ArticleId id : moved) {
      if (!articles.containsKey(id)) {
        store.get(id).ifPresent(a -> entries.add(SearchStore.Entry.ofArticle(a, outlets.name(a),
            store.storyOf(id).orElse(null))));
      }
    }
    clear();
    store.index(entries);
  }

  private void clear() {
    articles.clear();
    stories.clear();
    mergedInto.clear();
    moved.clear();
  }
}
