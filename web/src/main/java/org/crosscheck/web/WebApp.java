package org.crosscheck.web;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Ingestor;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.store.Store;
import org.jspecify.annotations.Nullable;

/**
 * The web app and JSON API over one store: the story list, story pages (the report), article
 * pages, search and ingest, as server-rendered HTML, and the same under {@code /api/} as JSON.
 * This class wires the app: it makes the services (the story list, the reports, ingest), the
 * controllers that use them, and the server; {@link Routes} declares every route and {@link
 * ErrorResponses} maps every error. Reports come from {@link ReportBuilder}, ingest from the same
 * {@link Ingestor} as the command line (one ingest at a time), search from the store ({@link
 * org.crosscheck.store.SearchStore}), whose entries are written where articles are stored, by this
 * process or another. Thread-safe.
 */
public final class WebApp implements AutoCloseable {
  /** The JSON mapper of every JSON answer. */
  static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * @param host the address to bind
   * @param port the port, 0 for any free one
   * @param token the token writes need ({@code Authorization: Bearer TOKEN}), or {@code null} when writes need none
   * @param maxUploadBytes the largest upload accepted
   * @param publicUrl the URL the server is reached at through a reverse proxy (its host is accepted in
   *     {@code Host}, its origin in {@code Origin}), or {@code null}
   * @param allowedHosts further names the server answers to in {@code Host}
   * @param maxConcurrentUploads how many uploads are received at once; more are refused with 503
   */
  public record Settings(String host, int port, @Nullable String token, long maxUploadBytes, @Nullable URI publicUrl,
      List<String> allowedHosts, int maxConcurrentUploads) {
    /** Uploads received at once unless set otherwise. */
    public static final int DEFAULT_CONCURRENT_UPLOADS = 2;

    public Settings {
      Objects.requireNonNull(host, "host");
      allowedHosts = List.copyOf(allowedHosts);
      if (token == null && !isLoopback(host)) {
        throw new IllegalArgumentException("binding to " + host + " exposes the server beyond this machine: give a"
            + " token that writes must present (set CROSSCHECK_TOKEN or use --token-file FILE)");
      }
      if (maxUploadBytes <= 0) {
        throw new IllegalArgumentException("the upload limit must be positive, was " + maxUploadBytes);
      }
      if (publicUrl != null && (publicUrl.getHost() == null || publicUrl.getScheme() == null
          || !publicUrl.getScheme().matches("(?i)https?"))) {
        throw new IllegalArgumentException("the public URL must be an http(s) URL with a host, like"
            + " https://news.example.org, was '" + publicUrl + "'");
      }
      for (String h : allowedHosts) {
        if (RequestGuard.hostName(h) == null || h.contains(":") && !h.startsWith("[")) {
          throw new IllegalArgumentException("an allowed host must be a host name or an IP address without a port or"
              + " scheme, like news.example.org, was '" + h + "'");
        }
      }
      if (maxConcurrentUploads < 1 || maxConcurrentUploads > 64) {
        throw new IllegalArgumentException("the number of uploads received at once must be 1 to 64, was "
            + maxConcurrentUploads);
      }
    }

    /**
     * Settings with no public URL, no further host names and the default number of concurrent uploads.
     *
     * @param host the address to bind
     * @param port the port, 0 for any free one
     * @param token the token writes need, or {@code null}
     * @param maxUploadBytes the largest upload accepted
     */
    public Settings(String host, int port, @Nullable String token, long maxUploadBytes) {
      this(host, port, token, maxUploadBytes, null, List.of(), DEFAULT_CONCURRENT_UPLOADS);
    }

    /** @return these settings with the public URL, or none for {@code null} */
    public Settings withPublicUrl(@Nullable URI url) {
      return new Settings(host, port, token, maxUploadBytes, url, allowedHosts, maxConcurrentUploads);
    }

    /** @return these settings with these further host names */
    public Settings withAllowedHosts(List<String> hosts) {
      return new Settings(host, port, token, maxUploadBytes, publicUrl, hosts, maxConcurrentUploads);
    }

    /** @return these settings with this number of uploads received at once */
    public Settings withMaxConcurrentUploads(int n) {
      return new Settings(host, port, token, maxUploadBytes, publicUrl, allowedHosts, n);
    }

    @Override
    public String toString() {
      return "Settings[host=" + host + ", port=" + port + ", token=" + (token == null ? "none" : "set")
          + ", maxUploadBytes=" + maxUploadBytes + ", publicUrl=" + publicUrl + ", allowedHosts=" + allowedHosts
          + ", maxConcurrentUploads=" + maxConcurrentUploads + "]";
    }
  }

