package org.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.crosscheck.SharedData;
import org.crosscheck.TestModels;
import org.crosscheck.alert.Alerting;
import org.crosscheck.alert.WebhookDelivery;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.AlertStore;
import org.crosscheck.store.Store;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A story that gains an article, followed through the server: its changes on the page, in the API and in its feed;
 * saved searches through the API, their Atom feed, and a webhook receiver on loopback that gets one signed event per
 * change, the first after a failed attempt.
 */
class AlertsWebTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TOKEN = "alerts-token";
  @TempDir Path dir;

  private record Received(String body, String signature, String event) {}

  private static HttpResponse<String> send(String url, String method, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void followsAStoryThatGainsAnOutletThroughThePagesTheApiTheFeedsAndAWebhook() throws Exception {
    List<String> seeds = SharedData.seedFiles();
    List<Received> received = new CopyOnWriteArrayList<>();
    AtomicInteger failuresLeft = new AtomicInteger(1);
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      boolean fail = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
      if (!fail) {
        received.add(new Received(body, ex.getRequestHeaders().getFirst(WebhookDelivery.SIGNATURE_HEADER),
            ex.getRequestHeaders().getFirst(WebhookDelivery.EVENT_HEADER)));
      }
      ex.sendResponseHeaders(fail ? 503 : 200, -1);
      ex.close();
    });
    receiver.start();
    try (Store store = Store.open(dir.resolve("data"))) {
      Pipeline.Builder pipeline = Pipeline.builder().store(store).models(TestModels.STANDARD).allowPrivateUrls(true)
          .webhookBackoff(Duration.ofMillis(200));
      pipeline.buildIngestor().ingest(seeds.subList(0, seeds.size() - 1), new IngestListener() {});
      try (WebApp web = new WebApp(store, pipeline.buildReporter(), pipeline.buildIngestor(),
          new WebApp.Settings("127.0.0.1", 0, TOKEN, 1 << 20)).start()) {
        String base = web.url();
        Document first = Jsoup.parse(send(base + "/stories/s-1", "GET", null, null).body());
        assertThat(first.select("#changes")).isEmpty();

        // saved searches and a followed story, through the API
        assertThat(send(base + "/api/watches", "POST", "{\"kind\":\"story\",\"value\":\"s-1\"}", null).statusCode())
            .isEqualTo(401);
        assertThat(send(base + "/api/watches", "POST", "{\"kind\":\"colour\",\"value\":\"x\"}", TOKEN).body())
            .contains("no watch kind 'colour'");
        HttpResponse<String> followed = send(base + "/api/watches", "POST", "{\"kind\":\"story\",\"value\":\"s-1\"}",
            TOKEN);
        assertThat(followed.statusCode()).as(followed.body()).isEqualTo(201);
        long words = JSON.readTree(send(base + "/api/watches", "POST", "{\"kind\":\"words\",\"value\":\"Kursk\"}",
            TOKEN).body()).get("id").asLong();
        assertThat(JSON.readTree(send(base + "/api/watches", "GET", null, null).body())).hasSize(2);

        Alerting alerting = pipeline.buildAlerting();
        String secret = "receiver-secret";
        alerting.addWebhook("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", secret);
        Alerting.Round round = alerting.run();
        assertThat(round.raised()).extracting(AlertStore.Alert::kind).containsExactly("new-story");
        assertThat(round.attempts()).singleElement().satisfies(a -> assertThat(a.delivered()).isFalse());
        Thread.sleep(250);
        assertThat(alerting.run().attempts()).singleElement().satisfies(a -> assertThat(a.delivered()).isTrue());

        // the story gains an article and an outlet
        String text = Files.readString(Path.of(seeds.getLast()), StandardCharsets.UTF_8);
        String line = JSON.writeValueAsString(java.util.Map.of("id", "fifth", "source", "Fifth Outlet",
            "published", "2025-04-28", "title", text.lines().findFirst().orElse("").strip(), "text", text)) + "\n";
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
            .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(line)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);

        Document page = Jsoup.parse(send(base + "/stories/s-1", "GET", null, null).body());
        assertThat(page.select("#changes")).hasSize(1);
        assertThat(page.select("#version-2 .new-outlets").text()).isEqualTo("Fifth Outlet");
        assertThat(page.select("#version-2 .new-facts a.cite")).isNotEmpty();
        JsonNode changes = JSON.readTree(send(base + "/api/stories/s-1/changes", "GET", null, null).body());
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("newOutlets").get(0).asText()).isEqualTo("Fifth Outlet");
        assertThat(changes.get(0).get("newArticles")).hasSize(1);
        assertThat(send(base + "/api/stories/s-1/changes?since=nine", "GET", null, null).statusCode()).isEqualTo(400);

        Alerting.Round second = alerting.run();
        List<AlertStore.Alert> outletAlerts = second.raised().stream().filter(a -> a.kind().equals("new-outlet"))
            .toList();
        assertThat(outletAlerts).hasSize(2).allSatisfy(a -> assertThat(a.title())
            .isEqualTo("Fifth Outlet now reports s-1"));
        assertThat(second.attempts()).hasSameSizeAs(second.raised()).allSatisfy(a -> assertThat(a.delivered()).isTrue());
        assertThat(alerting.run().raised()).as("each change once").isEmpty();

        // the receiver got one event per alert, each signed with the secret
        List<Long> alertIds = new ArrayList<>(store.alerts(0, 100).stream().map(AlertStore.Alert::id).toList());
        assertThat(received).hasSize(alertIds.size()).allSatisfy(r -> assertThat(r.signature()).isEqualTo(
            "sha256=" + WebhookDelivery.sign(secret, r.body().getBytes(StandardCharsets.UTF_8))));
        assertThat(received.stream().map(r -> Long.parseLong(r.event())).toList())
            .containsExactlyInAnyOrderElementsOf(alertIds);

        // the search's feed and the story's feed, read with Rome
        var searchFeed = new com.rometools.rome.io.SyndFeedInput().build(new java.io.StringReader(
            send(base + "/feeds/searches/" + words + ".atom", "GET", null, null).body()));
        assertThat(searchFeed.getTitle()).isEqualTo("Crosscheck: words \"Kursk\"");
        assertThat(searchFeed.getEntries()).extracting(e -> e.getTitle())
            .contains("Fifth Outlet now reports s-1").anyMatch(t -> t.startsWith("New story matching words \"Kursk\""));
        assertThat(searchFeed.getEntries()).allSatisfy(e -> assertThat(e.getLink()).isEqualTo(base + "/stories/s-1"));
        var storyFeed = new com.rometools.rome.io.SyndFeedInput().build(new java.io.StringReader(
            send(base + "/feeds/stories/s-1.atom", "GET", null, null).body()));
        assertThat(storyFeed.getEntries()).extracting(e -> e.getTitle())
            .anyMatch(t -> t.startsWith("Changes in version 2: 1 new article, 1 new outlet"));
        assertThat(send(base + "/feeds/searches/99.atom", "GET", null, null).statusCode()).isEqualTo(404);
        JsonNode alerts = JSON.readTree(send(base + "/api/alerts?watch=" + words, "GET", null, null).body());
        assertThat(alerts.get(0).get("kind").asText()).isIn("new-outlet", "new-conflict");
        assertThat(send(base + "/api/watches/" + words, "DELETE", null, TOKEN).statusCode()).isEqualTo(204);
        assertThat(send(base + "/api/watches/" + words, "DELETE", null, TOKEN).statusCode()).isEqualTo(404);
      }
    } finally {
      receiver.stop(0);
    }
  }
}
