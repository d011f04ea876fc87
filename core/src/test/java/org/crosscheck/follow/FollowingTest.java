package org.crosscheck.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.crosscheck.follow.FeedServer.Doc;
import org.crosscheck.ingest.HtmlArticleImporter;
import org.crosscheck.ingest.HttpFetcher;
import org.crosscheck.ingest.UrlPolicy;
import org.crosscheck.model.FollowedSource;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.IngestSummary;
import org.crosscheck.pipeline.Ingestor;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.FollowStore;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowingTest {
  private static final String RSS = "application/rss+xml";

  @TempDir Path tmp;
  private FeedServer server;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
  /** Inputs handed to the ingest, i.e. responses parsed. */
  private final AtomicInteger parses = new AtomicInteger();
  private Store store;
  private Following following;
  /** What the politeness gate slept (on the test's clock). */
  private final List<Duration> slept = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new FeedServer();
    server.put("/robots.txt", Doc.ok("text/plain", "User-agent: *\nDisallow: /private/\n", null));
    open(Store.inMemory(), settings());
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  private static FollowSettings settings() {
    return FollowSettings.defaults().withHostInterval(Duration.ofSeconds(1))
        .withIntervals(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(10))
        .withMaxBackoff(Duration.ofHours(1));
  }

  /** Follows with the store: a real ingest behind a sink that counts what it parses; sleeping moves the clock. */
  private void open(Store s, FollowSettings settings) {
    store = s;
    Ingestor ingestor = Pipeline.builder().store(s).allowPrivateUrls(true).buildIngestor();
    ItemSink sink = (inputs, importer) -> {
      parses.addAndGet(inputs.size());
      IngestSummary r = ingestor.ingestInputs(inputs, importer, new IngestListener() {});
      return new ItemSink.Ingested(r.counts().added(), r.counts().alreadyStored(), r.counts().rejected(),
          r.rejections().stream().map(x -> x.message()).toList(), r.storeError());
    };
    following = new Following((FollowStore) s, new HttpFetcher(Duration.ofSeconds(5), 1 << 20, UrlPolicy.allowPrivate()),
        sink, new HtmlArticleImporter(), settings, clock, d -> {
          slept.add(d);
          clock.advance(d);
        }, new Random(7));
  }

  private FollowedSource followed(String path) {
    Following.Added added = following.add(server.url(path));
    assertThat(added.error()).as("adding " + path).isNull();
    return added.followed().getFirst();
  }

  private List<PollResult> pollDue() {
    return following.watcher().pollDue(r -> {});
  }

  private FollowedSource stored(String path) {
    return ((FollowStore) store).followedSource(server.url(path)).orElseThrow();
  }

  @Test
  void newItemsAppearAsTheFeedChanges() {
    server.put("/feed.xml", Doc.ok(RSS, FeedServer.rss("Harbour News", "alpha", "beta"), "\"v1\""));
    FollowedSource source = followed("/feed.xml");
    assertThat(source.kind()).isEqualTo(FollowedSource.Kind.FEED);
    assertThat(source.title()).isEqualTo("Harbour News");

    PollResult first = pollDue().getFirst();
    assertThat(first.outcome()).isEqualTo(PollResult.Outcome.NEW_ITEMS);
    assertThat(first.newItems()).isEqualTo(2);
    assertThat(store.count()).isEqualTo(2);

    server.put("/feed.xml", Doc.ok(RSS, FeedServer.rss("Harbour News", "gamma", "alpha", "beta"), "\"v2\""));
    assertThat(pollDue()).as("not due yet").isEmpty();
    clock.advance(Duration.ofHours(1));
    PollResult second = pollDue().getFirst();
    assertThat(second.newItems()).isEqualTo(1);
    assertThat(second.added()).isEqualTo(1);
    assertThat(store.count()).isEqualTo(3);
    FollowedSource after = stored("/feed.xml");
    assertThat(after.items()).isEqualTo(3);
    assertThat(after.lastNewItem()).isEqualTo(clock.instant());
    assertThat(after.interval()).as("halved: the source publishes").isEqualTo(Duration.ofMinutes(2).plusSeconds(30));
    assertThat(server.requests).allSatisfy(r -> assertThat(r.header("User-Agent")).startsWith("Crosscheck/0.1 ("));
  }

  @Test
  void aNotModifiedResponseParsesNothingAndStoresNothingButThePollTime() {
    server.put("/feed.xml", Doc.ok(RSS, FeedServer.rss("Harbour News", "alpha"), "\"v1\""));
    followed("/feed.xml");
    pollDue();
    int parsed = parses.get();
    long stored = store.count();

    clock.advance(Duration.ofHours(1));
    PollResult again = pollDue().getFirst();

    assertThat(server.requests.getLast().header("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(again.outcome()).isEqualTo(PollResult.Outcome.NOT_MODIFIED);
    assertThat(again.parsed()).isFalse();
    assertThat(parses.get()).isEqualTo(parsed);
    assertThat(store.count()).isEqualTo(stored);
    assertThat(stored("/feed.xml").lastPoll()).isEqualTo(clock.instant());
    assertThat(stored("/feed.xml").interval()).as("grown: nothing new").isEqualTo(Duration.ofMinutes(7).plusSeconds(30));
  }

  @Test
  void lastModifiedIsSentBackWhenThereIsNoEtag() {
    server.put("/feed.xml", new Doc(200, RSS, FeedServer.rss("Harbour News", "alpha").getBytes(),
        null, "Sun, 01 Mar 2026 07:00:00 GMT", Map.of()));
    followed("/feed.xml");
    pollDue();
    clock.advance(Duration.ofHours(1));
    assertThat(pollDue().getFirst().outcome()).isEqualTo(PollResult.Outcome.NOT_MODIFIED);
    assertThat(server.requests.getLast().header("If-Modified-Since")).isEqualTo("Sun, 01 Mar 2026 07:00:00 GMT");
  }

  @Test
  void errorsBackOffExponentiallyAndRecover() {
    server.put("/feed.xml", Doc.ok(RSS, FeedServer.rss("Harbour News", "alpha"), "\"v1\""));
    followed("/feed.xml");
    server.put("/feed.xml", Doc.status(500, Map.of()));
    List<Duration> waits = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      PollResult r = pollDue().getFirst();
      assertThat(r.outcome()).isEqualTo(PollResult.Outcome.FAILED);
      assertThat(r.message()).isEqualTo("HTTP 500 (Internal Server Error)");
      assertThat(r.source().consecutiveFailures()).isEqualTo(i);
      waits.add(Duration.between(clock.instant(), r.source().nextPoll()));
      clock.set(r.source().nextPoll());
    }
    // from the 10 min interval: 5-10, 10-20, 20-40, then capped at 30-60 min (jittered)
    assertThat(waits.get(0)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
    assertThat(waits.get(1)).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(20));
    assertThat(waits.get(2)).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(40));
    assertThat(waits.get(3)).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(60));

    server.put("/feed.xml", Doc.ok(RSS, FeedServer.rss("Harbour News", "alpha"), "\"v1\""));
    PollResult recovered = pollDue().getFirst();
    assertThat(recovered.outcome()).isEqualTo(PollResult.Outcome.NEW_ITEMS);
    assertThat(recovered.source().consecutiveFailures()).isZero();
    assertThat(recovered.source().errors()).isEqualTo(4);
    assertThat(recovered.source().lastError()).isNull();
  }

  @Test
  void retryAfterOfA429IsHonouredForTheSourceAndItsHost() {
    server.put("/feed.xml", Doc.ok(RSS, FeedServer.rss("Harbour News", "alpha"), "\"v1\""));
    server.put("/other.xml", Doc.ok(RSS, FeedServer.rss("Harbour News", "beta"), "\"v1\""));
    followed("/feed.xml");
    followed("/other.xml");
    server.put("/feed.xml", Doc.status(429, Map.of("Retry-After", "7200")));
    long before = server.requestsTo("/other.xml");
    Instant start = clock.instant();

    List<PollResult> results = pollDue();

    assertThat(results.get(0).outcome()).isEqualTo(PollResult.Outcome.FAILED);
    Instant until = results.get(0).source().nextPoll();
    assertThat(until).isBetween(start.plusSeconds(7200), start.plusSeconds(7200 + 10));
    assertThat(results.get(1).outcome()).as("same host: left alone too").isEqualTo(PollResult.Outcome.DEFERRED);
    assertThat(results.get(1).source().nextPoll()).isEqualTo(until);
    assertThat(server.requestsTo("/other.xml")).isEqualTo(before);
  }

  @Test
  void robotsTxtDisallowIsObeyed() {
    server.put("/private/feed.xml", Doc.ok(RSS, FeedServer.rss("Harbour News", "alpha"), "\"v1\""));
    Following.Added added = following.add(server.url("/private/feed.xml"));
    assertThat(added.error()).isEqualTo("disallowed by robots.txt; not fetched");
    FollowStore follows = (FollowStore) store;
    follows.addFollowed(FollowedSource.newSource(server.url("/private/feed.xml"), FollowedSource.Kind.FEED, null,
        clock.instant(), Duration.ofMinutes(10)));

    PollResult r = pollDue().getFirst();

    assertThat(r.outcome()).isEqualTo(PollResult.Outcome.DISALLOWED);
    assertThat(r.source().lastError()).isEqualTo("disallowed by robots.txt; not fetched");
    assertThat(server.requestsTo("/private/feed.xml")).isZero();
    assertThat(server.requestsTo("/robots.txt")).as("fetched once, then kept").isEqualTo(1);
  }

  @Test
  void linkedPagesAreFetchedThroughTheSameRobotsRulesAndGate() {
    open(store, settings().withFetchFullText(true));
    server.put("/feed.xml", Doc.ok(RSS, summaries("open", "closed").replace("/story/closed", "/private/closed"),
        "\"v1\""));
    server.put("/story/open", Doc.ok("text/html", FeedServer.page("Harbour dredging"), null));
    server.put("/private/closed", Doc.ok("text/html", FeedServer.page("Secret plans"), null));
    followed("/feed.xml");

    PollResult r = pollDue().getFirst();

    assertThat(r.newItems()).isEqualTo(2);
    assertThat(server.requestsTo("/story/open")).isEqualTo(1);
    assertThat(server.requestsTo("/private/closed")).isZero();
    // the disallowed one keeps its teaser (too short to count as an article) and says why
    assertThat(store.list(0, 10)).anySatisfy(a -> {
      assertThat(a.textKind().name()).isNotEqualTo("FULL");
      assertThat(a.notes()).contains("full text not fetched: disallowed by robots.txt; not fetched");
    });
  }

  @Test
  void aLongerCrawlDelaySpacesTheRequestsToItsHost() {
    server.put("/robots.txt", Doc.ok("text/plain", "User-agent: crosscheck\nCrawl-delay: 5\n", null));
    server.put("/feed.xml", Doc.ok(RSS, FeedServer.rss("Harbour News", "alpha"), "\"v1\""));
    slept.clear();
    followed("/feed.xml");
    assertThat(slept).as("robots.txt, then the feed 1 s (--host-interval) later").containsExactly(Duration.ofSeconds(1));
    pollDue();
    assertThat(slept).as("then 5 s apart").containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5));
  }

  @Test
  void twoFeedsOfOneHostAreNeverFetchedAtOnce() throws Exception {
    server.put("/a.xml", Doc.ok(RSS, FeedServer.rss("A", "alpha"), "\"a\""));
    server.put("/b.xml", Doc.ok(RSS, FeedServer.rss("B", "beta"), "\"b\""));
    FollowedSource a = followed("/a.xml");
    FollowedSource b = followed("/b.xml");
    server.maxInFlight.set(0);
    server.delayMillis = 150;
    // two pollers at once, as two watchers would: the host gate keeps them apart
    Watcher watcher = following.watcher();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (FollowedSource s : List.of(a, b)) {
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        following.poll(s);
      }));
    }
    go.countDown();
    for (Thread t : threads) {
      t.join(10_000);
    }
    assertThat(server.requestsTo("/a.xml")).isEqualTo(2);
    assertThat(server.requestsTo("/b.xml")).isEqualTo(2);
    assertThat(server.maxInFlight.get()).isEqualTo(1);

    clock.advance(Duration.ofHours(2));
    watcher.pollDue(r -> {});
    assertThat(server.maxInFlight.get()).isEqualTo(1);
  }

  @Test
  void aSiteIsFollowedThroughTheFeedsItsPageAnnounces() {
    server.put("/", Doc.ok("text/html", "<html><head><title>Harbour News</title>"
        + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Top stories\" href=\"/rss/top.xml\">"
        + "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"" + server.url("/atom.xml") + "\">"
        + "<link rel=\"stylesheet\" href=\"/s.css\"></head><body><p>Home</p></body></html>", null));
    server.put("/rss/top.xml", Doc.ok(RSS, FeedServer.rss("Harbour News", "alpha"), "\"t\""));

    Following.Added added = following.add(server.url("/"));

    assertThat(added.error()).isNull();
    assertThat(added.followed()).extracting(FollowedSource::url)
        .containsExactly(server.url("/rss/top.xml"), server.url("/atom.xml"));
    assertThat(added.followed().getFirst().title()).isEqualTo("Top stories");
    List<PollResult> results = pollDue();
    assertThat(results.get(0).outcome()).isEqualTo(PollResult.Outcome.NEW_ITEMS);
    assertThat(results.get(1).outcome()).isEqualTo(PollResult.Outcome.FAILED);
    assertThat(results.get(1).message()).isEqualTo("HTTP 404 (Not Found)");
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void aNewsSitemapIsReadAndItsPagesIngested() {
    server.put("/news-sitemap.xml", Doc.ok("application/xml", sitemap("one", "two"), "\"s1\""));
    server.put("/news/one", Doc.ok("text/html", FeedServer.page("Harbour dredging"), null));
    server.put("/news/two", Doc.ok("text/html", FeedServer.page("Ferry timetable"), null));
    server.put("/news/three", Doc.ok("text/html", FeedServer.page("Lighthouse repairs"), null));

    FollowedSource source = followed("/news-sitemap.xml");
    assertThat(source.kind()).isEqualTo(FollowedSource.Kind.SITEMAP);
    PollResult first = pollDue().getFirst();

    assertThat(first.newItems()).isEqualTo(2);
    assertThat(store.count()).isEqualTo(2);
    assertThat(store.list(0, 10)).extracting(a -> a.url()).containsExactlyInAnyOrder(
        server.url("/news/one"), server.url("/news/two"));

    server.put("/news-sitemap.xml", Doc.ok("application/xml", sitemap("three", "one", "two"), "\"s2\""));
    clock.advance(Duration.ofHours(1));
    PollResult second = pollDue().getFirst();
    assertThat(second.newItems()).isEqualTo(1);
    assertThat(server.requestsTo("/news/one")).as("a page seen before is not fetched again").isEqualTo(1);
    assertThat(store.count()).isEqualTo(3);
  }

  @Test
  void pagesBeyondThePerPollLimitAreFetchedAtTheNextPollEvenWhenTheSitemapIsUnchanged() {
    FollowSettings two = settings();
    open(store, new FollowSettings(two.userAgent(), two.hostInterval(), two.minInterval(), two.maxInterval(),
        two.initialInterval(), two.maxBackoff(), two.robotsTtl(), 2, false));
    server.put("/news-sitemap.xml", Doc.ok("application/xml", sitemap("one", "two", "three"), "\"s1\""));
    for (String slug : List.of("one", "two", "three")) {
      server.put("/news/" + slug, Doc.ok("text/html", FeedServer.page("Harbour " + slug), null));
    }
    followed("/news-sitemap.xml");

    Instant start = clock.instant();
    PollResult first = pollDue().getFirst();
    assertThat(first.newItems()).isEqualTo(2);
    assertThat(first.source().etag()).as("not kept: a 304 would hide the third page").isNull();
    assertThat(first.source().nextPoll()).isEqualTo(start.plus(two.minInterval()));

    clock.set(first.source().nextPoll());
    PollResult second = pollDue().getFirst();
    assertThat(second.newItems()).isEqualTo(1);
    assertThat(second.source().etag()).isEqualTo("\"s1\"");
    assertThat(store.count()).isEqualTo(3);
    assertThat(server.requestsTo("/news/one") + server.requestsTo("/news/two") + server.requestsTo("/news/three"))
        .isEqualTo(3);
  }

  @Test
  void aSitemapWithoutNewsEntriesIsNotFollowed() {
    server.put("/sitemap.xml", Doc.ok("application/xml", "<?xml version=\"1.0\"?><urlset"
        + " xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + server.url("/about")
        + "</loc></url></urlset>", null));
    assertThat(following.add(server.url("/sitemap.xml")).error())
        .isEqualTo("a sitemap without news:news entries, not a Google News sitemap");
    assertThat(following.list()).isEmpty();
  }

  @Test
  void gzipResponsesAreRead() {
    server.put("/feed.xml", Doc.ok(RSS, FeedServer.rss("Harbour News", "alpha", "beta"), "\"v1\""));
    followed("/feed.xml");
    assertThat(pollDue().getFirst().newItems()).isEqualTo(2);
    assertThat(server.requests.getLast().header("Accept-Encoding")).contains("gzip");
  }

  @Test
  void aRestartResumesFromTheStoredStateWithoutRefetching() {
    store.close();
    Path dir = tmp.resolve("data");
    open(Store.open(dir), settings().withFetchFullText(true));
    server.put("/feed.xml", Doc.ok(RSS, summaries("alpha", "beta"), "\"v1\""));
    server.put("/story/alpha", Doc.ok("text/html", FeedServer.page("Harbour dredging"), null));
    server.put("/story/beta", Doc.ok("text/html", FeedServer.page("Ferry timetable"), null));
    followed("/feed.xml");
    assertThat(pollDue().getFirst().newItems()).isEqualTo(2);
    assertThat(store.count()).isEqualTo(2);
    assertThat(store.list(0, 10)).allSatisfy(a -> assertThat(a.textKind().name()).isEqualTo("FULL"));
    store.close();

    // a new process on the same data directory: the validators are sent back
    open(Store.open(dir), settings().withFetchFullText(true));
    clock.advance(Duration.ofHours(1));
    PollResult resumed = following.watcher().pollOnce(r -> {}).getFirst();
    assertThat(server.requests.getLast().header("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(resumed.outcome()).isEqualTo(PollResult.Outcome.NOT_MODIFIED);

    // a server that ignores validators: the items are known, no linked page is fetched again
    server.conditional = false;
    clock.advance(Duration.ofHours(1));
    PollResult again = following.watcher().pollOnce(r -> {}).getFirst();
    assertThat(again.outcome()).isEqualTo(PollResult.Outcome.NOTHING_NEW);
    assertThat(server.requestsTo("/story/alpha")).isEqualTo(1);
    assertThat(server.requestsTo("/story/beta")).isEqualTo(1);
    assertThat(store.count()).isEqualTo(2);
    assertThat(stored("/feed.xml").items()).isEqualTo(2);
  }

  @Test
  void aStartedWatcherPollsDueSourcesUntilClosed() throws Exception {
    server.put("/feed.xml", Doc.ok(RSS, FeedServer.rss("Harbour News", "alpha"), "\"v1\""));
    followed("/feed.xml");
    java.util.concurrent.BlockingQueue<PollResult> results = new java.util.concurrent.LinkedBlockingQueue<>();
    try (Watcher watcher = following.watcher().start(results::add)) {
      PollResult r = results.poll(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(r).isNotNull();
      assertThat(r.outcome()).isEqualTo(PollResult.Outcome.NEW_ITEMS);
    }
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void opmlListsAreImportedAndExported() throws Exception {
    Path opml = tmp.resolve("subscriptions.opml");
    Files.writeString(opml, """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0"><head><title>Newsroom</title></head><body>
          <outline text="World">
            <outline type="rss" text="Harbour News" xmlUrl="https://harbour.example/rss.xml"/>
            <outline type="rss" text="Broken" xmlUrl="ftp://harbour.example/rss.xml"/>
          </outline>
          <outline type="news-sitemap" text="Courier" xmlUrl="https://courier.example/news-sitemap.xml"/>
        </body></opml>
        """);

    List<Following.Added> added = following.importOpml(opml);

    assertThat(added).extracting(Following.Added::error)
        .containsExactly(null, "only http and https URLs are fetched, not 'ftp'", null);
    assertThat(following.list()).extracting(FollowedSource::url, FollowedSource::kind, FollowedSource::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("https://harbour.example/rss.xml", FollowedSource.Kind.FEED, "Harbour News"),
            org.assertj.core.groups.Tuple.tuple("https://courier.example/news-sitemap.xml", FollowedSource.Kind.SITEMAP,
                "Courier"));
    assertThat(server.requests).as("nothing fetched on import").isEmpty();

    Path exported = tmp.resolve("exported.opml");
    Files.writeString(exported, following.exportOpml());
    assertThat(following.remove("https://harbour.example/rss.xml")).isTrue();
    assertThat(following.remove("https://harbour.example/rss.xml")).isFalse();
    following.importOpml(exported);
    assertThat(following.list()).extracting(FollowedSource::url).containsExactlyInAnyOrder(
        "https://harbour.example/rss.xml", "https://courier.example/news-sitemap.xml");
  }

  private String sitemap(String... slugs) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
        + " xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">");
    int hour = 10;
    for (String slug : slugs) {
      b.append("<url><loc>").append(server.url("/news/" + slug)).append("</loc><news:news><news:publication>")
          .append("<news:name>Harbour News</news:name><news:language>en</news:language></news:publication>")
          .append("<news:publication_date>2026-03-01T").append(hour--).append(":00:00Z</news:publication_date>")
          .append("<news:title>").append(slug).append("</news:title></news:news></url>");
    }
    return b.append("</urlset>").toString();
  }

  private String summaries(String... slugs) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour News"
        + "</title><link>" + server.url("/") + "</link><description>d</description>");
    for (String slug : slugs) {
      b.append("<item><title>").append(slug).append("</title><link>").append(server.url("/story/" + slug))
          .append("</link><description>A short teaser about ").append(slug).append(".</description></item>");
    }
    return b.append("</channel></rss>").toString();
  }
}
