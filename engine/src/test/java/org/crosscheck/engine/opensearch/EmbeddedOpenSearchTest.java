package org.crosscheck.engine.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedOpenSearchTest {
  @TempDir
  Path dir;

  @Test
  void answersOnLoopbackAndKeepsItsIndicesWhenStartedAgainOnTheSameDirectory() throws Exception {
    Article article = new Article(new ArticleId("kept-1"), "X", null, "Title", Published.unknown(), "en", "Body.",
        TextKind.FULL, new Provenance(Provenance.Kind.STDIN, "-", null, "jsonl"), null, List.of(), null);
    try (EmbeddedOpenSearch node = EmbeddedOpenSearch.start(dir)) {
      assertThat(node.httpAddress().getHost()).isEqualTo("127.0.0.1");
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(node.httpAddress().resolve("/_cluster/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"cluster_name\":\"crosscheck\"");
      try (Store store = OpenSearchStore.connect(node.httpAddress(), "restart")) {
        store.put(article);
      }
    }
    try (EmbeddedOpenSearch again = EmbeddedOpenSearch.start(dir);
        Store store = OpenSearchStore.connect(again.httpAddress(), "restart")) {
      assertThat(store.get(article.id())).contains(article);
      assertThat(store.checkIntegrity()).isEqualTo("ok");
    }
  }
}
