package org.crosscheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
  private static final int MB = 1024 * 1024;

  private HttpServer server;
  private ExecutorService executor;
  private String base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** A fetcher under the default policy that exempts only this test's own server. */
  private HttpFetcher fetcher(Duration timeout, int maxBytes) {
    return new HttpFetcher(timeout, maxBytes,
        UrlPolicy.publicOnly().exempting("127.0.0.1", server.getAddress().getPort()));
  }

  private void serve(String path, int status, String contentType, byte[] body) {
    server.createContext(path, exchange -> respond(exchange, status, contentType, body));
  }

  private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void fetchesABodyWithItsContentType() {
    byte[] feed = FeedArticleImporterTest.fixture("rss2-full.xml");
    AtomicReference<String> userAgent = new AtomicReference<>();
    server.createContext("/feed.xml", exchange -> {
      userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
      respond(exchange, 200, "application/rss+xml; charset=utf-8", feed);
    });

    BytesInput fetched = fetcher(Duration.ofSeconds(5), MB).fetch(base + "/feed.xml");

    assertThat(fetched.bytes()).isEqualTo(feed);
    assertThat(fetched.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
    assertThat(fetched.name()).isEqualTo(base + "/feed.xml");
    assertThat(fetched.kind()).isEqualTo(Provenance.Kind.URL);
    assertThat(userAgent.get()).isEqualTo("Crosscheck/0.1");
  }

  @Test
  void getAnswersAnyStatusWithItsHeadersAndSendsTheHeadersGiven() {
    AtomicReference<String> ifNoneMatch = new AtomicReference<>();
    AtomicReference<String> userAgent = new AtomicReference<>();
    server.createContext("/feed.xml", exchange -> {
      ifNoneMatch.set(exchange.getRequestHeaders().getFirst("If-None-Match"));
      userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
      exchange.getResponseHeaders().set("ETag", "\"v1\"");
      exchange.sendResponseHeaders(304, -1);
      exchange.close();
    });
    server.createContext("/busy", exchange -> {
      exchange.getResponseHeaders().set("Retry-After", "120");
      respond(exchange, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
    });

    HttpFetcher.Response notModified = fetcher(Duration.ofSeconds(5), MB)
        .get(base + "/feed.xml", java.util.Map.of("If-None-Match", "\"v1\"", "User-Agent", "Follower/1.0"));
    HttpFetcher.Response busy = fetcher(Duration.ofSeconds(5), MB).get(base + "/busy", java.util.Map.of());

    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.header("ETag")).isEqualTo("\"v1\"");
    assertThat(notModified.body()).isEmpty();
    assertThat(ifNoneMatch.get()).isEqualTo("\"v1\"");
    assertThat(userAgent.get()).isEqualTo("Follower/1.0");
    assertThat(busy.status()).isEqualTo(429);
    assertThat(busy.header("Retry-After")).isEqualTo("120");
    assertThat(busy.statusMessage()).isEqualTo("HTTP 429 (Too Many Requests)");
  }

  @Test
  void aGzipEncodedBodyIsDecodedAndADamagedOneNamed() throws IOException {
    byte[] feed = FeedArticleImporterTest.fixture("rss2-full.xml");
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(feed);
    }
    byte[] zipped = gz.toByteArray();
    AtomicReference<String> acceptEncoding = new AtomicReference<>();
    server.createContext("/feed.xml", exchange -> {
      acceptEncoding.set(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      respond(exchange, 200, "application/rss+xml", zipped);
    });
    server.createContext("/broken.xml", exchange -> {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      respond(exchange, 200, "application/rss+xml", java.util.Arrays.copyOf(zipped, zipped.length / 2));
    });

    assertThat(fetcher(Duration.ofSeconds(5), MB).fetch(base + "/feed.xml").bytes()).isEqualTo(feed);
    assertThat(acceptEncoding.get()).isEqualTo("gzip");
    assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), MB).fetch(base + "/broken.xml"))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith("cannot read the response: the gzip encoding is damaged");
    assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), 1000).fetch(base + "/feed.xml"))
        .isInstanceOf(IngestException.class)
        .hasMessage("response larger than the " + Limits.formatBytes(1000) + " limit");
  }

  @Test
  void aFetchCompletesWhileTheCommonPoolIsBusy() throws Exception {
    serve("/page.html", 200, "text/html", "<p>ok</p>".getBytes(StandardCharsets.UTF_8));
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    int threads = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism();
    List<java.util.concurrent.CompletableFuture<Void>> blockers = new java.util.ArrayList<>();
    for (int i = 0; i < threads; i++) {
      blockers.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
        try {
          release.await(); // a caller's task that blocks a pool thread
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
    }
    try {
      long started = System.nanoTime();
      BytesInput page = fetcher(Duration.ofSeconds(20), MB).fetch(base + "/page.html");
      assertThat(new String(page.bytes(), StandardCharsets.UTF_8)).isEqualTo("<p>ok</p>");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    } finally {
      release.countDown();
    }
  }

  @Test
  void followsRedirectsAndNamesTheFinalUrl() {
    serve("/feed.xml", 200, "application/atom+xml", FeedArticleImporterTest.fixture("atom.xml"));
    server.createContext("/old-feed", exchange -> {
      exchange.getResponseHeaders().set("Location", "/feed.xml");
      exchange.sendResponseHeaders(301, -1);
      exchange.close();
    });

    BytesInput fetched = fetcher(Duration.ofSeconds(5), MB).fetch(base + "/old-feed");

    assertThat(fetched.name()).isEqualTo(base + "/feed.xml");
    assertThat(fetched.contentType()).isEqualTo("application/atom+xml");
  }

  @Test
  void reportsTheHttpStatus() {
    serve("/gone", 404, "text/html", "<h1>Not here</h1>".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), MB).fetch(base + "/gone"))
        .isInstanceOf(IngestException.class)
        .hasMessage("HTTP 404 (Not Found)");
  }

  @Test
  void givesUpOnASilentServer() {
    server.createContext("/slow", exchange -> {
      try {
        Thread.sleep(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      respond(exchange, 200, "text/plain", new byte[] {'x'});
    });
    long start = System.nanoTime();

    assertThatThrownBy(() -> fetcher(Duration.ofMillis(500), MB).fetch(base + "/slow"))
        .isInstanceOf(IngestException.class)
        .hasMessage("no response within 500 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void givesUpOnABodyThatStopsArriving() {
    server.createContext("/stalls", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write("<rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException expected) {
        // the client hung up
      }
    });
    long start = System.nanoTime();

    assertThatThrownBy(() -> fetcher(Duration.ofMillis(500), MB).fetch(base + "/stalls"))
        .isInstanceOf(IngestException.class)
        .hasMessage("the response stalled: no data for 500 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void reportsARefusedConnection() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    HttpFetcher fetcher = new HttpFetcher(Duration.ofSeconds(2), MB, UrlPolicy.allowPrivate());

    assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + closedPort + "/"))
        .isInstanceOf(IngestException.class)
        .hasMessage("cannot connect: connection refused");
  }

  @Test
  void refusesABodyOverTheLimit() {
    serve("/big", 200, "application/xml", new byte[10_000]);

    assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), 1000).fetch(base + "/big"))
        .isInstanceOf(IngestException.class)
        .hasMessage("response larger than the 1000 bytes limit");
  }

  @Test
  void stopsReadingAStreamedBodyPastTheLimit() {
    server.createContext("/stream", exchange -> {
      exchange.sendResponseHeaders(200, 0); // chunked: no length given in advance
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 64; i++) {
          out.write(new byte[4096]);
        }
      } catch (IOException expected) {
        // the client hangs up once the limit is passed
      }
    });

    assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), 20_000).fetch(base + "/stream"))
        .isInstanceOf(IngestException.class)
        .hasMessage("response larger than the 19.5 KB limit");
  }

  @Test
  void acceptsOnlyHttpUrls() {
    HttpFetcher fetcher = fetcher(Duration.ofSeconds(1), MB);

    assertThatThrownBy(() -> fetcher.fetch("ftp://127.0.0.1/feed.xml"))
        .hasMessage("only http and https URLs are fetched, not 'ftp'");
    assertThatThrownBy(() -> fetcher.fetch("file:///etc/hostname"))
        .hasMessage("only http and https URLs are fetched, not 'file'");
    assertThatThrownBy(() -> fetcher.fetch("feed.xml")).hasMessage("not an http(s) URL");
  }

  @Test
  void keepsTheInterruptFlag() {
    server.createContext("/slow", exchange -> {
      try {
        Thread.sleep(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    HttpFetcher fetcher = fetcher(Duration.ofSeconds(5), MB);

    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> fetcher.fetch(base + "/slow")).hasMessage("interrupted while fetching");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void describesDurationsInWords() {
    assertThat(HttpFetcher.inWords(Duration.ofMillis(500))).isEqualTo("500 ms");
    assertThat(HttpFetcher.inWords(Duration.ofSeconds(2))).isEqualTo("2 s");
    assertThat(HttpFetcher.inWords(Duration.ofMillis(1500))).isEqualTo("1.5 s");
  }

  /** A second loopback server that answers everything with 200, counting the requests that reach it. */
  private static HttpServer otherServer(AtomicInteger requests) throws IOException {
    HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    other.createContext("/", exchange -> {
      requests.incrementAndGet();
      respond(exchange, 200, "text/plain", "internal secret".getBytes(StandardCharsets.UTF_8));
    });
    other.start();
    return other;
  }

  private void redirect(String path, String location) {
    server.createContext(path, exchange -> {
      exchange.getResponseHeaders().set("Location", location);
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
  }

  @Test
  void refusesTheLoopbackServerUnderTheDefaultPolicy() {
    AtomicInteger requests = new AtomicInteger();
    server.createContext("/feed.xml", exchange -> {
      requests.incrementAndGet();
      respond(exchange, 200, "text/plain", new byte[] {'x'});
    });
    HttpFetcher fetcher = new HttpFetcher(Duration.ofSeconds(5), MB, UrlPolicy.publicOnly());

    assertThatThrownBy(() -> fetcher.fetch(base + "/feed.xml"))
        .isInstanceOf(IngestException.class)
        .hasMessage("refused: 127.0.0.1 is a loopback address (to fetch from this machine or a private network,"
            + " start with --allow-private-urls)");
    assertThat(requests).hasValue(0);
  }

  @Test
  void refusesARedirectToAnotherLoopbackPort() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer other = otherServer(requests);
    try {
      String target = "http://127.0.0.1:" + other.getAddress().getPort() + "/admin";
      redirect("/innocent", target);

      assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), MB).fetch(base + "/innocent"))
          .isInstanceOf(IngestException.class)
          .hasMessage("redirect to " + target + " refused: 127.0.0.1 is a loopback address (to fetch from this"
              + " machine or a private network, start with --allow-private-urls)");
      assertThat(requests).as("requests that reached the other server").hasValue(0);
    } finally {
      other.stop(0);
    }
  }

  @Test
  void refusesARedirectToLocalhostByName() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer other = otherServer(requests);
    try {
      String target = "http://localhost:" + other.getAddress().getPort() + "/admin";
      redirect("/innocent", target);

      assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), MB).fetch(base + "/innocent"))
          .isInstanceOf(IngestException.class)
          .hasMessageStartingWith("redirect to " + target + " refused: localhost resolves to ")
          .hasMessageContaining("a loopback address");
      assertThat(requests).hasValue(0);
    } finally {
      other.stop(0);
    }
  }

  @Test
  void followsARedirectToTheSameHostAndPortWithAllowPrivate() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer other = otherServer(requests);
    try {
      String target = "http://127.0.0.1:" + other.getAddress().getPort() + "/admin";
      redirect("/innocent", target);

      BytesInput fetched = new HttpFetcher(Duration.ofSeconds(5), MB, UrlPolicy.allowPrivate()).fetch(base + "/innocent");

      assertThat(fetched.name()).isEqualTo(target);
      assertThat(new String(fetched.bytes(), StandardCharsets.UTF_8)).isEqualTo("internal secret");
      assertThat(requests).hasValue(1);
    } finally {
      other.stop(0);
    }
  }

  @Test
  void refusesARedirectToAnotherScheme() {
    redirect("/to-file", "file:///etc/passwd");

    assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), MB).fetch(base + "/to-file"))
        .isInstanceOf(IngestException.class)
        .hasMessage("redirect to file:///etc/passwd refused: only http and https URLs are fetched, not 'file'");
  }

  @Test
  void refusesARedirectToAHostWrittenAsOneNumber() {
    String target = "http://2130706433:" + server.getAddress().getPort() + "/";
    redirect("/to-number", target);

    assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), MB).fetch(base + "/to-number"))
        .isInstanceOf(IngestException.class)
        .hasMessage("redirect to " + target + " refused: the host '2130706433' is a number in a non-standard form"
            + " (resolvers disagree on how to read it); write an IPv4 address as four decimal numbers such as"
            + " 192.0.2.1");
  }

  @Test
  void followsFiveRedirectsButNotSix() {
    serve("/end", 200, "text/plain", "arrived".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 6; i++) {
      redirect("/hop" + i, i == 5 ? "/end" : "/hop" + (i + 1));
    }
    HttpFetcher fetcher = fetcher(Duration.ofSeconds(5), MB);

    assertThat(fetcher.fetch(base + "/hop1").name()).isEqualTo(base + "/end");
    assertThatThrownBy(() -> fetcher.fetch(base + "/hop0"))
        .isInstanceOf(IngestException.class)
        .hasMessage("more than 5 redirects; the last was to /end");
  }

  @Test
  void cutsADribblingResponseAtTheDeadline() {
    server.createContext("/dribble", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 100; i++) {
          out.write('x');
          out.flush();
          Thread.sleep(200);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException expected) {
        // the client hung up
      }
    });
    HttpFetcher fetcher = new HttpFetcher(Duration.ofSeconds(5), Duration.ofSeconds(1), MB,
        UrlPolicy.publicOnly().exempting("127.0.0.1", server.getAddress().getPort()));
    long start = System.nanoTime();

    assertThatThrownBy(() -> fetcher.fetch(base + "/dribble"))
        .isInstanceOf(IngestException.class)
        .hasMessage("no complete response within 1 s");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void keepsTheSummaryWhenTheLinkedPageIsOnAPrivateAddress() throws IOException {
    String feed = new String(FeedArticleImporterTest.fixture("local-summaries.xml"), StandardCharsets.UTF_8)
        .replace("${base}", base);
    FeedArticleImporter importer = new FeedArticleImporter(true,
        new HttpFetcher(Duration.ofSeconds(5), MB, UrlPolicy.publicOnly()), new FakePageImporter());

    List<Imported> items = FeedArticleImporterTest.read(importer,
        new BytesInput("feed.xml", Provenance.Kind.FILE, feed.getBytes(StandardCharsets.UTF_8), null));

    Article first = ((Imported.Parsed) items.get(0)).article();
    assertThat(first.textKind()).isEqualTo(TextKind.SUMMARY);
    assertThat(first.notes()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("full text not fetched: refused: 127.0.0.1 is a loopback address");
  }

  private List<Imported> readLocalSummaryFeed(ArticleImporter pageImporter) throws IOException {
    serve("/articles/dock-strike.html", 200, "text/html; charset=utf-8",
        FeedArticleImporterTest.fixture("article-page.html"));
    serve("/articles/removed-story.html", 404, "text/html", new byte[0]);
    String feed = new String(FeedArticleImporterTest.fixture("local-summaries.xml"), StandardCharsets.UTF_8)
        .replace("${base}", base);
    FeedArticleImporter importer =
        new FeedArticleImporter(true, fetcher(Duration.ofSeconds(5), MB), pageImporter);
    return FeedArticleImporterTest.read(importer,
        new BytesInput(base + "/feed.xml", Provenance.Kind.URL, feed.getBytes(StandardCharsets.UTF_8), null));
  }

  @Test
  void fetchesTheFullTextOfSummaryItems() throws IOException {
    List<Imported> items = readLocalSummaryFeed(new FakePageImporter());

    Article first = ((Imported.Parsed) items.get(0)).article();
    assertThat(first.textKind()).isEqualTo(TextKind.FULL);
    assertThat(first.outlet()).isEqualTo("Harbour Gazette Briefing");
    assertThat(first.title()).isEqualTo("Dock strike ends after three weeks");
    assertThat(first.published()).isEqualTo(new Published.AtInstant(OffsetDateTime.parse("2025-04-28T07:15:00Z")));
    assertThat(first.url()).isEqualTo("https://harbourgazette.example/2025/04/28/dock-strike-ends");
    assertThat(first.text()).startsWith("Workers at the north container terminal voted on Monday morning");
    assertThat(first.text().split("\n\n")).hasSize(4);
    assertThat(first.notes()).isEmpty();
    assertThat(first.provenance().locator()).isEqualTo("item 1");
    assertThat(first.provenance().importer()).isEqualTo("feed");
  }

  @Test
  void keepsTheSummaryWhenThePageCannotBeFetched() throws IOException {
    List<Imported> items = readLocalSummaryFeed(new FakePageImporter());

    Article second = ((Imported.Parsed) items.get(1)).article();
    assertThat(second.textKind()).isEqualTo(TextKind.SUMMARY);
    assertThat(second.text()).isEqualTo("The ferry company will keep fares at last year's level until September.");
    assertThat(second.notes()).containsExactly("full text not fetched: HTTP 404 (Not Found)");
  }

  @Test
  void fetchesTheTextOfATitleOnlyItem() throws IOException {
    List<Imported> items = readLocalSummaryFeed(new FakePageImporter());

    Article third = ((Imported.Parsed) items.get(2)).article();
    assertThat(third.title()).isEqualTo("Harbour master retires");
    assertThat(third.textKind()).isEqualTo(TextKind.FULL);
    assertThat(third.published()).as("the page importer found no date").isEqualTo(Published.unknown());
  }

  @Test
  void fetchesTheFullTextWithTheHtmlImporter() throws IOException {
    List<Imported> items = readLocalSummaryFeed(new HtmlArticleImporter());

    Article first = ((Imported.Parsed) items.get(0)).article();
    assertThat(first.textKind()).isEqualTo(TextKind.FULL);
    assertThat(first.title()).isEqualTo("Dock strike ends after three weeks");
    assertThat(first.outlet()).isEqualTo("Harbour Gazette Briefing");
    assertThat(first.url()).isEqualTo("https://harbourgazette.example/2025/04/28/dock-strike-ends");
    assertThat(first.text()).contains("Hauliers who had queued on the ring road since the weekend welcomed the news.")
        .doesNotContain("All rights reserved");
    assertThat(first.text().split("\n\n")).hasSizeGreaterThanOrEqualTo(4);
    Article second = ((Imported.Parsed) items.get(1)).article();
    assertThat(second.textKind()).isEqualTo(TextKind.SUMMARY);
    assertThat(second.notes()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("full text not fetched");
  }

  /** Stands in for the html importer: the article's paragraphs and its canonical URL. */
  private static final class FakePageImporter implements ArticleImporter {
    @Override
    public String name() {
      return "html";
    }

    @Override
    public void read(Input input, Consumer<Imported> sink) throws IOException {
      Document page = Jsoup.parse(new String(Limits.readBounded(input, MB), StandardCharsets.UTF_8), input.name());
      String text = page.select("article p:not(.byline)").stream().map(Element::text)
          .collect(Collectors.joining("\n\n"));
      sink.accept(new Imported.Parsed(Article.withDerivedId(
          page.select("meta[property=og:site_name]").attr("content"),
          page.select("link[rel=canonical]").attr("href"),
          page.select("h1").text(), Published.unknown(), "en", text, TextKind.FULL,
          input.provenance("html", null), null, List.of())));
    }
  }
}
