package org.crosscheck.engine.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Published;
import org.crosscheck.model.StoryId;
import org.crosscheck.store.PutResult;
import org.crosscheck.store.SketchStore;
import org.crosscheck.store.Store;
import org.crosscheck.store.StoreContract;
import org.crosscheck.store.StoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on one embedded node, each test on indices of its own, and what only a remote store has. */
class OpenSearchStoreTest extends StoreContract {
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  @TempDir
  static Path home;
  private static EmbeddedOpenSearch node;
  private final List<Store> opened = new ArrayList<>();
  private String prefix;

  @BeforeAll
  static void startNode() {
    node = EmbeddedOpenSearch.start(home);
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @Override
  protected Store newStore() {
    prefix = "t" + PREFIXES.incrementAndGet();
    return open();
  }

  /** @return another store object on this test's indices */
  private Store open() {
    Store s = OpenSearchStore.connect(node.httpAddress(), prefix);
    opened.add(s);
    return s;
  }

  @AfterEach
  void dropIndices() throws Exception {
    opened.forEach(Store::close);
    HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        node.httpAddress().resolve("/" + prefix + "-*")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
  }

  @Test
  void keepsEverythingWhenClosedAndConnectedAgain() {
    Article a = article("k1", "X", "Kept body.", Published.unknown());
    store.put(a);
    StoryId story = store.newStoryId();
    store.assign(a.id(), story);
    long sketch = store.putSketch(new SketchStore.Sketch(a.id(), new int[] {5, 6}, 7L));
    store.close();

    Store again = open();
    assertThat(again.get(a.id())).contains(a);
    assertThat(again.storyOf(a.id())).contains(story);
    assertThat(again.newStoryId()).isNotEqualTo(story);
    assertThat(again.putSketch(new SketchStore.Sketch(a.id(), new int[] {1}, 1L))).isEqualTo(sketch);
    assertThat(again.put(a)).isEqualTo(new PutResult.AlreadyStored(a.id()));
    assertThat(again.checkIntegrity()).isEqualTo("ok");
  }

  @Test
  void twoStoreObjectsOnTheSameIndicesSeeEachOthersWrites() {
    Store other = open();
    store.put(article("w1", "X", "First body.", Published.unknown()));
    assertThat(other.get(new ArticleId("w1"))).isPresent();
    assertThat(other.list(0, 10)).extracting(Article::id).containsExactly(new ArticleId("w1"));

    long seen = other.storiesVersion();
    StoryId story = store.newStoryId();
    store.assign(new ArticleId("w1"), story);
    assertThat(other.storiesVersion()).isGreaterThan(seen);
    assertThat(other.articlesOf(story)).containsExactly(new ArticleId("w1"));
    assertThat(other.newStoryId()).isNotEqualTo(story);

    store.register(List.of(new org.crosscheck.outlet.Outlet("example.org", "Example", List.of("EX"))));
    assertThat(other.outlets().find("EX")).isPresent();
  }

  @Test
  void aTransactionIsSeenByItsOwnReadsButByOthersOnlyWhenItCommits() {
    Store other = open();
    long version = other.storiesVersion();
    store.inTransaction(() -> {
      store.put(article("x1", "X", "Inside.", Published.unknown()));
      StoryId story = store.newStoryId();
      store.assign(new ArticleId("x1"), story);
      assertThat(store.get(new ArticleId("x1"))).isPresent();
      assertThat(store.count()).isEqualTo(1);
      assertThat(store.articlesOf(story)).containsExactly(new ArticleId("x1"));
      assertThat(other.get(new ArticleId("x1"))).isEmpty();
      assertThat(other.storiesVersion()).isEqualTo(version);
    });
    assertThat(other.get(new ArticleId("x1"))).isPresent();
    assertThat(other.storiesVersion()).isGreaterThan(version);
  }

  @Test
  void storesALargeBatchInOrder() {
    List<Article> batch = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      batch.add(article(String.format("big-%04d", 1999 - i), "X", "Body number " + i + ".", Published.unknown()));
    }
    batch.add(article("big-repeat", "X", "Body number 7.", Published.unknown()));
    List<PutResult> results = store.putAll(batch);
    assertThat(results).hasSize(2_001);
    assertThat(results.get(2_000)).isEqualTo(new PutResult.AlreadyStored(new ArticleId("big-1992")));
    assertThat(store.count()).isEqualTo(2_000);
    assertThat(store.list(1_995, 10)).containsExactlyElementsOf(batch.subList(1_995, 2_000));
    assertThat(store.unassigned()).hasSize(2_000).startsWith(new ArticleId("big-1999"));
    assertThat(store.putAll(batch)).allMatch(r -> r instanceof PutResult.AlreadyStored);
  }

  @Test
  void failsNamingTheAddressWhereNothingListens() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + port);
    assertThatThrownBy(() -> OpenSearchStore.connect(nowhere, "t-none")).isInstanceOf(StoreException.class)
        .hasMessageContaining("http://127.0.0.1:" + port).hasMessageContaining("connect");
  }

  @Test
  void aStoreThatLostItsNodeFailsNamingTheAddress() throws Exception {
    dropIndicesNow();
    assertThatThrownBy(() -> store.count()).isInstanceOf(StoreException.class)
        .hasMessageContaining(node.httpAddress().toString()).hasMessageContaining(prefix + "-articles");
    assertThat(store.checkIntegrity()).contains("index " + prefix + "-articles is missing");
  }

  private void dropIndicesNow() throws Exception {
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.httpAddress().resolve("/" + prefix + "-*")).DELETE()
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void refusesAnIndexPrefixOpenSearchWouldNot() {
    assertThatThrownBy(() -> OpenSearchStore.connect(node.httpAddress(), "Upper Case"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Upper Case");
  }

  @Test
  void aStoreUriOpensItThroughTheStoreApi() {
    store.put(article("u1", "X", "Reached by its URI.", org.crosscheck.model.Published.unknown()));
    String uri = node.storeLocation(prefix);
    try (Store byUri = Store.open(uri); Store reader = Store.openForReading(uri).orElseThrow()) {
      assertThat(byUri.get(new org.crosscheck.model.ArticleId("u1"))).isPresent();
      assertThat(reader.count()).isEqualTo(1);
    }
    String none = node.storeLocation(prefix + "-none");
    assertThat(Store.openForReading(none)).as("reading finds no store and makes none").isEmpty();
    assertThat(Store.openForReading(none)).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Store.open("opensearch:///nohost"))
        .isInstanceOf(org.crosscheck.store.StoreException.class).hasMessageContaining("names no host and port");
  }
}
