package org.crosscheck.engine.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedOpenSearchTest {
  @TempDir
  Path dir;

  @Test
  void answersOverHttpOnLoopbackUntilClosed() throws Exception {
    URI address;
    HttpClient http = HttpClient.newHttpClient();
    try (EmbeddedOpenSearch node = EmbeddedOpenSearch.start(dir)) {
      address = node.httpAddress();
      assertThat(address.getHost()).isEqualTo("127.0.0.1");
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(address.resolve("/_cluster/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"cluster_name\":\"crosscheck\"");
    }
    assertThat(dir.resolve("data")).isDirectory();
  }
}
