package org.crosscheck.web;

import org.crosscheck.TestModels;
import org.crosscheck.pipeline.Pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default server (loopback, no token) against what a hostile page in the user's browser can
 * send: cross-site form posts, DNS rebinding, framing. Each request carries exactly the headers a
 * browser would send in that attack.
 */
class WebAppSecurityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static SeedServer server;
  private static int port;

  @BeforeAll
  static void start() {
    server = SeedServer.start(dir, null, 1 << 20);
    port = server.web.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, String> headers(String... pairs) {
    Map<String, String> h = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      h.put(pairs[i], pairs[i + 1]);
    }
    return h;
  }

  private static String line(String id, String place) {
    return "{\"id\": \"" + id + "\", \"source\": \"Test Wire\", \"title\": \"" + place + " harbour reopens\", \"published\":"
        + " \"2025-05-02\", \"text\": \"Officials in " + place + " said the harbour reopened on Friday after repairs that"
        + " lasted three weeks and cost the port authority more than it had planned.\"}\n";
  }

  private static Map<String, String> crossSite(String... more) {
    Map<String, String> h = headers("Host", "127.0.0.1:" + port, "Origin", "https://evil.example", "Sec-Fetch-Site",
        "cross-site", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document");
    h.putAll(headers(more));
    return h;
  }

  @Test
  void aCrossSiteFormPostToTheApiIsRefusedAndStoresNothing() throws Exception {
    long before = server.store.count();
    var res = RawHttp.send(port, "POST /api/articles HTTP/1.1", crossSite("Content-Type", "text/plain"),
        line("evil-1", "Mombasa"));
    assertThat(res.status()).as(res.body()).isEqualTo(403);
    assertThat(JSON.readTree(res.body()).get("error").asText()).contains("https://evil.example");
    // a browser that sends Origin but no Sec-Fetch-Site
    var older = RawHttp.send(port, "POST /api/articles HTTP/1.1", headers("Host", "127.0.0.1:" + port, "Origin",
        "https://evil.example", "Content-Type", "text/plain"), line("evil-2", "Mombasa"));
    assertThat(older.status()).as(older.body()).isEqualTo(403);
    var opaque = RawHttp.send(port, "POST /api/articles HTTP/1.1", headers("Host", "127.0.0.1:" + port, "Origin",
        "null", "Content-Type", "text/plain"), line("evil-3", "Mombasa"));
    assertThat(opaque.status()).as(opaque.body()).isEqualTo(403);
    assertThat(server.store.count()).isEqualTo(before);
  }

  @Test
  void aCrossSiteFormPostToTheUploadPageIsRefused() throws Exception {
    long before = server.store.count();
    var form = RawHttp.multipart(Map.of(), "evil.txt", "Officials in Mombasa said the harbour reopened on Friday"
        + " after repairs that lasted three weeks and cost the port authority more than planned.");
    var res = RawHttp.send(port, "POST /ingest HTTP/1.1", crossSite("Content-Type", form.getKey()), form.getValue());
    assertThat(res.status()).as(res.body()).isEqualTo(403);
    assertThat(Jsoup.parse(res.body()).select("#error").text()).contains("https://evil.example");
    assertThat(server.store.count()).isEqualTo(before);
  }

  @Test
  void aCrossSiteUrlIngestIsRefused() throws Exception {
    var res = RawHttp.send(port, "POST /api/articles?url=http://127.0.0.1:1/feed.xml HTTP/1.1",
        crossSite("Content-Type", "application/x-www-form-urlencoded"), "");
    assertThat(res.status()).as(res.body()).isEqualTo(403);
    assertThat(JSON.readTree(res.body()).get("error").asText()).contains("https://evil.example");
  }

  @Test
  void dnsRebindingCannotReadOrWrite() throws Exception {
    Map<String, String> rebound = headers("Host", "evil.example:" + port, "Origin", "http://evil.example:" + port,
        "Sec-Fetch-Site", "same-origin");
    var read = RawHttp.send(port, "GET /api/stories HTTP/1.1", rebound, (String) null);
    assertThat(read.status()).as(read.body()).isIn(403, 421);
    assertThat(read.body()).doesNotContain("North Korea");
    assertThat(JSON.readTree(read.body()).get("error").asText()).contains("evil.example", "--allow-host");
    long before = server.store.count();
    Map<String, String> write = new LinkedHashMap<>(rebound);
    write.put("Content-Type", "text/plain");
    var post = RawHttp.send(port, "POST /api/articles HTTP/1.1", write, line("evil-4", "Lamu"));
    assertThat(post.status()).as(post.body()).isIn(403, 421);
    assertThat(server.store.count()).isEqualTo(before);
    var page = RawHttp.send(port, "GET / HTTP/1.1", headers("Host", "evil.example"), (String) null);
    assertThat(page.status()).isIn(403, 421);
    assertThat(page.body()).doesNotContain("North Korea");
  }

  @Test
  void theServersOwnNamesAreAllowedAndARequestWithoutHostIsNot() throws Exception {
    for (String host : new String[] {"127.0.0.1:" + port, "127.0.0.1", "localhost:" + port, "localhost",
        "[::1]:" + port, "[::1]", "LOCALHOST:" + port}) {
      var res = RawHttp.send(port, "GET /api/health HTTP/1.1", headers("Host", host), (String) null);
      assertThat(res.status()).as(host + ": " + res.body()).isEqualTo(200);
    }
    var none = RawHttp.send(port, "GET /api/health HTTP/1.0", headers(), (String) null);
    assertThat(none.status()).as(none.body()).isEqualTo(400);
    assertThat(none.body()).contains("Host");
  }

  @Test
  void theAppsOwnUploadFormPostsWithItsCsrfTokenAndWithoutItIsRefused() throws Exception {
    String origin = "http://127.0.0.1:" + port;
    var formPage = RawHttp.send(port, "GET /ingest HTTP/1.1", headers("Host", "127.0.0.1:" + port), (String) null);
    String csrf = Jsoup.parse(formPage.body()).select("form#upload input[name=csrf]").attr("value");
    assertThat(csrf).hasSizeGreaterThanOrEqualTo(40);
    var form = RawHttp.multipart(Map.of("csrf", csrf, "url", ""), "pemba.txt", "Officials in Pemba said the harbour"
        + " reopened on Friday after repairs that lasted three weeks and cost the port authority more than planned.");
    Map<String, String> sameOrigin = headers("Host", "127.0.0.1:" + port, "Origin", origin, "Sec-Fetch-Site",
        "same-origin", "Content-Type", form.getKey());
    var ok = RawHttp.send(port, "POST /ingest HTTP/1.1", sameOrigin, form.getValue());
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(Jsoup.parse(ok.body()).select("#result").text()).contains("1 added");
    String wrong = (csrf.charAt(0) == 'x' ? "y" : "x") + csrf.substring(1); // one character off, never the same
    var stale = RawHttp.multipart(Map.of("csrf", wrong, "url", ""), "pemba2.txt", "Officials in"
        + " Pemba said the ferry resumed on Saturday after repairs that lasted three weeks and cost more than planned.");
    sameOrigin.put("Content-Type", stale.getKey());
    var refused = RawHttp.send(port, "POST /ingest HTTP/1.1", sameOrigin, stale.getValue());
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(Jsoup.parse(refused.body()).select("#error").text()).contains("reload the page");
    // the script the form uses is served as JavaScript and sends every field of the form
    var js = RawHttp.send(port, "GET /assets/app.js HTTP/1.1", headers("Host", "127.0.0.1:" + port), (String) null);
    assertThat(js.status()).isEqualTo(200);
    assertThat(js.header("Content-Type")).startsWith("text/javascript");
    assertThat(js.body()).contains("new FormData");
    assertThat(Jsoup.parse(formPage.body()).select("script[src=/assets/app.js]")).hasSize(1);
  }

  @Test
  void aSameOriginApiPostAndACurlPostPass() throws Exception {
    String origin = "http://127.0.0.1:" + port;
    var same = RawHttp.send(port, "POST /api/articles HTTP/1.1", headers("Host", "127.0.0.1:" + port, "Origin", origin,
        "Sec-Fetch-Site", "same-origin", "Content-Type", "application/x-ndjson"), line("same-1", "Zanzibar"));
    assertThat(same.status()).as(same.body()).isEqualTo(200);
    var curl = RawHttp.send(port, "POST /api/articles HTTP/1.1", headers("Host", "localhost:" + port, "User-Agent",
        "curl/8.5.0", "Content-Type", "application/x-ndjson"), line("curl-1", "Unguja"));
    assertThat(curl.status()).as(curl.body()).isEqualTo(200);
    assertThat(JSON.readTree(curl.body()).get("added").asInt()).isEqualTo(1);
  }

  @Test
  void pagesAndErrorPagesForbidFramingAndInlineScript() throws Exception {
    for (String path : new String[] {"/", "/no/such/page", "/api/stories/banana"}) {
      var res = RawHttp.send(port, "GET " + path + " HTTP/1.1", headers("Host", "127.0.0.1:" + port), (String) null);
      String csp = res.header("Content-Security-Policy");
      assertThat(csp).as(path).contains("frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'",
          "object-src 'none'").doesNotContain("unsafe-inline");
      assertThat(res.header("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(res.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
      assertThat(res.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
    }
    var ingest = RawHttp.send(port, "GET /ingest HTTP/1.1", headers("Host", "127.0.0.1:" + port), (String) null);
    assertThat(Jsoup.parse(ingest.body()).select("script:not([src])")).isEmpty();
  }

  @Test
  void anUploadBeyondTheOnesAllowedAtOnceIsToldToRetryAndUploadsLeaveNoFilesBehind(@TempDir Path other)
      throws Exception {
    try (SeedServer one = SeedServer.start(other, new WebApp.Settings("127.0.0.1", 0, null, 1 << 20)
        .withMaxConcurrentUploads(1))) {
      int p = one.web.port();
      java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      one.web.afterUploadPermit(() -> {
        holding.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      Map<String, String> h = headers("Host", "127.0.0.1:" + p, "Content-Type", "application/x-ndjson");
      var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return RawHttp.send(p, "POST /api/articles HTTP/1.1", h, line("held-1", "Chake Chake"));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      assertThat(holding.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      one.web.afterUploadPermit(() -> {});
      var second = RawHttp.send(p, "POST /api/articles HTTP/1.1", h, line("held-2", "Wete"));
      assertThat(second.status()).as(second.body()).isEqualTo(503);
      assertThat(second.header("Retry-After")).isEqualTo("5");
      assertThat(JSON.readTree(second.body()).get("error").asText()).contains("busy", "try again");
      release.countDown();
      var done = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(done.status()).as(done.body()).isEqualTo(200);
      // the slot is free again; a multipart upload too leaves nothing in the upload directory
      var form = RawHttp.multipart(Map.of(), "mkoani.txt", "Officials in Mkoani said the harbour reopened on Friday"
          + " after repairs that lasted three weeks and cost the port authority more than planned. ".repeat(400));
      var again = RawHttp.send(p, "POST /api/articles HTTP/1.1", headers("Host", "127.0.0.1:" + p, "Content-Type",
          form.getKey()), form.getValue());
      assertThat(again.status()).as(again.body()).isEqualTo(200);
      try (var files = java.nio.file.Files.list(one.web.uploadDirectory())) {
        assertThat(files.toList()).isEmpty();
      }
    }
  }

  @Test
  void anIngestThatFailsMidwayAnswersWithWhatItHadStored(@TempDir Path other) throws Exception {
    try (SeedServer failing = SeedServer.start(other, null, 1 << 20)) {
      failing.web.afterStored(id -> {
        throw new IllegalStateException("the disk is on fire");
      });
      int p = failing.web.port();
      var res = RawHttp.send(p, "POST /api/articles HTTP/1.1", headers("Host", "127.0.0.1:" + p, "Content-Type",
          "application/x-ndjson"), line("mid-1", "Kizimkazi") + line("mid-2", "Nungwi"));
      assertThat(res.status()).as(res.body()).isEqualTo(500);
      var body = JSON.readTree(res.body());
      assertThat(body.get("error").asText()).contains("the disk is on fire", "stopped after storing");
      assertThat(body.get("articles").size()).isGreaterThanOrEqualTo(1);
      assertThat(body.get("added").asLong()).isGreaterThanOrEqualTo(1);
      assertThat(failing.store.get(new org.crosscheck.model.ArticleId(body.get("articles").get(0).asText())))
          .isPresent();
    }
  }

  @Test
  void aPublicUrlAndAllowedHostsAreAnsweredAndThePublicOriginMayWrite(@TempDir Path other) throws Exception {
    try (SeedServer proxied = SeedServer.start(other, new WebApp.Settings("127.0.0.1", 0, null, 1 << 20)
        .withPublicUrl(java.net.URI.create("https://news.example.org")).withAllowedHosts(java.util.List.of("box.lan")))) {
      int p = proxied.web.port();
      assertThat(RawHttp.send(p, "GET /api/health HTTP/1.1", headers("Host", "news.example.org"), (String) null)
          .status()).isEqualTo(200);
      assertThat(RawHttp.send(p, "GET /api/health HTTP/1.1", headers("Host", "box.lan:" + p), (String) null)
          .status()).isEqualTo(200);
      var write = RawHttp.send(p, "POST /api/articles HTTP/1.1", headers("Host", "news.example.org", "Origin",
          "https://news.example.org", "Sec-Fetch-Site", "same-origin", "Content-Type", "application/x-ndjson"),
          line("proxy-1", "Mtoni"));
      assertThat(write.status()).as(write.body()).isEqualTo(200);
      var other2 = RawHttp.send(p, "GET /api/health HTTP/1.1", headers("Host", "evil.example"), (String) null);
      assertThat(other2.status()).isEqualTo(403);
    }
  }

  @Test
  void urlIngestFetchesNothingFromThisMachineOrPrivateNetworksByDefault(@TempDir Path other) throws Exception {
    java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
    com.sun.net.httpserver.HttpServer site = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    site.createContext("/", ex -> {
      hits.incrementAndGet();
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    site.start();
    int sitePort = site.getAddress().getPort();
    org.crosscheck.store.Store store = org.crosscheck.store.Store.open(other);
    var pipeline = org.crosscheck.pipeline.Pipeline.builder().store(store).models(org.crosscheck.TestModels.STANDARD);
    try (WebApp web = new WebApp(store, pipeline.buildReporter(), pipeline.buildIngestor(),
        new WebApp.Settings("127.0.0.1", 0, null, 1 << 20)).start()) {
      int p = web.port();
      for (String url : java.util.List.of("http://127.0.0.1:" + sitePort + "/feed.xml", "http://localhost:" + sitePort
          + "/", "http://2130706433:" + sitePort + "/", "http://[::ffff:127.0.0.1]:" + sitePort + "/",
          "http://0.0.0.0:" + sitePort + "/", "HTTP://127.0.0.1:" + sitePort + "/")) {
        var res = RawHttp.send(p, "POST /api/articles?url=" + java.net.URLEncoder.encode(url,
            java.nio.charset.StandardCharsets.UTF_8) + " HTTP/1.1", headers("Host", "127.0.0.1:" + p), "");
        assertThat(res.status()).as(url + ": " + res.body()).isEqualTo(400);
        assertThat(res.body()).as(url).containsAnyOf("refused", "non-standard", "written as");
      }
      var loopback = RawHttp.send(p, "POST /api/articles?url=" + java.net.URLEncoder.encode("http://127.0.0.1:"
          + sitePort + "/", java.nio.charset.StandardCharsets.UTF_8) + " HTTP/1.1", headers("Host", "127.0.0.1:" + p), "");
      assertThat(loopback.body()).contains("loopback", "--allow-private-urls");
      assertThat(hits).as("requests that reached the private server").hasValue(0);
      assertThat(store.count()).isZero();
    } finally {
      store.close();
      site.stop(0);
    }
  }

  @Test
  void aJsonLinesBodyThatIsNotJsonIsRefusedNotStoredAsText() throws Exception {
    long before = server.store.count();
    var res = RawHttp.send(port, "POST /api/articles HTTP/1.1", headers("Host", "127.0.0.1:" + port, "Content-Type",
        "application/x-ndjson"), "This is plain prose about a harbour that reopened on Friday after long repairs.\n");
    assertThat(res.status()).as(res.body()).isEqualTo(400);
    assertThat(JSON.readTree(res.body()).get("rejections").get(0).asText()).contains("request body", "line 1");
    assertThat(server.store.count()).isEqualTo(before);
  }

  @Test
  void aSlowSiteBeingFetchedDelaysNoUpload() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    // a site that holds its answer until released: a plain socket, so nothing but the test decides when it answers
    java.net.ServerSocket site = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> {
      try (java.net.Socket c = site.accept()) {
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(c.getInputStream(),
            java.nio.charset.StandardCharsets.ISO_8859_1));
        for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
          // the request head
        }
        release.await(60, java.util.concurrent.TimeUnit.SECONDS);
        String page = "<html><body><p>Not much here.</p></body></html>";
        c.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + page.length()
            + "\r\nConnection: close\r\n\r\n" + page).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      } catch (IOException | InterruptedException e) {
        // the test failed elsewhere
      }
    });
    try {
      String url = "http://127.0.0.1:" + site.getLocalPort() + "/slow";
      var slow = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return RawHttp.send(port, "POST /api/articles?url=" + java.net.URLEncoder.encode(url,
              java.nio.charset.StandardCharsets.UTF_8) + " HTTP/1.1", headers("Host", "127.0.0.1:" + port), "");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      Thread.sleep(500); // the fetch is under way
      long started = System.nanoTime();
      var upload = RawHttp.send(port, "POST /api/articles HTTP/1.1", headers("Host", "127.0.0.1:" + port,
          "Content-Type", "application/x-ndjson"), line("slow-1", "Chake Chake"));
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertThat(upload.status()).as(upload.body()).isEqualTo(200);
      assertThat(millis).as("the upload waited for the slow fetch").isLessThan(20_000);
      assertThat(slow).isNotDone();
      release.countDown();
      assertThat(slow.get(60, java.util.concurrent.TimeUnit.SECONDS).body()).contains(url);
    } finally {
      release.countDown();
      site.close();
    }
  }

  @Test
  void oneBrokenFileOfAnUploadIsRejectedAndTheOthersAreStored() throws Exception {
    String boundary = "----crosscheck-test-boundary";
    String deep = "<html><body>" + "<div>".repeat(10_000) + "text" + "</div>".repeat(10_000) + "</body></html>";
    String good = "Officials in Wete said the ferry terminal reopened on Thursday after a month of repairs to the"
        + " ramp, and the first boat left on time with more passengers than the port had expected.";
    StringBuilder b = new StringBuilder();
    for (String[] file : new String[][] {{"deep.html", "text/html", deep}, {"wete.txt", "text/plain", good}}) {
      b.append("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"files\"; filename=\"").append(file[0]).append("\"\r\n")
          .append("Content-Type: ").append(file[1]).append("\r\n\r\n").append(file[2]).append("\r\n");
    }
    b.append("--").append(boundary).append("--\r\n");
    var res = RawHttp.send(port, "POST /api/articles HTTP/1.1", headers("Host", "127.0.0.1:" + port, "Content-Type",
        "multipart/form-data; boundary=" + boundary), b.toString());
    assertThat(res.status()).as(res.body()).isEqualTo(200);
    var body = JSON.readTree(res.body());
    assertThat(body.get("added").asInt()).isEqualTo(1);
    assertThat(body.get("rejected").asInt()).isEqualTo(1);
    assertThat(body.get("rejections").get(0).asText()).contains("deep.html", "nested deeper than");
  }
}
