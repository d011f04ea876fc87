package org.crosscheck.store;

class InMemoryArticleStoreTest extends StoreContract {
  @Override
  protected Store newStore() {
    return Store.inMemory();
  }
}
