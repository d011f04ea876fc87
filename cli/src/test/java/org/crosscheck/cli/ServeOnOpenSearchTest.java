package org.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.TestModels;
import org.crosscheck.engine.StoreLocator;
import org.crosscheck.engine.StreamEngine;
import org.crosscheck.engine.opensearch.EmbeddedOpenSearch;
import org.crosscheck.ingest.FileInput;
import org.crosscheck.ingest.Imported;
import org.crosscheck.ingest.JsonlArticleImporter;
import org.crosscheck.model.Article;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import org.crosscheck.web.WebApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app on the distributed engine's store: what the job wrote to OpenSearch, search entries
 * included, is listed and found.
 */
class ServeOnOpenSearchTest {
  @TempDir Path tmp;

  @Test
  void servesTheStoriesTheJobWroteAndSearchesThemInOpenSearch() throws Exception {
    List<Article> articles = new ArrayList<>();
    new JsonlArticleImporter().read(new FileInput(SharedData.path("basil-2010-2016.jsonl")), item -> {
      if (item instanceof Imported.Parsed p && articles.size() < 30) {
        articles.add(p.article());
      }
    });
    try (EmbeddedOpenSearch node = EmbeddedOpenSearch.start(tmp.resolve("node"))) {
      String uri = node.storeLocation("served");
      StreamEngine.run(articles, new StoreLocator(uri), StreamEngine.Options.defaults());
      try (Store store = Store.open(uri)) {
        assertThat(store.count()).isEqualTo(30);
        assertThat(store.search(word(articles), 10)).as("the job indexed what it wrote, in OpenSearch").isNotEmpty();
        Pipeline.Builder pipeline = Pipeline.builder().store(store).models(TestModels.STANDARD);
        try (WebApp web = new WebApp(store, pipeline.buildReporter(), pipeline.buildIngestor(),
            new WebApp.Settings("127.0.0.1", 0, null, 1 << 20)).start()) {
          HttpClient http = HttpClient.newHttpClient();
          String stories = get(http, web.url() + "/api/stories");
          assertThat(stories).contains("s-1");
          String found = get(http, web.url() + "/api/search?q=" + word(articles));
          assertThat(found).contains("<mark>").contains(articles.getFirst().id().value());
        }
      }
    }
  }

  /** @return a long word of the first article, which search must find it by */
  private static String word(List<Article> articles) {
    return java.util.Arrays.stream(articles.getFirst().text().split("\\s+")).filter(w -> w.matches("[A-Za-z]{8,}"))
        .findFirst().orElseThrow();
  }

  private static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
    return r.body();
  }
}
