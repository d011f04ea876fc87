package org.crosscheck.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.crosscheck.analysis.CachingAnalyzer;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.store.EmbeddedArticleStore;
import org.crosscheck.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crosscheck serve}: the web app and JSON API on the store, until interrupted. */
@Command(name = "serve", description = {
    "Serve the web app and the JSON API (/api/) on the store until stopped (Ctrl-C).",
    "Binds to 127.0.0.1 unless --host says otherwise; another address needs a --token for writes."})
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin DataOptions data;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "7070", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--token", description = "Token writes must present (Authorization: Bearer TOKEN); required with a"
      + " --host other than loopback. Also read from CROSSCHECK_TOKEN.")
  String token;

  @Option(names = "--max-upload-mb", defaultValue = "64", description = "Largest upload in MiB (default: ${DEFAULT-VALUE}).")
  long maxUploadMb;

  @Option(names = "--allow-private-urls", description = "Let URL ingest (API and form) fetch from this machine and"
      + " private networks (loopback, 10/8, 192.168/16, link-local ...); for intranet use. By default they are refused.")
  boolean allowPrivateUrls;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535, was " + port);
    }
    String t = token != null ? token : System.getenv("CROSSCHECK_TOKEN");
    WebApp.Settings settings;
    try {
      settings = new WebApp.Settings(host, port, t == null || t.isBlank() ? null : t, maxUploadMb * 1024 * 1024);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    try (EmbeddedArticleStore store = data.openForWriting()) {
      return serve(store, settings, allowPrivateUrls, spec.commandLine().getOut(), "/");
    }
  }

  /**
   * Serves until the process is stopped; prints the URL of {@code page} first. URL ingest fetches
   * only public addresses unless {@code allowPrivateUrls}.
   */
  static int serve(EmbeddedArticleStore store, WebApp.Settings settings, boolean allowPrivateUrls, PrintWriter out,
      String page)
      throws InterruptedException {
    ReportBuilder reports = new ReportBuilder(CachingAnalyzer.coreNlp(store));
    try (WebApp web = new WebApp(store, reports, Pipeline.builder().store(store)
        .allowPrivateUrls(allowPrivateUrls).buildIngestor(), settings).start()
        .buildReportsInBackground()) {
      out.println("Serving " + store.count() + " articles from " + store.directory() + " at " + web.url() + page);
      out.println("JSON API at " + web.url() + "/api/ (described at " + web.url() + "/api/openapi.json); Ctrl-C stops.");
      out.println("Reports of stories not yet reported are being built in the background; their conflicts then show in"
          + " the story list.");
      out.flush();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    }
    return ExitCode.OK;
  }
}
