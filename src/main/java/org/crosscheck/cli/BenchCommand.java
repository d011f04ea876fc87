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
    subcommands = {BenchCommand.Ingest.class})
final class BenchCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to benchmark: ingest");
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
      for (Path f : corpus) {
        if (!Files.isRegularFile(f)) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(), f + ": no such file (--corpus)");
        }
      }
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
}
