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
    subcommands = {EvalCommand.Clusters.class, EvalCommand.Reports.class, EvalCommand.Dates.class, EvalCommand.Quotes.class})
final class EvalCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to evaluate: clusters, reports, dates or quotes");
  }

  /** @return the language models, loaded, saying so first (loading takes seconds) */
  static org.crosscheck.analysis.Models loadedModels(PrintWriter out) {
    out.printf(Locale.ROOT, "loading the language models...%n");
    out.flush();
    return org.crosscheck.analysis.Models.standard().load();
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

    @picocli.CommandLine.Mixin EngineOptions engine;

    @Override
    public Integer call() {
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(), f + ": no such file");
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      StoryClustererEvaluator.Result r = StoryClustererEvaluator.evaluate(files, seed, engine.engine(spec));
      ClusteringScores s = r.scores();
      out.printf(Locale.ROOT, "files:     %s (%s)%n", files, seed == null ? "file order" : "shuffled, seed " + seed);
      out.printf(Locale.ROOT, "BCubed:    precision %.3f  recall %.3f  F1 %.3f%n", s.bcubedPrecision(),
          s.bcubedRecall(), s.bcubedF1());
      out.printf(Locale.ROOT, "pairwise:  precision %.3f  recall %.3f  F1 %.3f%n", s.pairwisePrecision(),
          s.pairwiseRecall(), s.pairwiseF1());
      out.printf(Locale.ROOT, "stories:   %d predicted, %d gold, over %d labelled articles (%d merges, %d splits)%n",
          s.predictedClusters(), s.goldClusters(), s.items(), r.merges(), r.splits());
      out.printf(Locale.ROOT, "           largest story %d articles (largest gold story %d)%n", s.largestPredicted(),
          s.largestGold());
      if (r.notArticles() > 0) {
        out.printf(Locale.ROOT, "           %d labelled pages stored as not articles (login, paywall, notice pages),"
            + " each scored as a story of its own%n", r.notArticles());
      }
      out.printf(Locale.ROOT, "copies:    %d copy links between labelled articles, %d of them (%.1f%%) join two different"
          + " gold stories%n", r.copyLinks(), r.crossingCopyLinks(),
          r.copyLinks() == 0 ? 0.0 : 100.0 * r.crossingCopyLinks() / r.copyLinks());
      out.printf(Locale.ROOT, "speed:     %d articles in %.2f s, %.0f articles/s (store, duplicates and clustering)%n",
          r.articles(), r.seconds(), r.articlesPerSecond());
      var b = r.baseline();
      out.printf(Locale.ROOT, "baseline:  single-pass TF-IDF centroids (%d-day window where dated, threshold %.1f; in"
          + " memory, nothing stored): BCubed F1 %.3f, pairwise F1 %.3f, %d stories, %.0f articles/s%n",
          org.crosscheck.eval.CentroidBaseline.WINDOW_DAYS, org.crosscheck.eval.CentroidBaseline.THRESHOLD,
          b.scores().bcubedF1(), b.scores().pairwiseF1(), b.stories(), b.perSecond(r.articles()));
      out.printf(Locale.ROOT, "margin:    BCubed F1 %+.3f, pairwise F1 %+.3f over the baseline%n",
          s.bcubedF1() - b.scores().bcubedF1(), s.pairwiseF1() - b.scores().pairwiseF1());
      return ExitCode.OK;
    }
  }

  /** {@code crosscheck eval reports GOLD.json FILE...}. */
  @Command(name = "reports", description = {
      "Ingest JSONL files into a temporary store, build the report of each story of a report gold file",
      "(the story that holds all of the event's articles) and score it by the gold's matching rules:",
      "recall of consensus facts, conflicts, exclusives, quotes and resolved dates, and the share of",
      "reported conflicts that are real (conflict precision)."})
  static final class Reports implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GOLD.json", description = "Report gold: {\"events\": [...]}, such as basil-dev-gold.json.")
    Path goldFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE.jsonl", description = "JSONL files holding the gold events' articles.")
    List<Path> files;

    @Option(names = "--verbose", description = "List the gold items missed and the conflicts reported wrongly.")
    boolean verbose;

    @picocli.CommandLine.Mixin EngineOptions engine;

    @Override
    public Integer call() {
      for (Path f : concat(goldFile, files)) {
        if (!Files.isRegularFile(f)) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(), f + ": no such file");
        }
      }
      org.crosscheck.eval.ReportEvaluator.Gold gold;
      try {
        gold = org.crosscheck.eval.ReportEvaluator.read(goldFile);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      var evaluation = engine.engine(spec);
      var r = org.crosscheck.eval.ReportEvaluator.evaluate(gold, files, loadedModels(out), evaluation);
      out.printf(Locale.ROOT, "gold:      %d events in %s; articles from %s%n", r.events(), goldFile, files);
      if (!r.unheld().isEmpty()) {
        out.printf(Locale.ROOT, "stories:   %d of %d events are not held by one story (all their items missed):%n",
            r.unheld().size(), r.events());
        r.unheld().forEach(u -> out.printf(Locale.ROOT, "             %s%n", u));
      }
      for (var e : r.recall().entrySet()) {
        var t = e.getValue();
        out.printf(Locale.ROOT, "%-10s %3d of %3d (%.2f)%s%n", e.getKey().label() + ":", t.matched(), t.gold(), t.recall(),
            e.getKey() == org.crosscheck.eval.ReportEvaluator.Category.CONFLICTS
                ? String.format(Locale.ROOT, "; %d reported, %d of them real (precision %.2f)", r.conflictsReported(),
                    r.conflictsRight(), r.conflictPrecision())
                : "");
      }
      var all = r.overall();
      out.printf(Locale.ROOT, "overall:   %3d of %3d (%.2f)%n", all.matched(), all.gold(), all.recall());
      out.printf(Locale.ROOT, "speed:     %.1f s (ingest, analysis and reports)%n", r.seconds());
      if (verbose) {
        out.printf(Locale.ROOT, "%nmissed (%d):%n", r.missed().size());
        r.missed().forEach(m -> out.printf(Locale.ROOT, "  %s%n", m));
        out.printf(Locale.ROOT, "%nconflicts reported that match no gold conflict (%d):%n", r.wrong().size());
        r.wrong().forEach(w -> out.printf(Locale.ROOT, "  %s%n", w));
      }
      return ExitCode.OK;
    }

    private static List<Path> concat(Path first, List<Path> rest) {
      List<Path> all = new java.util.ArrayList<>(rest);
      all.add(0, first);
      return all;
    }
  }

  /** {@code crosscheck eval dates DIR}. */
  @Command(name = "dates", description = {
      "Find and normalize the time expressions of TimeML (.tml) files, each against its document",
      "creation time, and score them against the gold TIMEX3: extent F1 (strict and relaxed), value",
      "accuracy and value F1."})
  static final class Dates implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A folder of TimeML files (searched at any depth).")
    Path dir;

    @Option(names = "--limit", paramLabel = "N", description = "Score only the first N files (by path).")
    Integer limit;

    @Override
    public Integer call() throws java.io.IOException {
      if (!Files.isDirectory(dir)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), dir + ": no such folder");
      }
      if (limit != null && limit < 1) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit);
      }
      List<Path> files;
      try {
        files = org.crosscheck.eval.DateEvaluator.files(dir);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      if (limit != null && limit < files.size()) {
        files = files.subList(0, limit);
      }
      PrintWriter out = spec.commandLine().getOut();
      var analyzer = new org.crosscheck.analysis.CoreNlpAnalyzer(loadedModels(out));
      org.crosscheck.eval.DateEvaluator.Scores s;
      try {
        s = org.crosscheck.eval.DateEvaluator.evaluate(files, analyzer);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("crosscheck: " + e.getMessage());
        return ExitCode.REJECTED;
      }
      out.printf(Locale.ROOT, "files:     %d TimeML documents in %s%n", s.documents(), dir);
      out.printf(Locale.ROOT, "timexes:   %d gold, %d found (document creation times excluded)%n", s.gold(), s.found());
      out.printf(Locale.ROOT, "strict:    precision %.3f  recall %.3f  F1 %.3f%n", s.strictPrecision(),
          s.strictRecall(), s.strictF1());
      out.printf(Locale.ROOT, "relaxed:   precision %.3f  recall %.3f  F1 %.3f%n", s.relaxedPrecision(),
          s.relaxedRecall(), s.relaxedF1());
      out.printf(Locale.ROOT, "value:     accuracy %.3f (of relaxed matches)  F1 %.3f%n", s.valueAccuracy(),
          s.valueF1());
      out.printf(Locale.ROOT, "type:      accuracy %.3f (of relaxed matches)%n", s.typeAccuracy());
      out.printf(Locale.ROOT, "speed:     %,d words in %.1f s, %,.0f words/s (after loading the models)%n", s.words(),
          s.seconds(), s.wordsPerSecond());
      return ExitCode.OK;
    }
  }

  /** {@code crosscheck eval quotes DIR}. */
  @Command(name = "quotes", description = {
      "Find the direct quotes of PolNeAR-format articles (text/ and attributions/) and their speakers,",
      "and score them against the gold attributions: quotes found, recall of gold direct quotes, and",
      "speaker accuracy."})
  static final class Quotes implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A PolNeAR-format folder, such as ../shared/data/polnear-dev.")
    Path dir;

    @Override
    public Integer call() throws java.io.IOException {
      if (!Files.isDirectory(dir)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), dir + ": no such folder");
      }
      java.util.Map<Path, Path> docs;
      try {
        docs = org.crosscheck.eval.QuoteEvaluator.documents(dir);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      var analyzer = new org.crosscheck.analysis.CoreNlpAnalyzer(loadedModels(out));
      org.crosscheck.eval.QuoteEvaluator.Scores s;
      try {
        s = org.crosscheck.eval.QuoteEvaluator.evaluate(docs, analyzer);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("crosscheck: " + e.getMessage());
        return ExitCode.REJECTED;
      }
      out.printf(Locale.ROOT, "files:     %d annotated articles in %s%n", s.documents(), dir);
      out.printf(Locale.ROOT, "quotes:    %d found; %d gold direct quotes, %d of them found (recall %.3f)%n", s.found(),
          s.gold(), s.matched(), s.recall());
      out.printf(Locale.ROOT, "speakers:  %.3f right (%d of %d found gold quotes; %d given a speaker, %.3f of those right)%n",
          s.speakerAccuracy(), s.right(), s.matched(), s.attributed(), s.attributedAccuracy());
      out.printf(Locale.ROOT, "named:     %.3f right where the gold speaker is a name (%d of %d)%n", s.namedAccuracy(),
          s.namedRight(), s.named());
      out.printf(Locale.ROOT, "speed:     %,d tokens in %.1f s, %,.0f tokens/s (full analysis, one thread)%n", s.tokens(),
          s.seconds(), s.tokensPerSecond());
      return ExitCode.OK;
    }
  }
}
