package org.crosscheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crosscheck.ingest.BytesInput;
import org.crosscheck.ingest.Rejection;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.IngestSummary;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.PutResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crosscheck demo}: ingests the bundled sample (five outlets on one event), shows what was
 * stored and prints the story's report.
 */
@Command(name = "demo", description = {
    "Ingest the bundled sample: five reports by five outlets of one event (28 April 2025,",
    "North Korea confirms its troops fought in Russia's Kursk region), show what was stored, and",
    "print the story's cross-source report in Markdown, then serve it in the web app (when run in a terminal,",
    "or with --serve) and print its URL."})
final class DemoCommand implements Callable<Integer> {
  private static final String DIR = "/org/crosscheck/demo/";

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin DataOptions data;

  @Option(names = "--serve", negatable = true, description = "Serve the story in the web app at the end (default: only"
      + " when the output is a terminal). --no-serve exits after the report.")
  Boolean serve;

  @Option(names = "--port", defaultValue = "7070", description = "Port to serve on; a free one when it is taken (default:"
      + " ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<BytesInput> inputs = bundled();
    List<String[]> rows = new ArrayList<>();
    try (org.crosscheck.store.Store store = data.openForWriting()) {
      IngestSummary summary = Pipeline.builder().store(store).buildIngestor().ingestInputs(inputs, new IngestListener() {
        @Override
        public void stored(Article a, PutResult r) {
          rows.add(new String[] {
              r instanceof PutResult.Added ? "added" : "already stored", a.id().value(), Text.abbreviate(store.outlets().name(a), 36),
              a.published().iso(), a.title() == null ? "(no title)" : Text.abbreviate(a.title(), 60)});
        }

        @Override
        public void rejected(Rejection rejection) {
          err.println("rejected: " + rejection.message());
        }
      });
      out.println("Crosscheck demo: " + inputs.size() + " reports of one event by five outlets, stored in "
          + data.location());
      out.println();
      String format = "%-15s  %-19s  %-36s  %-16s  %s%n";
      out.printf(Locale.ROOT, format, "", "ID", "OUTLET", "PUBLISHED", "TITLE");
      for (String[] r : rows) {
        out.printf(Locale.ROOT, format, (Object[]) r);
      }
      out.println();
      out.printf(Locale.ROOT, "%d added, %d already stored, %d rejected; the store holds %d articles.%n",
          summary.counts().added(), summary.counts().alreadyStored(), summary.counts().rejected(), store.count());
      out.println("Read one with:  ./crosscheck show " + (rows.isEmpty() ? "ID" : rows.get(0)[1]));
      out.println("List them with: ./crosscheck articles");
      if (summary.storeError() != null) {
        return ExitCode.STORE;
      }
      var story = rows.isEmpty() ? java.util.Optional.<org.crosscheck.model.StoryId>empty()
          : store.storyOf(new org.crosscheck.model.ArticleId(rows.get(0)[1]));
      if (story.isPresent()) {
        out.println("Their story's report (./crosscheck report " + story.get() + "):");
        out.println();
        out.flush();
        Pipeline.builder().store(store).buildReporter().report(store, story.get()).ifPresent(r -> out.print(org.crosscheck.report.ReportRenderer.markdown(r,
            org.crosscheck.report.Citations.of(r, store))));
      }
      if (story.isPresent() && (serve != null ? serve : interactive())) {
        out.println();
        return serveDemo(store, story.get(), out);
      }
      return summary.counts().rejected() > 0 ? ExitCode.REJECTED : ExitCode.OK;
    }
  }

  /** @return whether standard input and output are a terminal (Console.isTerminal on Java 22+, else a console at all) */
  private static boolean interactive() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  private int serveDemo(org.crosscheck.store.Store store, org.crosscheck.model.StoryId story,
      PrintWriter out) {
    int chosen = port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      chosen = probe.getLocalPort();
    } catch (IOException taken) {
      chosen = 0;
    }
    try {
      return ServeCommand.serve(store, new org.crosscheck.web.WebApp.Settings("127.0.0.1", chosen, null, 64L << 20), false,
          out,
          "/stories/" + story.value());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.OK;
    }
  }

  /** @return the bundled sample reports, read from the classpath */
  static List<BytesInput> bundled() {
    try (InputStream index = DemoCommand.class.getResourceAsStream(DIR + "index.txt")) {
      if (index == null) {
        throw new IllegalStateException("the demo corpus is missing from the classpath (" + DIR + "index.txt)");
      }
      List<BytesInput> inputs = new ArrayList<>();
      for (String name : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (name.isBlank()) {
          continue;
        }
        try (InputStream in = DemoCommand.class.getResourceAsStream(DIR + name.strip())) {
          if (in == null) {
            throw new IllegalStateException("demo file " + name + " is listed but missing");
          }
          inputs.add(new BytesInput("demo/" + name.strip(), Provenance.Kind.BUNDLED, in.readAllBytes(), "text/plain"));
        }
      }
      return inputs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo corpus", e);
    }
  }
}
