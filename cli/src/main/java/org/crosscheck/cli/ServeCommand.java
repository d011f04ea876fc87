package org.crosscheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import org.crosscheck.web.WebApp;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crosscheck serve}: the web app and JSON API on the store, until interrupted. */
@Command(name = "serve", description = {
    "Serve the web app and the JSON API (/api/) on the store until stopped (Ctrl-C).",
    "Binds to 127.0.0.1 unless --host says otherwise; another address needs a token for writes, from the"
        + " CROSSCHECK_TOKEN environment variable or --token-file.",
    "Answers only requests sent to its own address (Host header); behind a reverse proxy give --public-url or"
        + " --allow-host."})
final class ServeCommand implements Callable<Integer> {
  /** Environment variable holding the token writes must present. */
  static final String TOKEN_ENV = "CROSSCHECK_TOKEN";

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin DataOptions data;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "7070", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  /** Refused: a token on the command line is visible to every user of the machine in {@code ps}. */
  @Option(names = "--token", hidden = true)
  String token;

  @Option(names = "--token-file", paramLabel = "FILE", description = "File whose first line is the token writes must"
      + " present (Authorization: Bearer TOKEN); else the token is read from $" + TOKEN_ENV + ". Required with a"
      + " --host other than loopback.")
  Path tokenFile;

  @Option(names = "--public-url", paramLabel = "URL", description = "The URL the server is reached at through a reverse"
      + " proxy, e.g. https://news.example.org: its host is accepted in the Host header and its origin for writes.")
  String publicUrl;

  @Option(names = "--allow-host", paramLabel = "NAME", description = "A further host name the server answers to (the"
      + " Host header, without port); repeatable.")
  List<String> allowHosts = new ArrayList<>();

  @Option(names = "--max-upload-mb", defaultValue = "64", description = "Largest upload in MiB (default: ${DEFAULT-VALUE}).")
  long maxUploadMb;

  @Mixin UrlOptions urls;

  @Option(names = "--watch", description = "Also poll the followed sources (crosscheck follow add URL) in the server, as"
      + " `crosscheck watch` does; new articles show in the story list as they arrive.")
  boolean watch;

  @Mixin FollowOptions follow;
  @Mixin SendOptions send;

  @Option(names = "--alerts-every", paramLabel = "SECONDS", defaultValue = "60", description = "Check the saved searches"
      + " and followed stories (crosscheck alerts watch ...) and deliver their alerts to webhooks this often; 0 never"
      + " (default: ${DEFAULT-VALUE}).")
  long alertsEvery;

  @Option(names = "--max-parallel-uploads", paramLabel = "N", defaultValue = "2", description = "Uploads received at"
      + " once; more are answered 503 with Retry-After (default: ${DEFAULT-VALUE}).")
  int maxParallelUploads;

