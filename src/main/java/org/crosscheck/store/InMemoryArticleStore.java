package org.crosscheck.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;

/**
 * An {@link ArticleStore} held in memory, for evaluations and tests: nothing survives the
 * process. Thread-safe (all methods synchronize on the store).
 */
public final class InMemoryArticleStore implements ArticleStore {
  private final List<Article> articles = new ArrayList<>();
  private final Map<ArticleId, Article> byId = new HashMap<>();
  private final Map<String, ArticleId> byHash = new HashMap<>();

  @Override
  public synchronized List<PutResult> putAll(List<Article> batch) {
    List<PutResult> results = new ArrayList<>(batch.size());
    for (Article a : batch) {
      String hash = a.contentHash();
      ArticleId existing = byHash.get(hash);
      if (existing != null) {
        results.add(new PutResult.AlreadyStored(existing));
      } else if (byId.containsKey(a.id())) {
        results.add(new PutResult.IdTaken(a.id()));
      } else {
        articles.add(a);
        byId.put(a.id(), a);
        byHash.put(hash, a.id());
        results.add(new PutResult.Added(a.id()));
      }
    }
    return results;
  }

  @Override
  public synchronized Optional<Article> get(ArticleId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<Article> findBySourceId(String sourceId) {
    return articles.stream().filter(a -> sourceId.equals(a.sourceId())).toList();
  }

  @Override
  public synchronized List<Article> list(int offset, int limit) {
    int from = Math.min(offset, articles.size());
    int to = (int) Math.min((long) from + limit, articles.size());
    return List.copyOf(articles.subList(from, to));
  }

  @Override
  public synchronized long count() {
    return articles.size();
  }

  @Override
  public void close() {}
}
