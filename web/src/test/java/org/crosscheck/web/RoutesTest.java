package org.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The route table: each route declared once, and the JSON API and the feeds exactly as the OpenAPI description says. */
class RoutesTest {
  private static Store store;
  private static WebApp web;

  @BeforeAll
  static void create() {
    store = Store.inMemory();
    Pipeline.Builder pipeline = Pipeline.builder().store(store);
    web = new WebApp(store, pipeline.buildReporter(), pipeline.buildIngestor(),
        new WebApp.Settings("127.0.0.1", 0, null, 1024));
  }

  @AfterAll
  static void close() {
    web.close();
    store.close();
  }

  @Test
  void everyRouteIsDeclaredOnce() {
    List<String> endpoints = web.endpoints().stream().filter(e -> !e.startsWith("BEFORE")).toList();
    assertThat(endpoints).doesNotHaveDuplicates().containsExactlyInAnyOrder(
        "GET /assets/app.js", "GET /assets/app.css",
        "GET /api/health", "GET /api/openapi.json", "GET /api/stories", "GET /api/stories/{id}", "POST /api/articles",
        "GET /api/articles/{id}", "GET /api/search", "GET /api/export/{kind}", "GET /api/stories/{id}/changes",
        "GET /api/watches", "POST /api/watches", "DELETE /api/watches/{id}", "GET /api/alerts",
        "GET /feeds/stories/{file}", "GET /feeds/searches/{file}",
        "GET /", "GET /stories/{id}", "GET /articles/{id}", "GET /search", "GET /ingest", "POST /ingest");
    assertThat(web.endpoints()).filteredOn(e -> e.startsWith("BEFORE")).hasSize(1);
  }

  @Test
  void theApiAndFeedRoutesAreTheOnesTheOpenApiDescriptionDocuments() throws Exception {
    JsonNode paths = WebApp.JSON.readTree(OpenApi.document()).get("paths");
    List<String> documented = new ArrayList<>();
    // the feed route takes the whole file name, ID.atom, and answers 404 for any other
    paths.properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(method ->
        documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey().replace("{id}.atom", "{file}"))));
    List<String> routed = web.endpoints().stream().filter(e -> (e.contains(" /api/") || e.contains(" /feeds/"))
        && !e.endsWith("/api/openapi.json")).toList();
    assertThat(routed).containsExactlyInAnyOrderElementsOf(documented);
  }
}
