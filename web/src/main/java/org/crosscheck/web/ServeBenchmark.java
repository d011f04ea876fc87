package org.crosscheck.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.crosscheck.ingest.BytesInput;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;

/**
 * A bounded load test on loopback: a store holding a story (a scratch store, or a given one of any
 * size), a server on a free port, readers fetching the story page (and, one request in four, the
 * story list or a search) while one writer posts new articles, for a fixed time. Counts every
 * response that is not a success, and times the server's start on the store.
 */
public final class ServeBenchmark {
  private ServeBenchmark() {}

  /**
   * @param readers concurrent readers
   * @param seconds how long the load runs
   * @param storyRequests story page requests served
   * @param requests all read requests served
   * @param errors responses that were not 2xx, and requests that failed
   * @param writes articles the writer stored
   * @param storyP50Ms median latency of the story page
   * @param storyP99Ms 99th percentile latency of the story page
   * @param stored articles in the store when the server started
   * @param startSeconds from opening the store to the first answer of the started server, in seconds
   * @param firstWriteSeconds the first upload after the start, in seconds (it restores the clusterer from the
   *     store), made before the timed load
   */
  public record Result(int readers, double seconds, long storyRequests, long requests, long errors, long writes,
      double storyP50Ms, double storyP99Ms, long stored, double startSeconds, double firstWriteSeconds) {
    /** @return read requests per second */
    public double requestsPerSecond() {
      return requests / seconds;
    }

    /** @return story page requests per second */
    public double storyPerSecond() {
      return storyRequests / seconds;
    }
  }

  /**
   * @param story the articles of the story to serve (one story)
   * @param readers concurrent readers
   * @param seconds how long the load runs
   * @return the figures
   */
  public static Result run(List<BytesInput> story, int readers, double seconds) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("crosscheck-bench-serve");
    try {
      return run(dir, story, readers, seconds);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Runs the load test on a store that is kept: adds the story (unless stored already), closes the
   * store, then times opening it and starting a server on it until the server first answers, as
   * {@code crosscheck serve} does.
   *
   * @param dir the store's data directory
   * @param story the articles of the story to serve (one story)
   * @param readers concurrent readers
   * @param seconds how long the load runs
   * @return the figures
   */
  public static Result run(Path dir, List<BytesInput> story, int readers, double seconds)
      throws IOException, InterruptedException {
    List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
    String storyId;
    try (Store store = Store.open(dir)) {
      Pipeline.builder().store(store).buildIngestor().ingestInputs(story, new IngestListener() {
        @Override
        public void stored(org.crosscheck.model.Article article, org.crosscheck.store.PutResult result) {
          ids.add(result.id().value());
        }
      });
      storyId = ids.stream().map(id -> store.storyOf(new org.crosscheck.model.ArticleId(id))).flatMap(
          java.util.Optional::stream).findFirst().orElseThrow(() -> new IllegalStateException("the story was not"
              + " stored in " + dir)).value();
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    long opening = System.nanoTime();
    try (Store store = Store.open(dir)) {
      Pipeline.Builder pipeline = Pipeline.builder().store(store);
      try (WebApp web = new WebApp(store, pipeline.buildReporter(), pipeline.buildIngestor(),
          new WebApp.Settings("127.0.0.1", 0, null, 1 << 20)).start()) {
        if (get(http, web.url() + "/api/health") != 200) {
          throw new IllegalStateException("the server on " + dir + " did not answer its health check");
        }
        double startSeconds = (System.nanoTime() - opening) / 1e9;
        long stored = store.count();
        String storyUrl = web.url() + "/stories/" + storyId;
        get(http, storyUrl); // builds the report once
        String run = Long.toString(System.nanoTime(), 36); // the writer's articles are new in a kept store too
        long writing = System.nanoTime();
        post(http, web.url(), article(run, -1));
        double firstWriteSeconds = (System.nanoTime() - writing) / 1e9;
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        ConcurrentLinkedQueue<Long> storyNanos = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
          int reader = r;
          threads.add(Thread.ofPlatform().name("reader-" + r).start(() -> {
            for (long i = 0; System.nanoTime() < end; i++) {
              String url = i % 4 != 3 ? storyUrl : (i + reader) % 2 == 0 ? web.url() + "/api/stories"
                  : web.url() + "/api/search?q=Kursk";
              long t = System.nanoTime();
              int status = get(http, url);
              long took = System.nanoTime() - t;
              requests.incrementAndGet();
              if (status / 100 != 2) {
                errors.incrementAndGet();
              }
              if (url.equals(storyUrl)) {
                storyNanos.add(took);
              }
            }
          }));
        }
        threads.add(Thread.ofPlatform().name("writer").start(() -> {
          for (int i = 0; System.nanoTime() < end; i++) {
            String line = article(run, i);
            try {
              HttpResponse<Void> res = http.send(HttpRequest.newBuilder(URI.create(web.url() + "/api/articles"))
                  .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(line))
                  .build(), HttpResponse.BodyHandlers.discarding());
              if (res.statusCode() / 100 == 2) {
                writes.incrementAndGet();
              } else {
                errors.incrementAndGet();
              }
            } catch (IOException e) {
              errors.incrementAndGet();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        }));
        for (Thread t : threads) {
          t.join();
        }
        long[] lat = storyNanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(lat);
        return new Result(readers, seconds, lat.length, requests.get(), errors.get(), writes.get(),
            percentile(lat, 0.50) / 1e6, percentile(lat, 0.99) / 1e6, stored, startSeconds, firstWriteSeconds);
      }
    }
  }

  /** @return the writer's i-th article of this run, as a JSON line */
  private static String article(String run, int i) {
    return "{\"id\": \"bench-serve-" + run + "-" + i + "\", \"source\": \"Bench Wire\", \"title\":"
        + " \"Harbour report " + i + "\", \"published\": \"2025-05-02\", \"text\": \"The harbour of town number "
        + run + "-" + i + " reopened on Friday after " + (Math.abs(i) % 9 + 2) + " weeks of repairs, port officials said on"
        + " the radio.\"}\n";
  }

  private static void post(HttpClient http, String base, String line) throws IOException, InterruptedException {
    HttpResponse<Void> res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(line)).build(),
        HttpResponse.BodyHandlers.discarding());
    if (res.statusCode() / 100 != 2) {
      throw new IllegalStateException("the first upload was answered " + res.statusCode());
    }
  }

  private static int get(HttpClient http, String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
