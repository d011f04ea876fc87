package org.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.crosscheck.store.Store;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the server on a free loopback port over a store holding the seed story, and drives it over HTTP. */
class WebAppTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TOKEN = "s3cret-token";
  @TempDir static Path dir;
  private static SeedServer server;
  private static Store store;
  private static WebApp web;

  @BeforeAll
  static void start() {
    server = SeedServer.start(dir, TOKEN, 4096);
    store = server.store;
    web = server.web;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(web.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.url() + path))
        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aStoryIsAnAtomFeedAnyReaderCanRead() throws Exception {
    HttpResponse<String> res = get("/feeds/stories/s-1.atom");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/atom+xml"));
    com.rometools.rome.feed.synd.SyndFeed feed = new com.rometools.rome.io.SyndFeedInput()
        .build(new java.io.StringReader(res.body()));
    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getTitle()).startsWith("Crosscheck: ");
    assertThat(feed.getEntries()).hasSizeGreaterThanOrEqualTo(5).allSatisfy(e -> {
      assertThat(e.getLink()).startsWith("http://").contains("/articles/a-");
      assertThat(e.getUpdatedDate()).isNotNull();
    });
    assertThat(feed.getEntries()).extracting(e -> e.getTitle()).anyMatch(t -> t.startsWith("MENAFN: "));
    assertThat(get("/stories/s-1").body()).contains("href=\"/feeds/stories/s-1.atom\"");
    assertThat(get("/feeds/stories/s-1.rss").statusCode()).isEqualTo(404);
    assertThat(get("/feeds/stories/s-999.atom").statusCode()).isEqualTo(404);
  }

  @Test
  void exportsTheQuotesOfBuiltReportsAsCsvThatParsesBack() throws Exception {
    assertThat(get("/api/stories/s-1").statusCode()).isEqualTo(200); // builds and stores the report
    HttpResponse<String> res = get("/api/export/quotes");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(res.headers().firstValue("X-Stories-Without-Report"))
        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isNotNegative());
    var rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new java.io.StringReader(res.body())).getRecords();
    assertThat(rows).extracting(r -> r.get("story")).contains("s-1");
    assertThat(rows).allSatisfy(r -> assertThat(r.get("evidence")).contains(r.get("articles").split(" ")[0] + ":"));
    HttpResponse<String> jsonl = get("/api/export/articles?format=jsonl");
    assertThat(jsonl.body().lines().map(l -> {
      try {
        return JSON.readTree(l).get("story").asText();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    })).contains("s-1");
    HttpResponse<String> bad = get("/api/export/tweets");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("nothing to export called 'tweets'");
    assertThat(get("/api/export/facts?format=xlsx").body()).contains("no export format 'xlsx'");
  }

  @Test
  void healthAndTheStoryList() throws Exception {
    assertThat(JSON.readTree(get("/api/health").body()).get("status").asText()).isEqualTo("ok");
    JsonNode list = JSON.readTree(get("/api/stories?limit=10").body());
    assertThat(list.get("total").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(list.get("stories").get(0).get("outlets").asInt()).isEqualTo(5);
    assertThat(JSON.readTree(get("/api/stories?outlet=The%20Gaze").body()).get("total").asInt()).isEqualTo(1);
    assertThat(JSON.readTree(get("/api/stories?outlet=Nobody").body()).get("total").asInt()).isZero();
    assertThat(JSON.readTree(get("/api/stories?to=2020-01-01").body()).get("total").asInt()).isZero();
    assertThat(JSON.readTree(get("/api/stories?entity=Kursk").body()).get("total").asInt()).isEqualTo(1);
    Document home = Jsoup.parse(get("/").body());
    assertThat(home.select("#stories a").eachText()).contains("North Korea Deploys Troops in Russia Under Military Pact");
  }

  @Test
  void outletsAreAskedForByAnyOfTheirNamesAndShownAsTheRegistryNamesThem() throws Exception {
    store.register(java.util.List.of(store.outlets().aliasing("Gaze Ukraine", "The Gaze")));
    assertThat(JSON.readTree(get("/api/stories?outlet=gaze%20ukraine").body()).get("total").asInt()).isEqualTo(1);
    String gaze = store.list(0, 10).stream().filter(a -> "The Gaze".equals(a.outlet())).findFirst().orElseThrow()
        .id().value();
    try {
      store.rename("gaze", "The Gaze (Ukraine)");
      assertThat(JSON.readTree(get("/api/stories").body()).get("stories").get(0).get("outletNames").toString())
          .contains("The Gaze (Ukraine)");
      assertThat(JSON.readTree(get("/api/articles/" + gaze).body()).get("outlet").asText())
          .isEqualTo("The Gaze (Ukraine)");
      assertThat(Jsoup.parse(get("/articles/" + gaze).body()).select("#meta").text()).contains("The Gaze (Ukraine)");
    } finally {
      store.rename("gaze", "The Gaze");
    }
  }

  @Test
  void badInputGetsTheRightStatusAndAMessageNamingIt() throws Exception {
    HttpResponse<String> badDate = get("/api/stories?from=yesterday");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badDate.body()).get("error").asText()).contains("from", "yesterday");
    assertThat(get("/api/stories/s-999").statusCode()).isEqualTo(404);
    assertThat(get("/api/stories/banana").statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(get("/api/articles/a-0000000000000000").body()).get("error").asText())
        .contains("a-0000000000000000");
    assertThat(get("/api/search?q=").statusCode()).isEqualTo(400);
    assertThat(get("/no/such/page").statusCode()).isEqualTo(404);
  }

  @Test
  void theStoryPageShowsTheConflictTheMatrixAndCitationsThatLandOnTheSpan() throws Exception {
    HttpResponse<String> res = get("/stories/s-1");
    assertThat(res.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(res.body());
    assertThat(page.select("#conflicts .side").eachText()).anySatisfy(t -> assertThat(t).startsWith("2024-06"))
        .anySatisfy(t -> assertThat(t).startsWith("2024-12"));
    assertThat(page.select("#matrix td.states")).isNotEmpty();
    assertThat(page.select("#matrix td.contradicts").eachText()).contains("contradicts: 2024-06", "contradicts: 2024-12");
    assertThat(page.select("#timeline li").eachText()).anySatisfy(t -> assertThat(t).startsWith("2025-04-26"));
    assertThat(page.select("#quotes h3").eachText()).anySatisfy(t -> assertThat(t).startsWith("Koo Byung-sam"));
    // follow a citation: the article page outlines exactly the cited text
    var link = page.select("#exclusives a.cite").stream().filter(a -> a.attr("title").contains("15,800")).findFirst()
        .orElseThrow();
    Document article = Jsoup.parse(get(link.attr("href").replace("#cited", "")).body());
    assertThat(article.select("mark#cited").text()).isEqualTo(link.attr("title"));
    // the JSON report is the same report
    JsonNode report = JSON.readTree(get("/api/stories/s-1").body());
    assertThat(report.get("conflicts").size()).isEqualTo(page.select("#conflicts .conflict").size());
  }

  @Test
  void searchFindsArticlesHighlightedAndGroupedByStory() throws Exception {
    JsonNode hits = JSON.readTree(get("/api/search?q=Kursk").body());
    assertThat(hits.has("s-1")).isTrue();
    assertThat(hits.get("s-1").size()).isGreaterThanOrEqualTo(4);
    assertThat(hits.get("s-1").get(0).get("passages").asText()).contains("<mark>Kursk</mark>");
    // entities and quotes of the story's report are searched too
    get("/api/stories/s-1");
    JsonNode koo = JSON.readTree(get("/api/search?q=%22stand%20idly%20by%22").body()).get("s-1");
    assertThat(koo).anySatisfy(h -> {
      assertThat(h.get("kind").asText()).isEqualTo("quote");
      assertThat(h.get("title").asText()).isEqualTo("Koo Byung-sam");
    });
    assertThat(JSON.readTree(get("/api/search?q=KCNA").body()).get("s-1")).anySatisfy(h -> {
      assertThat(h.get("kind").asText()).isEqualTo("entity");
      assertThat(h.get("title").asText()).isEqualTo("Korean Central News Agency (organization)");
    });
    Document page = Jsoup.parse(get("/search?q=Kursk").body());
    assertThat(page.select("#results section.story h2").eachText()).containsExactly("Story s-1");
    assertThat(page.select("#results mark").eachText()).contains("Kursk");
    // a query Lucene cannot parse is searched as words
    assertThat(get("/api/search?q=Kursk%20AND%20(").statusCode()).isEqualTo(200);
  }

  @Test
  void ingestNeedsTheTokenStoresJsonLinesAndEscapesArticleText() throws Exception {
    String line = "{\"id\": \"web-1\", \"source\": \"Test Wire\", \"title\": \"Zanzibar <script>alert(1)</script> story\","
        + " \"published\": \"2025-05-02\", \"text\": \"Officials in Zanzibar said <script>alert('x')</script> the"
        + " harbour reopened on Friday after repairs that lasted three weeks.\"}\n";
    HttpResponse<String> refused = post("/api/articles", line, null);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("token");
    HttpResponse<String> ok = post("/api/articles", line, TOKEN);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode r = JSON.readTree(ok.body());
    assertThat(r.get("added").asInt()).isEqualTo(1);
    String id = r.get("articles").get(0).asText();
    HttpResponse<String> page = get("/articles/" + id);
    assertThat(page.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
    assertThat(Jsoup.parse(page.body()).select("script")).isEmpty();
    assertThat(JSON.readTree(get("/api/search?q=Zanzibar").body()).toString()).contains(id);
    // again: already stored, nothing lost or doubled
    assertThat(JSON.readTree(post("/api/articles", line, TOKEN).body()).get("alreadyStored").asInt()).isEqualTo(1);
  }

  @Test
  void badUploadsAreRefusedWithTheirReasonAndStoreNothing() throws Exception {
    long before = store.count();
    HttpResponse<String> bad = post("/api/articles", "{not json\n", TOKEN);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("rejections").get(0).asText()).contains("request body");
    HttpResponse<String> big = post("/api/articles", "x".repeat(5000), TOKEN);
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(big.body()).get("error").asText()).contains("4096");
    assertThat(post("/api/articles", "", TOKEN).statusCode()).isEqualTo(400);
    assertThat(store.count()).isEqualTo(before);
  }

  @Test
  void anOversizedUploadWithoutTheTokenIsRefusedAsTooLargeNotAsAServerError() throws Exception {
    var form = RawHttp.multipart(java.util.Map.of(), "big.txt", "x".repeat(6000));
    for (String path : new String[] {"/api/articles", "/ingest"}) {
      var res = RawHttp.send(web.port(), "POST " + path + " HTTP/1.1", java.util.Map.of("Host", "127.0.0.1:" + web.port(),
          "Content-Type", form.getKey()), form.getValue());
      assertThat(res.status()).as(path + ": " + res.body()).isEqualTo(413);
      assertThat(res.body()).as(path).contains("4096");
    }
    // the same without a declared length: Jetty stops reading the form at the limit
    byte[] data = form.getValue();
    byte[] chunked = (Integer.toHexString(data.length) + "\r\n" + new String(data, java.nio.charset.StandardCharsets.ISO_8859_1)
        + "\r\n0\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    var streamed = RawHttp.send(web.port(), "POST /api/articles HTTP/1.1", java.util.Map.of("Host", "127.0.0.1:"
        + web.port(), "Content-Type", form.getKey(), "Transfer-Encoding", "chunked"), chunked);
    assertThat(streamed.status()).as(streamed.body()).isEqualTo(413);
    assertThat(streamed.body()).contains("4096");
    // small enough, but no token
    var small = RawHttp.multipart(java.util.Map.of(), "small.txt", "x".repeat(100));
    var res = RawHttp.send(web.port(), "POST /api/articles HTTP/1.1", java.util.Map.of("Host", "127.0.0.1:"
        + web.port(), "Content-Type", small.getKey()), small.getValue());
    assertThat(res.status()).as(res.body()).isEqualTo(401);
    assertThat(JSON.readTree(res.body()).get("error").asText()).contains("token");
  }

  @Test
  void searchesTooLargeToRunAndOffsetsTooLargeToPageAreBadRequests() throws Exception {
    String wildcards = java.net.URLEncoder.encode("a* ".repeat(700), java.nio.charset.StandardCharsets.UTF_8);
    String parens = "(".repeat(3900) + "Kursk" + ")".repeat(3900); // as a browser sends them: not encoded
    String someWildcards = java.net.URLEncoder.encode("a* b* c* d* e* f* g* h* i* j* k* l* m* n* o* p* q* r* s* t* u* v*"
        + " w* x* y*", java.nio.charset.StandardCharsets.UTF_8);
    String deep = java.net.URLEncoder.encode("(".repeat(60) + "Kursk" + ")".repeat(60),
        java.nio.charset.StandardCharsets.UTF_8);
    for (String q : new String[] {wildcards, parens, someWildcards, deep}) {
      HttpResponse<String> api = get("/api/search?q=" + q);
      assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
      assertThat(JSON.readTree(api.body()).get("error").asText()).contains("query");
      HttpResponse<String> page = get("/search?q=" + q);
      assertThat(page.statusCode()).isEqualTo(400);
      assertThat(Jsoup.parse(page.body()).select("#error").text()).contains("query");
    }
    HttpResponse<String> offset = get("/api/stories?offset=2147483647");
    assertThat(offset.statusCode()).as(offset.body()).isEqualTo(400);
    assertThat(JSON.readTree(offset.body()).get("error").asText()).contains("offset", "2147483647");
    assertThat(get("/?offset=2147483647").statusCode()).isEqualTo(400);
  }

  @Test
  void theApiIsDescribedAndOtherAddressesNeedAToken() throws Exception {
    JsonNode api = JSON.readTree(get("/api/openapi.json").body());
    assertThat(api.get("paths").fieldNames()).toIterable().contains("/api/stories", "/api/stories/{id}",
        "/api/articles/{id}", "/api/search", "/api/articles", "/api/health", "/api/export/{kind}");
    assertThatThrownBy(() -> new WebApp.Settings("0.0.0.0", 0, null, 1024)).hasMessageContaining("--token");
    assertThat(new WebApp.Settings("::1", 0, null, 1024).host()).isEqualTo("::1");
  }

  @Test
  void aFeedUrlIsIngestedAsTheCommandLineWould() throws Exception {
    String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Wire</title><item>"
        + "<title>Ferries return to Pemba</title><link>http://example.org/pemba</link><pubDate>Fri, 02 May 2025 09:00:00"
        + " GMT</pubDate><description>Ferries returned to Pemba island on Friday after the storm season ended, the port"
        + " authority said, with four crossings a day scheduled until the end of the month.</description></item>"
        + "</channel></rss>";
    com.sun.net.httpserver.HttpServer site = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    site.createContext("/feed.xml", ex -> {
      byte[] body = feed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    site.start();
    try {
      String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/feed.xml";
      HttpResponse<String> res = post("/api/articles?url=" + java.net.URLEncoder.encode(url,
          java.nio.charset.StandardCharsets.UTF_8), "", TOKEN);
      assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
      assertThat(JSON.readTree(res.body()).get("added").asInt()).isEqualTo(1);
      assertThat(JSON.readTree(get("/api/search?q=Pemba").body()).toString()).contains("Ferries return to Pemba");
    } finally {
      site.stop(0);
    }
    HttpResponse<String> bad = post("/api/articles?url=file:///etc/passwd", "", TOKEN);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("error").asText()).contains("file:///etc/passwd", "only http and https");
  }

  @Test
  void whatChangedSinceTheLastVisitIsMarked() throws Exception {
    HttpResponse<String> first = get("/stories/s-1");
    assertThat(Jsoup.parse(first.body()).select("#changed")).isEmpty();
    String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    assertThat(cookie).startsWith("seen-s-1=");
    // a visitor who had seen all but one of the articles
    String[] seen = cookie.substring("seen-s-1=".length()).split("\\.");
    assertThat(seen).hasSize(5);
    String fewer = "seen-s-1=" + String.join(".", java.util.Arrays.copyOf(seen, 4));
    HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(web.url() + "/stories/s-1"))
        .header("Cookie", fewer).build(), HttpResponse.BodyHandlers.ofString());
    Document page = Jsoup.parse(again.body());
    assertThat(page.select("#changed").text()).contains("1 article");
    assertThat(page.select("span.new")).hasSizeGreaterThanOrEqualTo(2); // the article and what it adds
  }

  @Test
  void reportsAreBuiltInTheBackgroundSoTheListShowsConflicts(@TempDir Path other) throws Exception {
    try (SeedServer fresh = SeedServer.start(other, null, 4096)) {
      URI list = URI.create(fresh.web.url() + "/api/stories");
      JsonNode before = JSON.readTree(HTTP.send(HttpRequest.newBuilder(list).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      assertThat(before.get("stories").get(0).get("conflicts").isNull()).isTrue();
      fresh.web.buildReportsInBackground();
      JsonNode after = before;
      for (int i = 0; i < 240 && after.get("stories").get(0).get("conflicts").isNull(); i++) {
        Thread.sleep(500);
        after = JSON.readTree(HTTP.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString())
            .body());
      }
      assertThat(after.get("stories").get(0).get("conflicts").asInt()).isEqualTo(1);
    }
  }

  @Test
  void whatAnIngestBesideTheAppStoresIsListedAndSearchable() throws Exception {
    // as the watcher of followed sources does under serve --watch
    org.crosscheck.pipeline.Ingestor beside = org.crosscheck.pipeline.Pipeline.builder().store(store).buildIngestor();
    String line = "{\"id\":\"watched-1\",\"source\":\"Vardoy Beacon\",\"title\":\"Lighthouse keepers return\","
        + "\"published\":\"2025-05-02\",\"text\":\"The lighthouse keepers of Vardoy returned to the zephyrine tower"
        + " on Friday after a decade away, the harbour board said.\"}\n";
    beside.ingestInputs(java.util.List.of(new org.crosscheck.ingest.BytesInput("watched.jsonl",
        org.crosscheck.model.Provenance.Kind.URL, line.getBytes(java.nio.charset.StandardCharsets.UTF_8), null)),
        new org.crosscheck.pipeline.IngestListener() {});

    assertThat(get("/api/search?q=zephyrine").body()).contains("Lighthouse keepers return");
    assertThat(JSON.readTree(get("/api/stories?outlet=Vardoy%20Beacon").body()).get("total").asInt()).isEqualTo(1);
  }
}
