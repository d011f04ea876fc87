package org.crosscheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.crosscheck.SharedData;
import org.crosscheck.ingest.ArticleImporter;
import org.crosscheck.ingest.Format;
import org.crosscheck.ingest.HttpFetcher;
import org.crosscheck.ingest.Imported;
import org.crosscheck.ingest.Input;
import org.crosscheck.ingest.JsonlArticleImporter;
import org.crosscheck.ingest.Limits;
import org.crosscheck.ingest.Rejection;
import org.crosscheck.ingest.TextArticleImporter;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.store.Store;
import org.crosscheck.store.PutResult;
import org.crosscheck.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestorTest {
  @TempDir Path tmp;

  /** Records what the ingestor reports. */
  static final class Recorder implements IngestListener {
    final List<Rejection> rejections = new ArrayList<>();
    final List<PutResult> results = new ArrayList<>();

    @Override
    public void stored(Article article, PutResult result) {
      results.add(result);
    }

    @Override
    public void rejected(Rejection rejection) {
      rejections.add(rejection);
    }
  }

  @Test
  void listenerHearsEveryEventInOrderFromOneThreadWhileReadingRunsAhead() {
    List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    IngestListener listener = new IngestListener() {
      @Override
      public void planned(int inputs, long totalBytes) {
        threads.add(Thread.currentThread());
        events.add("planned");
      }

      @Override
      public void stored(Article article, PutResult result) {
        threads.add(Thread.currentThread());
        events.add("stored " + article.id());
      }

      @Override
      public void clustered(Article article, org.crosscheck.cluster.StoryClusterer.Assignment assignment) {
        threads.add(Thread.currentThread());
        events.add("clustered " + article.id());
      }

      @Override
      public void rejected(Rejection rejection) {
        threads.add(Thread.currentThread());
        events.add("rejected " + rejection.input());
      }

      @Override
      public void inputFinished(String input, IngestCounts counts) {
        threads.add(Thread.currentThread());
        events.add("finished " + Path.of(input).getFileName() + " " + counts.added());
      }
    };
    Path missing = tmp.resolve("missing.jsonl");
    IngestSummary s = Pipeline.builder().store(Store.inMemory()).batchSize(20)
        .flushInterval(java.time.Duration.ofHours(1)).buildIngestor()
        .ingest(List.of(missing.toString(), SharedData.path("basil-2010-2016.jsonl").toString()), listener);
    assertThat(s.counts()).isEqualTo(new IngestCounts(210, 0, 1));
    assertThat(threads).hasSize(1).doesNotContain(Thread.currentThread());
    assertThat(events.getFirst()).isEqualTo("rejected " + missing);
    assertThat(events.get(1)).isEqualTo("planned");
    assertThat(events.getLast()).isEqualTo("finished basil-2010-2016.jsonl 210");
    // every article is reported stored, then clustered, in input order
    List<String> stored = events.stream().filter(e -> e.startsWith("stored ")).map(e -> e.substring(7)).toList();
    List<String> clustered = events.stream().filter(e -> e.startsWith("clustered ")).map(e -> e.substring(10)).toList();
    assertThat(stored).hasSize(210).isEqualTo(clustered);
    for (String id : stored) {
      assertThat(events.indexOf("stored " + id)).isLessThan(events.indexOf("clustered " + id));
    }
  }

  @Test
  void storesTheSeedsWithTheirDatesAndOutlets() {
    Store store = Store.inMemory();
    IngestSummary s = Pipeline.builder().store(store).buildIngestor()
        .ingest(List.of(SharedData.path("seeds").toString()), new Recorder());
    assertThat(s.counts()).isEqualTo(new IngestCounts(5, 0, 0));
    List<Article> all = store.list(0, 10);
    assertThat(all).extracting(a -> a.published().localDate().map(Object::toString).orElse("unknown"))
        .containsExactly("2025-04-28", "2025-04-28", "unknown", "2025-04-28", "unknown");
    assertThat(all).extracting(Article::outlet).containsExactly("MENAFN", "Arirang News", "The Gaze", null, null);
  }

  @Test
  void readsADirectoryMixingFormatsAndRejectsWhatIsNotAnArticle() throws IOException {
    Path dir = tmp.resolve("mixed");
    Files.createDirectories(dir.resolve("sub/deeper"));
    Files.copy(SharedData.path("seeds/000_3e73613c10c7acdf.txt"), dir.resolve("story.txt"));
    Files.writeString(dir.resolve("sub/two.jsonl"),
        "{\"id\":\"j1\",\"text\":\"First JSONL story: the harbour reopened on Friday.\"}\n{\"id\":\"j2\",\"text\":\"Second JSONL story: the ferry left on time.\"}\n");
    Files.write(dir.resolve("sub/deeper/image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0});
    Files.write(dir.resolve("sub/empty.txt"), new byte[0]);
    Files.writeString(dir.resolve(".hidden.txt"), "A hidden file that must be skipped.");
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/config"), "[core]");
    Recorder r = new Recorder();
    Store store = Store.inMemory();
    IngestSummary s = Pipeline.builder().store(store).buildIngestor().ingest(List.of(dir.toString()), r);
    assertThat(s.inputs()).isEqualTo(4);
    assertThat(s.counts()).isEqualTo(new IngestCounts(3, 0, 2));
    assertThat(r.rejections).extracting(Rejection::message).containsExactly(
        dir.resolve("sub/deeper/image.png") + ": binary file (PNG image), not an article; Crosscheck reads text,"
            + " HTML, RSS/Atom, JSONL and WARC",
        dir.resolve("sub/empty.txt") + ": empty file (0 bytes), nothing to import");
    assertThat(store.findBySourceId("j2")).hasSize(1);
  }

  @Test
  void reingestingStoresNothingTwice() {
    Store store = Store.inMemory();
    Ingestor ingestor = Pipeline.builder().store(store).buildIngestor();
    String basil = SharedData.path("basil-2010-2016.jsonl").toString();
    assertThat(ingestor.ingest(List.of(basil), new Recorder()).counts()).isEqualTo(new IngestCounts(210, 0, 0));
    assertThat(ingestor.ingest(List.of(basil), new Recorder()).counts()).isEqualTo(new IngestCounts(0, 210, 0));
    assertThat(store.count()).isEqualTo(210);
  }

  @Test
  void storesArticlesThatShareASourceIdButDifferInContent() {
    Store store = Store.inMemory();
    Pipeline.builder().store(store).buildIngestor()
        .ingest(List.of(SharedData.path("basil-2010-2016.jsonl").toString()), new Recorder());
    assertThat(store.findBySourceId("basil-empty")).hasSize(4)
        .extracting(a -> a.id()).doesNotHaveDuplicates();
  }

  @Test
  void namesAPathThatDoesNotExistAndGoesOn() {
    Recorder r = new Recorder();
    IngestSummary s = Pipeline.builder().store(Store.inMemory()).buildIngestor()
        .ingest(List.of(tmp.resolve("nope.txt").toString(), SharedData.path("seeds").toString()), r);
    assertThat(r.rejections).singleElement()
        .satisfies(x -> assertThat(x.message()).isEqualTo(tmp.resolve("nope.txt") + ": no such file or directory"));
    assertThat(s.counts().added()).isEqualTo(5);
  }

  @Test
  void ingestsFeedAndPageUrlsAndNamesTheUrlsThatFail() throws Exception {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    byte[] feed = Files.readAllBytes(Path.of("src/test/resources/feeds/rss2-full.xml"));
    server.createContext("/feed", ex -> {
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, feed.length);
      ex.getResponseBody().write(feed);
      ex.close();
    });
    server.createContext("/gone", ex -> {
      ex.sendResponseHeaders(404, -1);
      ex.close();
    });
    server.createContext("/slow", ex -> {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Recorder r = new Recorder();
      Store store = Store.inMemory();
      IngestSummary s = Pipeline.builder().store(store).httpTimeout(java.time.Duration.ofMillis(500))
          .allowPrivateUrls(true).buildIngestor()
          .ingest(List.of(base + "/feed", base + "/gone", base + "/slow"), r);
      assertThat(s.counts().added()).isPositive();
      assertThat(store.list(0, 1).get(0).provenance().location()).isEqualTo(base + "/feed");
      assertThat(r.rejections).extracting(Rejection::message).containsExactly(
          base + "/gone: HTTP 404 (Not Found)",
          base + "/slow: no response within 500 ms");
    } finally {
      server.stop(0);
    }
  }

  /** An ingestor whose text importer yields one article of an input, then breaks as {@code failure} says. */
  private static Ingestor withBrokenTextImporter(Store store, Runnable failure) {
    ArticleImporter text = new TextArticleImporter();
    ArticleImporter broken = new ArticleImporter() {
      @Override
      public String name() {
        return "text";
      }

      @Override
      public void read(Input input, Consumer<Imported> sink) throws IOException {
        text.read(input, sink);
        failure.run();
      }
    };
    Map<Format, ArticleImporter> importers = new EnumMap<>(Format.class);
    importers.put(Format.TEXT, broken);
    importers.put(Format.JSONL, new JsonlArticleImporter());
    return Pipeline.builder().store(store).importers(importers).batchSize(1).flushInterval(Duration.ofHours(1))
        .stdin(InputStream.nullInputStream()).buildIngestor();
  }

  private static int recurse(int n) {
    return recurse(n + 1) + 1;
  }

  @Test
  void anImporterThrowingOnOneInputRejectsItAndTheRunReadsTheNext() throws IOException {
    Path bad = tmp.resolve("a-bad.txt");
    Files.writeString(bad, "The council approved the budget on Monday after a long debate.");
    Path good = tmp.resolve("b-good.jsonl");
    Files.writeString(good, "{\"id\":\"g1\",\"text\":\"The mayor opened the new bridge over the river on Friday,"
        + " and the first buses crossed it within the hour.\"}\n");
    Store store = Store.inMemory();
    Recorder r = new Recorder();
    IngestSummary s = withBrokenTextImporter(store, () -> {
      throw new NullPointerException("Cannot invoke \"String.length()\" because \"s\" is null");
    }).ingest(List.of(bad.toString(), good.toString()), r);
    assertThat(r.rejections).extracting(Rejection::message).containsExactly(bad + ": cannot read: internal error:"
        + " java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"s\" is null");
    // the article the importer handed on before it broke stays stored and counted
    assertThat(s.counts()).isEqualTo(new IngestCounts(2, 0, 1));
    assertThat(store.findBySourceId("g1")).hasSize(1);
  }

  @Test
  void anImporterOverflowingTheStackRejectsTheInputAndTheRunReadsTheNext() throws IOException {
    Path bad = tmp.resolve("a-deep.txt");
    Files.writeString(bad, "The council approved the budget on Monday after a long debate.");
    Path good = tmp.resolve("b-good.jsonl");
    Files.writeString(good, "{\"id\":\"g1\",\"text\":\"The mayor opened the new bridge over the river on Friday,"
        + " and the first buses crossed it within the hour.\"}\n");
    Recorder r = new Recorder();
    IngestSummary s = withBrokenTextImporter(Store.inMemory(), () -> recurse(0))
        .ingest(List.of(bad.toString(), good.toString()), r);
    assertThat(r.rejections).extracting(Rejection::message)
        .containsExactly(bad + ": cannot read: internal error: java.lang.StackOverflowError");
    assertThat(s.counts()).isEqualTo(new IngestCounts(2, 0, 1));
  }

  @Test
  void refusesUrlsOnThisMachineUnlessPrivateUrlsAreAllowed() throws Exception {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    byte[] feed = Files.readAllBytes(Path.of("src/test/resources/feeds/rss2-full.xml"));
    server.createContext("/feed", ex -> {
      requests.incrementAndGet();
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, feed.length);
      ex.getResponseBody().write(feed);
      ex.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed";
      Recorder r = new Recorder();
      IngestSummary s = Pipeline.builder().store(Store.inMemory()).buildIngestor().ingest(List.of(url), r);
      assertThat(s.counts().added()).isZero();
      assertThat(r.rejections).extracting(Rejection::message).containsExactly(url + ": refused: 127.0.0.1 is a"
          + " loopback address (to fetch from this machine or a private network, start with --allow-private-urls)");
      assertThat(requests).hasValue(0);

      IngestSummary allowed = Pipeline.builder().store(Store.inMemory()).allowPrivateUrls(true)
          .buildIngestor().ingest(List.of(url), new Recorder());
      assertThat(allowed.counts().added()).isPositive();
      assertThat(requests).hasValue(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void readsJsonLinesFromStandardInput() {
    byte[] jsonl = "{\"id\":\"s1\",\"text\":\"From stdin: the harbour reopened on Friday.\"}\nnot json\n".getBytes(StandardCharsets.UTF_8);
    Store store = Store.inMemory();
    Recorder r = new Recorder();
    IngestSummary s = Pipeline.builder().store(store).stdin(new ByteArrayInputStream(jsonl)).buildIngestor()
        .ingest(List.of("-"), r);
    assertThat(s.counts()).isEqualTo(new IngestCounts(1, 0, 1));
    assertThat(r.rejections.get(0).message()).startsWith("- line 2: not valid JSON");
    assertThat(store.findBySourceId("s1").get(0).provenance().location()).isEqualTo("-");
  }

  @Test
  void stopsWhenTheStoreFailsAndReportsOnlyCommittedArticlesAsStored() {
    Store real = Store.inMemory();
    int[] batches = {0};
    // the real store, but its second batch of articles fails as a full disk does
    Store failsOnSecondBatch = (Store) java.lang.reflect.Proxy.newProxyInstance(Store.class.getClassLoader(),
        new Class<?>[] {Store.class}, (proxy, method, args) -> {
          if (method.getName().equals("putAll") && ++batches[0] == 2) {
            throw new StoreException("cannot write to the store in /x: the disk is full (SQLITE_FULL)");
          }
          try {
            return method.invoke(real, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    Recorder r = new Recorder();
    IngestSummary s = Pipeline.builder().store(failsOnSecondBatch).batchSize(50)
        .flushInterval(java.time.Duration.ofHours(1)).buildIngestor()
        .ingest(List.of(SharedData.path("basil-2010-2016.jsonl").toString(),
            SharedData.path("seeds").toString()), r);
    assertThat(s.storeError()).contains("disk is full");
    assertThat(r.results).hasSize(50);
    assertThat(real.count()).isEqualTo(50);
    assertThat(s.counts().added()).isEqualTo(50);
    // the failed batch, and any batch read ahead of the store thread, are reported as not stored
    assertThat(r.rejections).isNotEmpty().allSatisfy(x ->
        assertThat(x.reason()).matches("50 articles not stored, and the run stopped: .*disk is full.*"));
    assertThat(r.rejections.getFirst().reason()).contains("disk is full");
    assertThat(s.counts().rejected()).isEqualTo(50L * r.rejections.size());
  }
}
