package org.crosscheck.store;

import java.util.Objects;
import org.crosscheck.model.ArticleId;

/** What storing one article did. */
public sealed interface PutResult {

  /** @return the id of the article as stored (or as already stored) */
  ArticleId id();

  /** @param id the new article's id */
  record Added(ArticleId id) implements PutResult {
    public Added {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * The same content (same content hash) was stored before; nothing was written.
   *
   * @param id the id of the article stored before
   */
  record AlreadyStored(ArticleId id) implements PutResult {
    public AlreadyStored {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * A different article already has this id; nothing was written.
   *
   * @param id the id in use
   */
  record IdTaken(ArticleId id) implements PutResult {
    public IdTaken {
      Objects.requireNonNull(id, "id");
    }
  }
}
