package org.crosscheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crosscheck.eval.ClusteringScores;
import org.crosscheck.eval.StoryClustererEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crosscheck eval ...}: measures Crosscheck's stages on labelled data. */
@Command(name = "eval", description = "Measure Crosscheck's stages against labelled data.",
    subcommands = {EvalCommand.Clusters.class})
final class EvalCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to evaluate: clusters");
  }

  /** {@code crosscheck eval clusters FILE...}. */
  @Command(name = "clusters", description = {
      "Ingest labelled JSONL files into a temporary store (in file order, or shuffled) and score the",
      "stories found against the 'story' labels: BCubed and pairwise precision, recall and F1."})
  static final class Clusters implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE.jsonl", description = "JSONL files whose articles carry 'story' labels.")
    List<Path> files;

    @Option(names = "--shuffle", paramLabel = "SEED", description = "Ingest the articles in a random order from this seed.")
    Long seed;

    @Override
    public Integer call() {
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(), f + ": no such file");
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      StoryClustererEvaluator.Result r = StoryClustererEvaluator.evaluate(files, seed);
      ClusteringScores s = r.scores();
      out.printf(Locale.ROOT, "files:     %s (%s)%n", files, seed == null ? "file order" : "shuffled, seed " + seed);
      out.printf(Locale.ROOT, "BCubed:    precision %.3f  recall %.3f  F1 %.3f%n", s.bcubedPrecision(),
          s.bcubedRecall(), s.bcubedF1());
      out.printf(Locale.ROOT, "pairwise:  precision %.3f  recall %.3f  F1 %.3f%n", s.pairwisePrecision(),
          s.pairwiseRecall(), s.pairwiseF1());
      out.printf(Locale.ROOT, "stories:   %d predicted, %d gold, over %d labelled articles (%d merges, %d splits)%n",
          s.predictedClusters(), s.goldClusters(), s.items(), r.merges(), r.splits());
      out.printf(Locale.ROOT, "speed:     %d articles in %.2f s, %.0f articles/s (store, duplicates and clustering)%n",
          r.articles(), r.seconds(), r.articlesPerSecond());
      return ExitCode.OK;
    }
  }
}
