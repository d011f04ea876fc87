package org.crosscheck.store;

import java.util.List;
import java.util.Optional;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;

/**
 * Durable storage of articles. Storing is idempotent by content hash ({@link Article#contentHash()}):
 * the same content is stored once, whatever its id or origin. A batch is stored atomically: after
 * {@link #putAll} returns, every article it reports as added survives a crash of the process;
 * when it throws, nothing of the batch was written. Implementations are thread-safe.
 */
public interface ArticleStore extends AutoCloseable {

  /**
   * Stores a batch in one transaction, in order; an article whose content repeats an earlier one
   * of the same batch is reported as already stored.
   *
   * @param batch the articles
   * @return one result per article, in the batch's order
   * @throws StoreException when the store cannot be written (nothing of the batch is stored)
   */
  List<PutResult> putAll(List<Article> batch);

  /**
   * Stores one article.
   *
   * @param article the article
   * @return what storing it did
   * @throws StoreException when the store cannot be written
   */
  default PutResult put(Article article) {
    return putAll(List.of(article)).get(0);
  }

  /**
   * @param id an article id
   * @return the stored article, or empty when no article has that id
   */
  Optional<Article> get(ArticleId id);

  /**
   * @param sourceId an id an input gave its article (a JSONL {@code id}); several articles may share one
   * @return the articles with that source id, in storing order
   */
  List<Article> findBySourceId(String sourceId);

  /**
   * Lists stored articles in the order they were stored.
   *
   * @param offset how many to skip, at least 0
   * @param limit the most to return, at least 0
   * @return the articles
   */
  List<Article> list(int offset, int limit);

  /** @return the number of stored articles */
  long count();

  /** Releases the store's resources. Idempotent. */
  @Override
  void close();
}