  @Override
  public Integer call() throws InterruptedException {
    WebApp.Settings settings = settings(System::getenv);
    try (Store store = data.openForWriting();
        org.crosscheck.pipeline.ArticleSink sink = send.sendTo == null ? null : org.crosscheck.pipeline.ArticleSink.open(
            send.sendTo)) {
      if (!watch) {
        return serve(store, settings, urls.allowPrivateUrls, spec.commandLine().getOut(), "/", null, sink,
            alertsDuration());
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      org.crosscheck.follow.FollowSettings followSettings = follow.settings(spec);
      return serve(store, settings, urls.allowPrivateUrls, out, "/", web -> {
        Pipeline.Builder pipeline = Pipeline.builder().store(store).allowPrivateUrls(urls.allowPrivateUrls)
            .followSettings(followSettings);
        if (sink != null) {
          pipeline.sendTo(sink);
        }
        org.crosscheck.follow.Watcher watcher = pipeline.buildFollowing(new org.crosscheck.pipeline.IngestListener() {}).watcher();
        out.println("Watching " + store.followedSources().size() + " followed sources (crosscheck follow list).");
        return watcher.start(r -> WatchCommand.print(r, out, err, true));
      }, sink, alertsDuration());
    }
  }

  private Duration alertsDuration() {
    if (alertsEvery < 0) {
      throw usage("--alerts-every must be 0 (never) or a number of seconds, was " + alertsEvery);
    }
    return Duration.ofSeconds(alertsEvery);
  }

  /**
   * @param env reads an environment variable, {@code null} when unset
   * @return the server's settings from the options and the environment
   * @throws picocli.CommandLine.ParameterException naming the option and the bad value
   */
  WebApp.Settings settings(Function<String, @Nullable String> env) {
    if (token != null) {
      throw usage("--token is not accepted: a token on the command line is visible to other users of the machine"
          + " (ps). Set it in the " + TOKEN_ENV + " environment variable or put it in a file given with --token-file"
          + " FILE");
    }
    if (port < 0 || port > 65535) {
      throw usage("--port must be 0 to 65535, was " + port);
    }
    if (maxUploadMb <= 0 || maxUploadMb > 1024 * 1024) {
      throw usage("--max-upload-mb must be 1 to 1048576, was " + maxUploadMb);
    }
    String t = tokenFile != null ? readTokenFile(tokenFile) : env.apply(TOKEN_ENV);
    URI url = null;
    if (publicUrl != null) {
      try {
        url = new URI(publicUrl.strip());
      } catch (java.net.URISyntaxException e) {
        throw usage("--public-url must be an http(s) URL like https://news.example.org, was '" + publicUrl + "'");
      }
    }
    try {
      return new WebApp.Settings(host, port, t == null || t.isBlank() ? null : t.strip(), maxUploadMb * 1024 * 1024,
          url, allowHosts, maxParallelUploads);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private String readTokenFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw usage("cannot read the token file " + file + " (--token-file): " + (e instanceof NoSuchFileException
          ? "no such file" : e.getMessage()));
    }
    String first = lines.isEmpty() ? "" : lines.getFirst().strip();
    if (first.isEmpty()) {
      throw usage("the token file " + file + " (--token-file) is empty: put the token on its first line");
    }
    return first;
  }

  private picocli.CommandLine.ParameterException usage(String message) {
    return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
  }

  /**
   * Serves until the process is stopped; prints the URL of {@code page} first. URL ingest fetches
   * only public addresses unless {@code allowPrivateUrls}.
   */
  static int serve(Store store, WebApp.Settings settings, boolean allowPrivateUrls, PrintWriter out,
      String page)
      throws InterruptedException {
    return serve(store, settings, allowPrivateUrls, out, page, null, null, DEFAULT_ALERTS_EVERY);
  }

  /** How often a server checks alerts unless told otherwise. */
  static final Duration DEFAULT_ALERTS_EVERY = Duration.ofSeconds(60);

  /**
   * Serves until the process is stopped, with {@code beside} (the watcher of followed sources)
   * started once the app runs and closed before it stops.
   */
  static int serve(Store store, WebApp.Settings settings, boolean allowPrivateUrls, PrintWriter out,
      String page, @Nullable Function<WebApp, AutoCloseable> beside, org.crosscheck.pipeline.@Nullable ArticleSink sink,
      Duration alertsEvery) throws InterruptedException {
    Pipeline.Builder pipeline = Pipeline.builder().store(store).allowPrivateUrls(allowPrivateUrls);
    if (sink != null) {
      pipeline.sendTo(sink); // uploads go to the distributed engine, whose job stores them
    }
    try (WebApp web = new WebApp(store, pipeline.buildReporter(), pipeline.buildIngestor(), settings).start()
        .buildReportsInBackground()) {
      if (!alertsEvery.isZero()) {
        web.checkAlertsEvery(pipeline.buildAlerting(), alertsEvery);
      }
      out.println("Serving " + store.count() + " articles from " + store.location() + " at " + web.url() + page);
      out.println("JSON API at " + web.url() + "/api/ (described at " + web.url() + "/api/openapi.json); Ctrl-C stops.");
      out.println("Reports of stories not yet reported are being built in the background; their conflicts then show in"
          + " the story list.");
      out.flush();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      if (beside == null) {
        stop.await();
      } else {
        try (AutoCloseable running = beside.apply(web)) {
          stop.await();
        } catch (InterruptedException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException("cannot stop the watcher: " + e.getMessage(), e);
        }
      }
    }
    return ExitCode.OK;
  }
}
