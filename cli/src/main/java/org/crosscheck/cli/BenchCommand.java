package org.crosscheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crosscheck.eval.IngestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crosscheck bench ...}: throughput and memory benchmarks that print figures. */
@Command(name = "bench", description = "Benchmarks that print throughput and memory figures.",
    subcommands = {BenchCommand.Ingest.class, BenchCommand.Analyze.class, BenchCommand.Serve.class,
        BenchCommand.Warc.class, BenchStreamCommand.class})
final class BenchCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "say what to benchmark: ingest, analyze, serve, warc or stream");
  }

  /** {@code crosscheck bench ingest}. */
  @Command(name = "ingest", description = {
      "Ingest a corpus made from real article text into a temporary store and print articles per second",
      "and peak heap when the store holds 1k, 10k and 100k articles (store, duplicates, clustering)."})
  static final class Ingest implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "FILE.jsonl", split = ",",
        defaultValue = "../shared/data/basil-2010-2016.jsonl,../shared/data/ecbplus-train-dev.jsonl",
        description = "JSONL files whose text the synthetic articles are made from (default: ${DEFAULT-VALUE}).")
    List<Path> corpus;

    @Option(names = "--sizes", paramLabel = "N", split = ",", defaultValue = "1000,10000,100000",
        description = "Store sizes at which to measure (default: ${DEFAULT-VALUE}).")
    List<Long> sizes;

    @Option(names = "--probe", paramLabel = "N", defaultValue = "1000",
        description = "Articles timed at each size (default: ${DEFAULT-VALUE}).")
    int probe;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5000",
        description = "Articles ingested into a scratch store first, to warm up the JVM (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed of the corpus (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
      requireFiles(spec, corpus);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "%12s  %14s  %12s  %14s  %14s%n", "STORED", "ARTICLES/S", "MS/ARTICLE", "PEAK HEAP MB",
          "LIVE HEAP MB");
      List<IngestBenchmark.Point> points = IngestBenchmark.run(corpus, sizes.stream().sorted().toList(), probe, warmup, seed,
          p -> {
            out.printf(Locale.ROOT, "%,12d  %,14.0f  %12.3f  %,14.0f  %,14.0f%n", p.stored(), p.articlesPerSecond(),
                p.millisPerArticle(), p.peakHeapMb(), p.liveHeapMb());
            out.flush();
          });
      if (points.size() > 1) {
        out.printf(Locale.ROOT, "cost per article at %,d stored / at %,d stored: %.2fx%n", points.getLast().stored(),
            points.getFirst().stored(), points.getLast().millisPerArticle() / points.getFirst().millisPerArticle());
      }
      return ExitCode.OK;
    }
  }

  /** {@code crosscheck bench analyze}. */
  @Command(name = "analyze", description = {
      "Analyse real articles with the deep analysis (CoreNLP: tokens, sentences, part of speech, lemmas,",
      "entities, numbers, time expressions) and print tokens per second, in all and per thread."})
  static final class Analyze implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "FILE.jsonl", split = ",",
        defaultValue = "../shared/data/basil-2010-2016.jsonl",
        description = "JSONL files of articles to analyse (default: ${DEFAULT-VALUE}).")
    List<Path> corpus;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
        description = "Articles analysed, from the start of the files (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--threads", paramLabel = "N", split = ",", defaultValue = "1,2",
        description = "Threads analysing at once; one run per value (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Override
    public Integer call() {
      requireFiles(spec, corpus);
      if (limit < 1 || threads.stream().anyMatch(t -> t < 1)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit and --threads must be at least 1");
      }
      PrintWriter out = spec.commandLine().getOut();
      long start = System.nanoTime();
      org.crosscheck.analysis.Models models = org.crosscheck.analysis.Models.standard().load();
      out.printf(Locale.ROOT, "models loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
      out.printf(Locale.ROOT, "%8s  %9s  %10s  %9s  %12s  %18s%n", "THREADS", "ARTICLES", "TOKENS", "SECONDS",
          "TOKENS/S", "TOKENS/S/THREAD");
      for (int t : threads) {
        var r = org.crosscheck.eval.AnalyzeBenchmark.run(corpus, limit, t, new org.crosscheck.analysis.CoreNlpAnalyzer(models));
        out.printf(Locale.ROOT, "%8d  %,9d  %,10d  %9.1f  %,12.0f  %,18.0f%n", r.threads(), r.articles(), r.tokens(),
            r.seconds(), r.tokensPerSecond(), r.tokensPerSecondPerThread());
        out.flush();
      }
      return ExitCode.OK;
    }
  }

  /** {@code crosscheck bench warc}. */
  @Command(name = "warc", description = {
      "Write a temporary web archive (.warc.gz, a request and a response record a page, as CC-NEWS) of news pages",
      "made from real article text, then read it with the WARC importer and print records and articles per second."})
  static final class Warc implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "FILE.jsonl", split = ",",
        defaultValue = "../shared/data/basil-2010-2016.jsonl",
        description = "JSONL files whose articles the pages are made from, in turn (default: ${DEFAULT-VALUE}).")
    List<Path> corpus;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "10000",
        description = "HTML pages in the archive (default: ${DEFAULT-VALUE}).")
    int pages;

    @Override
    public Integer call() {
      requireFiles(spec, corpus);
      if (pages < 1) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--pages must be at least 1, was " + pages);
      }
      PrintWriter out = spec.commandLine().getOut();
      var r = org.crosscheck.eval.WarcBenchmark.run(corpus, pages);
      out.printf(Locale.ROOT, "%8s  %8s  %9s  %9s  %8s  %10s  %10s  %6s%n", "PAGES", "RECORDS", "ARCHIVE", "ARTICLES",
          "SECONDS", "RECORDS/S", "ARTICLES/S", "MB/S");
      out.printf(Locale.ROOT, "%,8d  %,8d  %6.1f MB  %,9d  %8.1f  %,10.0f  %,10.0f  %6.1f%n", r.pages(), r.records(),
          r.archiveBytes() / (1024.0 * 1024.0), r.articles(), r.seconds(), r.recordsPerSecond(), r.articlesPerSecond(),
          r.megabytesPerSecond());
      return ExitCode.OK;
    }
  }

  /** {@code crosscheck bench serve}. */
  @Command(name = "serve", description = {
      "Load-test the web app on loopback: readers fetch the demo story's page (and the story list and a search)",
      "while one writer posts articles; prints requests per second, story page p50 and p99 latency, and errors.",
      "With --articles N the store first holds N articles (synthetic, made from --corpus) and the server's start",
      "time on it is printed; --store DIR keeps that store for the next run."})
  static final class Serve implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--readers", paramLabel = "N", split = ",", defaultValue = "1,4,16",
        description = "Concurrent readers; one run per value (default: ${DEFAULT-VALUE}).")
    List<Integer> readers;

    @Option(names = "--seconds", defaultValue = "15", description = "Length of each run (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "0", description = "Fill the store with synthetic"
        + " articles until it holds N before serving it, e.g. 100000 (default: ${DEFAULT-VALUE}, the demo story only).")
    long articles;

    @Option(names = "--store", paramLabel = "DIR", description = "Serve the store in DIR (filled up to --articles and"
        + " kept, so a second run reuses it) instead of a scratch store.")
    @org.jspecify.annotations.Nullable Path store;

    @Option(names = "--corpus", paramLabel = "FILE.jsonl", split = ",", defaultValue =
        "../shared/data/gva-2013-2015.jsonl,../shared/data/basil-2010-2016.jsonl,../shared/data/ecbplus-train-dev.jsonl",
        description = "JSONL files whose text the synthetic articles are made from (default: ${DEFAULT-VALUE}).")
    List<Path> corpus;

    @Override
    public Integer call() throws Exception {
      if (readers.stream().anyMatch(r -> r < 1 || r > 256) || seconds <= 0 || seconds > 3600) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--readers must be 1 to 256 and --seconds positive and at most 3600");
      }
      if (articles < 0 || articles > 10_000_000) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--articles must be 0 to 10000000, was "
            + articles);
      }
      PrintWriter out = spec.commandLine().getOut();
      Path dir = store != null ? store : Files.createTempDirectory("crosscheck-bench-serve");
      try {
        if (articles > 0) {
          requireFiles(spec, corpus);
          long started = System.nanoTime();
          long added;
          try (org.crosscheck.store.Store s = org.crosscheck.store.Store.open(dir)) {
            added = org.crosscheck.eval.IngestBenchmark.fill(s, corpus, articles, 1, n -> {
              out.printf(Locale.ROOT, "filling the store: %,d articles%n", n);
              out.flush();
            });
          }
          double took = (System.nanoTime() - started) / 1e9;
          out.printf(Locale.ROOT, "store %s: %,d articles added in %.1f s (%,.0f articles/s)%n", dir, added, took,
              added / Math.max(took, 1e-9));
        }
        out.printf(Locale.ROOT, "%8s  %9s  %8s  %11s  %8s  %10s  %12s  %10s  %10s  %7s  %7s%n", "READERS", "STORED",
            "START", "FIRST WRITE", "SECONDS", "REQUESTS", "REQUESTS/S", "STORY P50", "STORY P99", "WRITES", "ERRORS");
        int failed = 0;
        for (int r : readers) {
          var res = org.crosscheck.web.ServeBenchmark.run(dir, DemoCommand.bundled(), r, seconds);
          out.printf(Locale.ROOT, "%8d  %,9d  %6.2f s  %9.2f s  %8.1f  %,10d  %,12.0f  %7.1f ms  %7.1f ms  %,7d  %,7d%n",
              r, res.stored(), res.startSeconds(), res.firstWriteSeconds(), res.seconds(), res.requests(),
              res.requestsPerSecond(), res.storyP50Ms(), res.storyP99Ms(), res.writes(), res.errors());
          out.flush();
          failed += res.errors() > 0 ? 1 : 0;
        }
        return failed > 0 ? ExitCode.REJECTED : ExitCode.OK;
      } finally {
        if (store == null) {
          try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          }
        }
      }
    }
  }

  /** @throws picocli.CommandLine.ParameterException naming the first of the corpus files that does not exist */
  static void requireFiles(picocli.CommandLine.Model.CommandSpec spec, List<Path> corpus) {
    for (Path f : corpus) {
      if (!Files.isRegularFile(f)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), f + ": no such file (--corpus)");
      }
    }
  }
}