  private final Settings settings;
  private final Uploads uploads;
  private final StoryListService stories;
  private final ReportService reports;
  private final IngestService ingest;
  private final Javalin app;
  private volatile @Nullable BackgroundReports background;
  private volatile org.crosscheck.alert.@Nullable AlertSchedule alerts;
  private final Store store;

  /**
   * Makes the app and fills the store's search index with the stored articles and reports; {@link
   * #start()} starts listening.
   *
   * @param store the store
   * @param reports builds and caches reports
   * @param ingestor stores uploads, as the command line does
   * @param settings where to listen and what to allow
   */
  public WebApp(Store store, ReportBuilder reports, Ingestor ingestor, Settings settings) {
    this.settings = settings;
    this.store = store;
    this.uploads = new Uploads(settings.maxUploadBytes(), settings.maxConcurrentUploads());
    this.stories = new StoryListService(store);
    this.reports = new ReportService(store, reports);
    this.ingest = new IngestService(ingestor);
    Javalin[] self = new Javalin[1];
    RequestGuard guard = new RequestGuard(settings, () -> self[0].port());
    UploadReceiver receiver = new UploadReceiver(uploads, guard, ingest);
    Routes routes = new Routes(guard, new ServerController(store), new StoryController(stories, this.reports),
        new ArticleController(store), new SearchController(store), new IngestController(receiver),
        new ExportController(store), new FeedController(this.reports, settings.publicUrl()),
        new AlertController(store, guard, settings.publicUrl()),
        new Pages(store, stories, this.reports, receiver, guard), new ErrorResponses(uploads));
    this.app = Javalin.create(config -> {
      config.jetty.host = settings.host();
      config.jetty.port = settings.port();
      config.http.maxRequestSize = settings.maxUploadBytes();
      config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
      config.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes(), SizeUnit.BYTES);
      config.jetty.multipartConfig.maxInMemoryFileSize(Uploads.IN_MEMORY_BYTES, SizeUnit.BYTES);
      config.jetty.multipartConfig.cacheDirectory(uploads.directory().toString());
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(JSON, false));
      routes.declare(config.routes);
    });
    self[0] = app;
  }

  /**
   * Builds, on one low-priority background thread, the reports of the stories that have none up to
   * date, the widest stories first, so that the story list shows every story's conflicts and
   * story pages open at once. A story whose report fails is logged and skipped. Stops when the app
   * closes.
   *
   * @return this
   */
  public WebApp buildReportsInBackground() {
    BackgroundReports b = new BackgroundReports(stories::all, reports::ensure);
    background = b;
    b.start();
    return this;
  }

  /**
   * Raises and delivers alerts on a background thread every period while anything is watched (see
   * {@link org.crosscheck.alert.Alerting}); a failing round is logged. Stops when the app closes.
   *
   * @param alerting raises and delivers the store's alerts
   * @param period the time between rounds
   * @return this
   */
  public WebApp checkAlertsEvery(org.crosscheck.alert.Alerting alerting, java.time.Duration period) {
    alerts = new org.crosscheck.alert.AlertSchedule(alerting, () -> !store.watches().isEmpty(), period);
    return this;
  }

  /** Starts listening, and prepares for the first upload in the background. @return this */
  public WebApp start() {
    app.start();
    ingest.prepareInBackground();
    return this;
  }

  /** @return the port listened on */
  public int port() {
    return app.port();
  }

  /** @return the base URL, e.g. {@code http://127.0.0.1:7070} */
  public String url() {
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    return "http://" + host + ":" + port();
  }

  /** Stops the background builds and the server, and deletes what uploads left. */
  @Override
  public void close() {
    BackgroundReports b = background;
    if (b != null) {
      b.close();
    }
    org.crosscheck.alert.AlertSchedule a = alerts;
    if (a != null) {
      a.close();
    }
    app.stop();
    uploads.close();
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** @return every route, as {@code METHOD PATH}, in the order declared */
  List<String> endpoints() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
  }

  /** @return where uploads are spooled while they are ingested (emptied as each request ends) */
  Path uploadDirectory() {
    return uploads.directory();
  }

  /** Sets what runs once an upload holds its slot, before its body is read; a test holds an upload there. */
  void afterUploadPermit(Runnable hook) {
    uploads.afterPermit = hook;
  }

  /** Sets what runs after each article an upload stores, with its id; a test fails an ingest midway with it. */
  void afterStored(Consumer<String> hook) {
    ingest.afterStored(hook);
  }
}
