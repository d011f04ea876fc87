package org.crosscheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crosscheck.engine.StreamBenchmark;
import org.crosscheck.engine.StreamEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crosscheck bench stream}. */
@Command(name = "stream", description = {
    "Send real articles through an embedded Kafka and the stream engine's job (a local Flink cluster) into a",
    "new store (an in-JVM OpenSearch node, or --store embedded) and print articles per second at 1 and 2 slots",
    "(after an untimed warm-up run); then run a",
    "small sample with the deep analysis and reports on and print analysis throughput per slot (articles and",
    "tokens per second, over the time the slots spent analysing, after the analyzer was warmed up)."})
final class BenchStreamCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "FILE.jsonl", split = ",",
      defaultValue = "../shared/data/gva-2013-2015.jsonl",
      description = "JSONL files of the articles sent, repeated when --articles is larger (default: ${DEFAULT-VALUE}).")
  List<Path> corpus;

  @Option(names = "--articles", paramLabel = "N", defaultValue = "2000",
      description = "Articles sent per run (default: ${DEFAULT-VALUE}).")
  int articles;

  @Option(names = "--slots", paramLabel = "N", split = ",", defaultValue = "1,2",
      description = "Parallelism of the job; one run per value (default: ${DEFAULT-VALUE}).")
  List<Integer> slots;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "1000",
      description = "Articles sent through a first, untimed run to warm up the JVM (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--store", paramLabel = "KIND", defaultValue = "opensearch",
      description = "Where the job writes: opensearch (an in-JVM node) or embedded (SQLite) (default: ${DEFAULT-VALUE}).")
  String store;

  @Option(names = "--analysis-sample", paramLabel = "N", defaultValue = "20",
      description = "Articles of the run with analysis on; 0 skips it (default: ${DEFAULT-VALUE}).")
  int sample;

  @Override
  public Integer call() {
    BenchCommand.requireFiles(spec, corpus);
    if (articles < 1 || sample < 0 || warmup < 0 || slots.stream().anyMatch(s -> s < 1)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--articles and --slots must be at least 1, --warmup and --analysis-sample at least 0");
    }
    if (!store.equals("opensearch") && !store.equals("embedded")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--store must be opensearch or embedded, not '" + store + "'");
    }
    boolean openSearch = store.equals("opensearch");
    if (warmup > 0) {
      StreamBenchmark.run(corpus, warmup, StreamEngine.Options.defaults(), openSearch);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "store: %s%n", openSearch ? "OpenSearch (an in-JVM node)" : "embedded SQLite");
    out.printf(Locale.ROOT, "%6s  %9s  %9s  %12s  %11s%n", "SLOTS", "ARTICLES", "SECONDS", "JOB SECONDS", "ARTICLES/S");
    for (int s : slots) {
      StreamEngine.Run r = StreamBenchmark.run(corpus, articles, StreamEngine.Options.defaults().withParallelism(s),
          openSearch);
      out.printf(Locale.ROOT, "%6d  %,9d  %9.1f  %12.1f  %,11.0f%n", s, r.articles(), r.seconds(), r.jobSeconds(),
          r.articles() / r.seconds());
      out.flush();
    }
    if (sample > 0) {
      int s = slots.stream().mapToInt(Integer::intValue).max().orElse(1);
      StreamBenchmark.warmAnalysis(corpus, sample);
      StreamEngine.Run r = StreamBenchmark.run(corpus, sample,
          StreamEngine.Options.defaults().withParallelism(s).withAnalysis(true), openSearch);
      double perSlot = r.analysisSeconds() == 0 ? 0 : r.analysed() / r.analysisSeconds();
      double tokensPerSlot = r.analysisSeconds() == 0 ? 0 : r.tokens() / r.analysisSeconds();
      out.printf(Locale.ROOT, "analysis at %d slots: %d articles, %,d tokens, %.1f s analysing (summed over slots),"
          + " %d reports, %.1f s in all%n", s, r.analysed(), r.tokens(), r.analysisSeconds(), r.reports(), r.seconds());
      out.printf(Locale.ROOT, "analysis per slot: %.2f articles/s, %,.0f tokens/s%n", perSlot, tokensPerSlot);
    }
    return ExitCode.OK;
  }
}
