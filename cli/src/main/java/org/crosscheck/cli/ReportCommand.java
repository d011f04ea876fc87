package org.crosscheck.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.model.StoryId;
import org.crosscheck.report.ReportRenderer;
import org.crosscheck.report.StoryReport;
import org.crosscheck.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crosscheck report STORY}: a story's cross-source report. */
@Command(name = "report", description = {
    "Write a story's report: its articles, timeline (relative dates resolved), quotes by speaker and",
    "entities across outlets, every line citing article text as [ARTICLE:START-END]. Articles are",
    "analysed once (the first report of a story loads the language models) and the analyses are kept."})
final class ReportCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { md, json, html }

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin DataOptions data;

  @Parameters(paramLabel = "STORY", description = "The story id (s-NUMBER), as listed by 'crosscheck stories'.")
  String id;

  @Option(names = "--format", defaultValue = "md", description = "md (Markdown), json or html (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--rebuild", description = "Build the report anew even when a stored one is up to date, and store it.")
  boolean rebuild;

  @Override
  public Integer call() {
    StoryId storyId = StoryCommand.parse(spec, "STORY", id);
    if (!data.exists(spec)) {
      return ExitCode.REJECTED;
    }
    try (Store store = data.openForWriting()) {
      Optional<StoryReport> report = Pipeline.builder().store(store).buildReporter().report(store, storyId, rebuild);
      if (report.isEmpty()) {
        spec.commandLine().getErr().println("crosscheck: no story '" + id + "' in " + data.location()
            + "; 'crosscheck stories' lists them");
        return ExitCode.REJECTED;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(switch (format) {
        case json -> ReportRenderer.json(report.get()) + "\n";
        case html -> org.crosscheck.report.HtmlReportRenderer.html(report.get(),
            org.crosscheck.report.Citations.of(report.get(), store));
        case md -> ReportRenderer.markdown(report.get(), org.crosscheck.report.Citations.of(report.get(), store));
      });
      out.flush();
      return ExitCode.OK;
    }
  }
}
