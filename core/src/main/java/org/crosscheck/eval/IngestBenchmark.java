package org.crosscheck.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.IngestSummary;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;

/**
 * Measures ingest (store, duplicate detection, clustering; no deep NLP) as the store grows. The
 * corpus is made from real article text: each synthetic article draws its sentences from one
 * source article and a few others, dated as a feed of 300 articles a day, so that articles are distinct
 * (not near-duplicates) yet realistic in length and vocabulary. At each checkpoint the next
 * {@code probe} articles are timed, the heap's peak during them is read, and the heap still in use
 * after a full collection.
 * Before the first checkpoint, a separate scratch store ingests {@code warmup} articles and is
 * thrown away, so that every checkpoint measures compiled code, not the JIT compiler warming up.
 */
public final class IngestBenchmark {
  /** The synthetic feed's pace: publication dates advance one day every this many articles. */
  static final int ARTICLES_PER_DAY = 300;

  private IngestBenchmark() {}

  /**
   * @param stored articles in the store when the probe started
   * @param articlesPerSecond throughput over the probe
   * @param millisPerArticle mean cost of one article over the probe
   * @param peakHeapMb peak heap use during the probe, in MiB, garbage included (it depends on how
   *     lazily the collector works)
   * @param liveHeapMb heap in use right after a full collection at the end of the probe, in MiB: what
   *     the store's stories, index and caches really hold
   */
  public record Point(long stored, double articlesPerSecond, double millisPerArticle, double peakHeapMb,
      double liveHeapMb) {}

  /**
   * @param corpus JSONL files of real articles to draw sentences from
   * @param checkpoints store sizes at which to probe, ascending
   * @param probe articles timed at each checkpoint
   * @param warmup articles ingested into a scratch store first, to warm up the JVM
   * @param seed random seed for the corpus
   * @param progress receives each point as it is measured
   * @return the points
   */
  public static List<Point> run(List<Path> corpus, List<Long> checkpoints, int probe, int warmup, long seed,
      Consumer<Point> progress) {
    List<String[]> sources = loadSentences(corpus);
    Random random = new Random(seed);
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("crosscheck-bench");
      if (warmup > 0) {
        try (Store scratch = Store.open(tmp.resolve("warmup"))) {
          var ingestor = Pipeline.builder().store(scratch).buildIngestor();
          ingest(ingestor, writeChunk(tmp, sources, new Random(~seed), 0, warmup));
        }
      }
      List<Point> points = new ArrayList<>();
      try (Store store = Store.open(tmp.resolve("data"))) {
        var ingestor = Pipeline.builder().store(store).buildIngestor();
        long stored = 0;
        long serial = 0;
        for (long checkpoint : checkpoints) {
          while (stored < checkpoint) {
            int n = (int) Math.min(5000, checkpoint - stored);
            Path chunk = writeChunk(tmp, sources, random, serial, n);
            serial += n;
            stored += ingest(ingestor, chunk).counts().added();
          }
          resetPeaks();
          Path chunk = writeChunk(tmp, sources, random, serial, probe);
          serial += probe;
          long start = System.nanoTime();
          IngestSummary s = ingest(ingestor, chunk);
          double seconds = (System.nanoTime() - start) / 1e9;
          Point p = new Point(stored, s.counts().added() / seconds, seconds * 1000 / Math.max(1, s.counts().added()),
              peakHeapMb(), liveHeapMb());
          stored += s.counts().added();
          points.add(p);
          progress.accept(p);
        }
      }
      return points;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      TemporaryStore.deleteQuietly(tmp);
    }
  }

  /**
   * Ingests synthetic articles made from the corpus (as {@link #run} does) into a store until it
   * holds {@code articles}, in chunks of 5,000.
   *
   * @param store the store to fill
   * @param corpus JSONL files whose text the articles are made from
   * @param articles how many articles the store should hold
   * @param seed random seed of the corpus (mixed with the store's size, so a store filled further gets new articles)
   * @param progress receives the store's size after each chunk
   * @return how many articles (and pages that are no articles) were added
   */
  public static long fill(Store store, List<Path> corpus, long articles, long seed, java.util.function.LongConsumer progress) {
    long before = store.count();
    if (before >= articles) {
      return 0;
    }
    List<String[]> sources = loadSentences(corpus);
    Random random = new Random(seed ^ before);
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("crosscheck-fill");
      var ingestor = Pipeline.builder().store(store).buildIngestor();
      long stored = before;
      long serial = before;
      while (stored < articles) {
        int n = (int) Math.min(5000, articles - stored);
        Path chunk = writeChunk(tmp, sources, random, serial, n);
        serial += n;
        long added = ingest(ingestor, chunk).counts().added();
        if (added == 0) {
          throw new IllegalStateException("no article of a chunk of " + n + " was added to the store in "
              + store.location() + " (all already stored?)");
        }
        stored = store.count(); // pages found to be no articles count too: they are stored and searchable
        progress.accept(stored);
      }
      return stored - before;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      TemporaryStore.deleteQuietly(tmp);
    }
  }

  private static IngestSummary ingest(org.crosscheck.pipeline.Ingestor ingestor, Path chunk) throws IOException {
    IngestSummary s = ingestor.ingest(List.of(chunk.toString()), new IngestListener() {});
    Files.delete(chunk);
    if (s.storeError() != null) {
      throw new IllegalStateException("the benchmark store failed: " + s.storeError());
    }
    return s;
  }

  private static List<String[]> loadSentences(List<Path> corpus) {
    ObjectMapper json = new ObjectMapper();
    List<String[]> out = new ArrayList<>();
    try {
      for (Path f : corpus) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = json.readTree(line);
          String[] sentences = n.get("text").asText().split("(?<=[.!?])\\s+");
          if (sentences.length >= 3) {
            out.add(sentences);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the benchmark corpus: " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("the benchmark corpus " + corpus + " holds no article text");
    }
    return out;
  }

  /** Writes {@code n} synthetic articles: most sentences from one source, some from three others, in a random order. */
  private static Path writeChunk(Path dir, List<String[]> sources, Random r, long serial, int n) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Path file = dir.resolve("chunk-" + serial + ".jsonl");
    LocalDate base = LocalDate.of(2015, 1, 1);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        List<String> sentences = new ArrayList<>();
        String[] main = sources.get(r.nextInt(sources.size()));
        for (String s : main) {
          if (r.nextDouble() < 0.6) {
            sentences.add(s);
          }
        }
        for (int k = 0; k < 3; k++) {
          String[] other = sources.get(r.nextInt(sources.size()));
          sentences.add(other[r.nextInt(other.length)]);
        }
        java.util.Collections.shuffle(sentences, r);
        ObjectNode o = json.createObjectNode();
        o.put("id", "bench-" + (serial + i));
        o.put("source", "Outlet " + r.nextInt(50));
        o.put("published", base.plusDays((serial + i) / ARTICLES_PER_DAY + r.nextInt(2)).toString());
        o.put("text", String.join(" ", sentences) + " (" + (serial + i) + ")");
        w.write(json.writeValueAsString(o));
        w.write('\n');
      }
    }
    return file;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static double liveHeapMb() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  private static double peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / (1024.0 * 1024.0);
  }
}
