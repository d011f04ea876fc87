package org.crosscheck.ingest;

import java.util.Objects;
import org.crosscheck.model.Article;

/** What an importer yields for each item of an input: an article, or a rejection with its reason. */
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
}
