package org.crosscheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.crosscheck.export.Export;
import org.crosscheck.model.Story;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.report.StoryReport;
import org.crosscheck.store.Store;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crosscheck export KIND}: stories, articles, facts, conflicts or quotes as CSV or JSON Lines. */
@Command(name = "export", description = {
    "Write stories, articles, or the facts, conflicts and quotes of the stories' reports as CSV (with a header",
    "row) or JSON Lines: one item a row, each naming its story, outlets, articles and evidence."})
final class ExportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin DataOptions data;

  @Parameters(index = "0", paramLabel = "KIND", description = "stories, articles, facts, conflicts or quotes.")
  String kind;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
      description = "csv or jsonl (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  @Nullable Path output;

  @Option(names = "--build-reports", description = {
      "Build the reports not built yet (CoreNLP: seconds per story); without it, facts, conflicts and quotes",
      "come from the reports built so far (by report, serve or an earlier export)."})
  boolean build;

  @Override
  public Integer call() throws IOException {
    Export.Kind k;
    Export.Format f;
    try {
      k = Export.Kind.of(kind);
      f = Export.Format.of(format);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    var opened = data.openForReading();
    if (opened.isEmpty()) {
      err.println("crosscheck: no store in " + data.location() + "; ingest articles first");
      return ExitCode.REJECTED;
    }
    if (build) {
      opened.get().close(); // building reports stores them, so the store is opened for writing then
    }
    try (Store store = build ? data.openForWriting() : opened.get();
        Writer file = output == null ? null : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      Writer out = file != null ? file : spec.commandLine().getOut();
      Function<Story, Optional<StoryReport>> reports = build
          ? new Built(Pipeline.builder().store(store).buildReporter(), store)
          : s -> ReportBuilder.stored(store, s);
      Export.Result r = Export.write(store, k, f, reports, out);
      out.flush();
      if (output != null) {
        err.printf(Locale.ROOT, "%,d %s written to %s%n", r.rows(), r.rows() == 1 ? "row" : "rows", output);
      }
      if (r.storiesWithoutReport() > 0) {
        long n = r.storiesWithoutReport();
        err.printf(Locale.ROOT, "crosscheck: %,d %s no report yet and %s left out; add --build-reports to build %s%n",
            n, n == 1 ? "story has" : "stories have", n == 1 ? "is" : "are", n == 1 ? "it" : "them");
      }
      return ExitCode.OK;
    } catch (UncheckedIOException e) {
      err.println("crosscheck: " + e.getMessage());
      return ExitCode.STORE;
    }
  }

  /** A story's report, built when it is not stored yet. */
  private record Built(ReportBuilder builder, Store store) implements Function<Story, Optional<StoryReport>> {
    @Override
    public Optional<StoryReport> apply(Story story) {
      return builder.report(store, story.id());
    }
  }
}
