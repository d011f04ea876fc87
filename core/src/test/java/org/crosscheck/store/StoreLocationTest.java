package org.crosscheck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Published;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLocationTest {
  @TempDir Path tmp;

  /** A provider registered for these tests (META-INF/services): one shared in-memory store per URI. */
  public static final class Shared implements StoreProvider {
    private static final java.util.Map<URI, Store> STORES = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String scheme() {
      return "shared-memory";
    }

    @Override
    public Store open(URI location) {
      return STORES.computeIfAbsent(location, l -> Store.inMemory());
    }

    @Override
    public Optional<Store> openForReading(URI location) {
      return Optional.ofNullable(STORES.get(location));
    }
  }

  @Test
  void aDirectoryOpensTheEmbeddedStore() {
    String dir = tmp.resolve("data").toString();
    assertThat(Store.openForReading(dir)).isEmpty();
    try (Store store = Store.open(dir)) {
      store.put(StoreContract.article("a1", "X", "Body.", Published.unknown()));
      assertThat(store.location()).isEqualTo(dir);
    }
    try (Store reader = Store.openForReading(dir).orElseThrow()) {
      assertThat(reader.get(new ArticleId("a1"))).isPresent();
    }
  }

  @Test
  void aUriOpensTheStoreOfTheProviderOfItsScheme() {
    assertThat(Store.openForReading("shared-memory://one")).isEmpty();
    Store store = Store.open("shared-memory://one");
    store.put(StoreContract.article("a1", "X", "Body.", Published.unknown()));
    assertThat(Store.openForReading("shared-memory://one").orElseThrow().get(new ArticleId("a1"))).isPresent();
  }

  @Test
  void aSchemeNoProviderKnowsIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> Store.open("elastic://localhost:9200/x")).isInstanceOf(StoreException.class)
        .hasMessageContaining("no kind of store is known by elastic://, in elastic://localhost:9200/x")
        .hasMessageContaining("shared-memory://");
    assertThatThrownBy(() -> Store.open("shared-memory://a b")).isInstanceOf(StoreException.class)
        .hasMessageContaining("is not a valid URI");
  }
}
