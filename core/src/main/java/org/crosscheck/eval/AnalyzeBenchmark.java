package org.crosscheck.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.crosscheck.analysis.Analyzer;

/**
 * Measures deep analysis (tokens, sentences, part of speech, lemmas, entities, numbers and time
 * expressions) over real article text: the texts are analysed once to warm up, then again, timed,
 * by a given number of threads sharing one analyzer.
 */
public final class AnalyzeBenchmark {
  private AnalyzeBenchmark() {}

  /**
   * @param threads threads that analysed
   * @param articles articles analysed in the timed pass
   * @param tokens their tokens
   * @param seconds wall-clock time of the timed pass
   */
  public record Result(int threads, int articles, long tokens, double seconds) {
    /** @return tokens per second over all threads */
    public double tokensPerSecond() {
      return seconds == 0 ? 0 : tokens / seconds;
    }

    /** @return tokens per second per thread (per core, when there are as many cores) */
    public double tokensPerSecondPerThread() {
      return tokensPerSecond() / threads;
    }
  }

  /**
   * @param corpus JSONL files of articles ({@code text}, {@code published})
   * @param limit most articles taken, from the start of the files
   * @param threads threads analysing at once
   * @param analyzer the analyzer (thread-safe)
   * @return the timed pass's figures
   * @throws IllegalArgumentException when the files hold no article text
   */
  public static Result run(List<Path> corpus, int limit, int threads, Analyzer analyzer) {
    List<String> texts = texts(corpus, limit);
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("no article text in " + corpus);
    }
    pass(texts.subList(0, Math.min(20, texts.size())), threads, analyzer);
    long start = System.nanoTime();
    long tokens = pass(texts, threads, analyzer);
    return new Result(threads, texts.size(), tokens, (System.nanoTime() - start) / 1e9);
  }

  private static long pass(List<String> texts, int threads, Analyzer analyzer) {
    AtomicInteger next = new AtomicInteger();
    AtomicLong tokens = new AtomicLong();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
            tokens.addAndGet(analyzer.analyze(texts.get(i), null).tokens());
          }
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("analysis failed: " + e.getMessage(), e);
    }
    return tokens.get();
  }

  private static List<String> texts(List<Path> corpus, int limit) {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    try {
      for (Path f : corpus) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (out.size() >= limit) {
            return out;
          }
          if (!line.isBlank()) {
            JsonNode n = json.readTree(line);
            if (n.hasNonNull("text")) {
              out.add(n.get("text").asText());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the corpus: " + e.getMessage(), e);
    }
    return out;
  }
}
