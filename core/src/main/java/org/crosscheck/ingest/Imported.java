package org.crosscheck.ingest;

import java.util.Objects;
import org.crosscheck.model.Article;

/**
 * What an importer yields for each item of an input: an article, a rejection with its reason, or an
 * item passed over on purpose (a web archive's request record, a page outside the filters).
 */
public sealed interface Imported {

  /** @param article an article read from the input */
  record Parsed(Article article) implements Imported {
    public Parsed {
      Objects.requireNonNull(article, "article");
    }
  }

  /** @param rejection an item that could not be read */
  record Rejected(Rejection rejection) implements Imported {
    public Rejected {
      Objects.requireNonNull(rejection, "rejection");
    }
  }

  /**
   * @param reason why the item was passed over, short and from a small fixed set so that skips can be
   *     counted by it ({@code request}, {@code not HTML}, {@code outside --host})
   */
  record Skipped(String reason) implements Imported {
    public Skipped {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
