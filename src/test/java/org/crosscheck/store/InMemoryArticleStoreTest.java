package org.crosscheck.store;

class InMemoryArticleStoreTest extends ArticleStoreContract {
  @Override
  protected ArticleStore newStore() {
    return new InMemoryArticleStore();
  }
}
