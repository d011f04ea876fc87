package org.crosscheck.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.crosscheck.cluster.Stories;
import org.crosscheck.ingest.BytesInput;
import org.crosscheck.ingest.Input;
import org.crosscheck.ingest.IngestException;
import org.crosscheck.ingest.Rejection;
import org.crosscheck.ingest.UrlPolicy;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Story;
import org.crosscheck.model.StoryId;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.IngestSummary;
import org.crosscheck.pipeline.Ingestor;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.report.ReportRenderer;
import org.crosscheck.outlet.Outlet;
import org.crosscheck.outlet.Outlets;
import org.crosscheck.report.StoryListing;
import org.crosscheck.report.StoryReport;
import org.crosscheck.store.Store;
import org.jspecify.annotations.Nullable;

/**
 * The web app and JSON API over one store: the story list, story pages (the report), article
 * pages, search and ingest, as server-rendered HTML, and the same under {@code /api/} as JSON.
 * A thin adapter: reports come from {@link ReportBuilder}, ingest from the same {@link Ingestor}
 * as the command line (one ingest at a time), search from the store ({@link org.crosscheck.store.SearchStore}),
 * whose entries are written where articles are stored, by this process or another.
 */
public final class WebApp implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

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

  private final Store store;
  private final ReportBuilder reports;
  private final Ingestor ingestor;
  private final ReentrantLock ingestLock = new ReentrantLock();
  private final Settings settings;
  private final RequestGuard guard;
  private final Uploads uploads;
  private final Javalin app;
  /** Runs after each article an upload stores, with its id; a test uses it to fail an ingest midway. */
  volatile java.util.function.Consumer<String> afterStored = id -> {};
  /** The story list as of a store size: articles are never removed, so a new size means the stories may have changed. */
  private record StoryList(long articles, Outlets outlets, List<Story> stories) {}

  private volatile @Nullable StoryList storyList;

  /**
   * @return every story, most outlets first, read again only when the store has gained articles or its outlet
   *     registry has changed (the store keeps one registry snapshot until then)
   */
  List<Story> allStories() {
    long n = store.count();
    Outlets outlets = store.outlets();
    StoryList cached = storyList;
    if (cached != null && cached.articles() == n && cached.outlets() == outlets) {
      return cached.stories();
    }
    List<Story> stories = Stories.all(store);
    storyList = new StoryList(n, outlets, stories);
    return stories;
  }

  /** Conflict counts of built reports, by the fingerprint of what they were built from: the list reads no report twice. */
  private final Map<String, Integer> conflictCounts = new java.util.concurrent.ConcurrentHashMap<>();
  /** The articles of each story whose report's entities and quotes are in the search index. */
  private final Map<String, List<String>> indexedReports = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param store the store
   * @param reports builds and caches reports
   * @param ingestor stores uploads, as the command line does
   * @param settings where to listen and what to allow
   */
  public WebApp(Store store, ReportBuilder reports, Ingestor ingestor, Settings settings) {
    this.store = store;
    this.reports = reports;
    this.ingestor = ingestor;
    this.settings = settings;
    this.uploads = new Uploads(settings.maxUploadBytes(), settings.maxConcurrentUploads());
    Pages pages = new Pages(this);
    Javalin[] self = new Javalin[1];
    this.guard = new RequestGuard(settings, () -> self[0].port());
    this.app = Javalin.create(config -> {
      config.jetty.host = settings.host();
      config.jetty.port = settings.port();
      config.http.maxRequestSize = settings.maxUploadBytes();
      config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
      config.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
      config.jetty.multipartConfig.maxInMemoryFileSize(Uploads.IN_MEMORY_BYTES, io.javalin.config.SizeUnit.BYTES);
      config.jetty.multipartConfig.cacheDirectory(uploads.directory().toString());
      config.startup.showJavalinBanner = false;
      var r = config.routes;
      r.before(ctx -> {
        RequestGuard.headers(ctx);
        guard.check(ctx);
      });
      r.get("/assets/app.js", ctx -> asset(ctx, "app.js", "text/javascript; charset=utf-8"));
      r.get("/assets/app.css", ctx -> asset(ctx, "app.css", "text/css; charset=utf-8"));
      r.get("/api/health", ctx -> json(ctx, Map.of("status", "ok", "articles", store.count())));
      r.get("/api/stories", this::apiStories);
      r.get("/api/stories/{id}", ctx -> ctx.contentType("application/json").result(
          ReportRenderer.json(report(ctx.pathParam("id")))));
      r.get("/api/articles/{id}", ctx -> json(ctx, ArticleView.of(article(ctx.pathParam("id")), store.outlets(),
          store.storyOf(new ArticleId(ctx.pathParam("id"))).map(StoryId::value).orElse(null))));
      r.get("/api/search", ctx -> json(ctx, search(ctx.queryParam("q"))));
      r.get("/api/export/{kind}", this::apiExport);
      r.get("/feeds/stories/{file}", this::storyFeed);
      r.post("/api/articles", this::apiIngest);
      r.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApi.document()));
      r.get("/", pages::home);
      r.get("/stories/{id}", pages::story);
      r.get("/articles/{id}", pages::article);
      r.get("/search", pages::search);
      r.get("/ingest", pages::ingestForm);
      r.post("/ingest", pages::ingest);
      r.exception(Problem.class, (e, ctx) -> {
        if (e.retryAfter > 0) {
          ctx.header("Retry-After", Integer.toString(e.retryAfter));
        }
        problem(ctx, e.status, e.getMessage());
      });
      r.exception(org.crosscheck.store.SearchStore.BadQueryException.class, (e, ctx) -> problem(ctx, 400, e.getMessage()));
      r.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(),
          e.getStatus() == 413 ? "the upload is larger than the limit of " + settings.maxUploadBytes() + " bytes"
              : e.getMessage()));
      r.exception(Exception.class, (e, ctx) -> {
        WebApp.Problem p = uploads.unreadable(e);
        if (p.status == 413 && ctx.method() == io.javalin.http.HandlerType.POST) { // Jetty refused a form for its size
          problem(ctx, 413, p.getMessage());
        } else {
          problem(ctx, 500, "internal error: " + e);
        }
      });
      r.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          problem(ctx, 404, "no such page: " + ctx.path());
        }
      });
      r.error(500, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          problem(ctx, 500, "internal error while answering " + ctx.method() + " " + ctx.path());
        }
      });
    });
    self[0] = app;
  }

  private static void asset(Context ctx, String name, String type) throws IOException {
    try (InputStream in = WebApp.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new Problem(404, "no such asset: " + name);
      }
      ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
    }
  }

  /** An error with its HTTP status; its message says what was wrong with which input. */
  static final class Problem extends RuntimeException {
    final int status;
    /** Seconds to send in {@code Retry-After}, or 0 for none. */
    final int retryAfter;

    Problem(int status, String message) {
      this(status, message, 0);
    }

    Problem(int status, String message, int retryAfter) {
      super(message);
      this.status = status;
      this.retryAfter = retryAfter;
    }
  }

  private volatile @Nullable Thread builder;
  private final java.util.concurrent.atomic.AtomicInteger prebuilt = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Builds, on one low-priority background thread, the reports of the stories that have none up to
   * date, the widest stories first, so that the story list shows every story's conflicts and
   * story pages open at once. Stops when the app closes.
   *
   * @return this
   */
  public WebApp buildReportsInBackground() {
    Thread t = Thread.ofPlatform().daemon().name("report-builder").unstarted(() -> {
      for (Story s : allStories()) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        try {
          if (storedReport(s).isEmpty()) {
            report(s.id().value());
          }
          prebuilt.incrementAndGet();
        } catch (RuntimeException e) {
          // the story page will build it on request and show the error there
        }
      }
    });
    t.setPriority(Thread.MIN_PRIORITY);
    builder = t;
    t.start();
    return this;
  }

  /** Starts listening. @return this */
  public WebApp start() {
    app.start();
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

  @Override
  public void close() {
    Thread t = builder;
    if (t != null) {
      t.interrupt();
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

  // ---------------------------------------------------------------- reading

  Store store() {
    return store;
  }

  StoryReport report(String id) {
    StoryId sid = parseStory(id);
    StoryReport r = reports.report(store, sid).orElseThrow(() -> new Problem(404, "no story '" + id + "' in the store"));
    index(id, r);
    return r;
  }

  /** Indexes a story's entities and quotes unless this report (the same articles) is indexed already. */
  private void index(String story, StoryReport r) {
    List<String> articles = r.story().articles().stream().map(StoryReport.ArticleRef::id).toList();
    if (!articles.equals(indexedReports.put(story, articles))) {
      store.indexReport(story, org.crosscheck.report.ReportEntries.of(story, r));
    }
  }

  /** @return the stored report of the story, without building one, or empty */
  Optional<StoryReport> storedReport(Story story) {
    return ReportBuilder.stored(store, story);
  }

  Article article(String id) {
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,200}")) {
      throw new Problem(400, "'" + id + "' is not an article id (ids look like a-3f0c1e2d4b5a6978)");
    }
    return store.get(new ArticleId(id)).orElseThrow(() -> new Problem(404, "no article '" + id + "' in the store"));
  }

  static StoryId parseStory(String id) {
    if (!id.matches("s-[0-9]{1,18}")) {
      throw new Problem(400, "'" + id + "' is not a story id (story ids look like s-1)");
    }
    return new StoryId(id);
  }

  Map<String, List<org.crosscheck.store.SearchStore.Hit>> search(@Nullable String q) {
    return store.search(q == null ? "" : q, 100);
  }

  /** Filters and paging of the story list. */
  record StoryFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String outlet, @Nullable String entity,
      int offset, int limit) {
    /** The largest offset into the story list. */
    static final int MAX_OFFSET = 10_000_000;

    static StoryFilter of(Context ctx) {
      return new StoryFilter(date(ctx, "from"), date(ctx, "to"), blankToNull(ctx.queryParam("outlet")),
          blankToNull(ctx.queryParam("entity")), number(ctx, "offset", 0, 0, MAX_OFFSET),
          number(ctx, "limit", 50, 1, 500));
    }

    private static @Nullable LocalDate date(Context ctx, String name) {
      String v = blankToNull(ctx.queryParam(name));
      try {
        return v == null ? null : LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        throw new Problem(400, "'" + name + "' must be a date like 2025-04-28, was '" + v + "'");
      }
    }

    private static int number(Context ctx, String name, int dflt, int min, int max) {
      String v = blankToNull(ctx.queryParam(name));
      if (v == null) {
        return dflt;
      }
      try {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new Problem(400, "'" + name + "' must be a whole number from " + min + " to " + max + ", was '" + v + "'");
      }
    }
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** @return the stories passing the filter, ranked by outlet count then recency, and how many passed */
  Map.Entry<List<StoryListing>, Integer> stories(StoryFilter f) {
    java.util.Set<String> entityStories = null;
    if (f.entity() != null) {
      entityStories = new java.util.HashSet<>(store.search("\"" + f.entity().replace("\"", "") + "\"", 10_000)
          .keySet());
    }
    List<StoryListing> rows = new ArrayList<>();
    // an outlet asked for by any of its names (NYT) matches the name stories show it under
    String outletName = f.outlet() == null ? null : store.outlets().find(f.outlet()).map(Outlet::name).orElse(f.outlet());
    for (Story s : allStories()) {
      if (f.from() != null && (s.last() == null || s.last().isBefore(f.from()))
          || f.to() != null && (s.first() == null || s.first().isAfter(f.to()))
          || outletName != null && s.outlets().stream().noneMatch(o -> o.equalsIgnoreCase(outletName))
          || entityStories != null && !entityStories.contains(s.id().value())) {
        continue;
      }
      String fingerprint = ReportBuilder.fingerprint(s);
      Integer conflicts = conflictCounts.get(fingerprint);
      if (conflicts == null) {
        conflicts = storedReport(s).map(r -> r.conflicts().size()).orElse(null);
        if (conflicts != null) {
          conflictCounts.put(fingerprint, conflicts);
        }
      }
      rows.add(StoryListing.of(s, conflicts));
    }
    int total = rows.size();
    List<StoryListing> page = rows.subList(Math.min(f.offset(), total), (int) Math.min(total, (long) f.offset() + f.limit()));
    return Map.entry(List.copyOf(page), total);
  }

  private void apiStories(Context ctx) {
    StoryFilter f = StoryFilter.of(ctx);
    var result = stories(f);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", result.getValue());
    body.put("offset", f.offset());
    body.put("limit", f.limit());
    body.put("stories", result.getKey());
    json(ctx, body);
  }

  /** {@code /feeds/stories/ID.atom}: the story's articles as an Atom feed. */
  private void storyFeed(Context ctx) {
    String file = ctx.pathParam("file");
    if (!file.endsWith(".atom")) {
      throw new Problem(404, "no feed '" + file + "': story feeds are /feeds/stories/ID.atom");
    }
    StoryReport r = report(file.substring(0, file.length() - ".atom".length()));
    String base = settings.publicUrl() != null ? settings.publicUrl().toString().replaceAll("/+$", "")
        : ctx.scheme() + "://" + ctx.host();
    ctx.contentType("application/atom+xml; charset=utf-8").result(StoryFeed.atom(r, base));
  }

  /**
   * {@code /api/export/KIND?format=csv|jsonl}: what {@code crosscheck export} writes, from the
   * reports built so far; the header {@code X-Stories-Without-Report} counts the stories left out.
   */
  private void apiExport(Context ctx) throws java.io.IOException {
    org.crosscheck.export.Export.Kind kind;
    org.crosscheck.export.Export.Format format;
    try {
      kind = org.crosscheck.export.Export.Kind.of(ctx.pathParam("kind"));
      format = org.crosscheck.export.Export.Format.of(java.util.Objects.requireNonNullElse(ctx.queryParam("format"),
          "csv"));
    } catch (IllegalArgumentException e) {
      throw new Problem(400, e.getMessage());
    }
    java.io.StringWriter out = new java.io.StringWriter();
    var result = org.crosscheck.export.Export.write(store, kind, format, s -> ReportBuilder.stored(store, s), out);
    String name = kind.name().toLowerCase(java.util.Locale.ROOT) + (format == org.crosscheck.export.Export.Format.CSV
        ? ".csv" : ".jsonl");
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    ctx.header("X-Stories-Without-Report", Long.toString(result.storiesWithoutReport()));
    ctx.contentType(format == org.crosscheck.export.Export.Format.CSV ? "text/csv; charset=utf-8"
        : "application/x-ndjson; charset=utf-8").result(out.toString());
  }

  // ---------------------------------------------------------------- ingest

  /**
   * What an upload did: the same counts and messages as {@code crosscheck ingest}; when it stopped
   * midway, what it had stored until then and why it stopped.
   */
  record IngestResult(long added, long alreadyStored, long rejected, long notArticles, List<String> rejections,
      List<String> articles, List<String> stories, @Nullable String storeError, @Nullable String error) {
    /** @return the HTTP status: 500 when it stopped on an error, 503 when the store failed, 400 when nothing was kept */
    int status() {
      return error != null ? 500 : storeError != null ? 503
          : rejected > 0 && added + alreadyStored + notArticles == 0 ? 400 : 200;
    }
  }

  /** @return where uploads are spooled while they are ingested (emptied as each request ends) */
  java.nio.file.Path uploadDirectory() {
    return uploads.directory();
  }

  /** Sets what runs once an upload holds its slot, before its body is read; a test holds an upload there. */
  void afterUploadPermit(Runnable hook) {
    uploads.afterPermit = hook;
  }

  /** @return the secret the HTML forms carry in their {@code csrf} field */
  String csrfToken() {
    return guard.csrfToken();
  }

  /**
   * Receives an upload or a URL to ingest, checking in this order, so that nothing is read that need
   * not be: the declared length (413), the bearer token when there is no form to carry one (401), a
   * free upload slot (503); then, reading the form within the limit, the page's form token (403,
   * {@code page} only) and the form's token field (401); then ingests.
   *
   * @param page whether the request is the HTML upload form's (which must carry the form token)
   */
  IngestResult receive(Context ctx, boolean page) {
    uploads.checkDeclaredLength(ctx);
    boolean authorized = guard.bearerAccepted(ctx.header("Authorization"));
    boolean form = Uploads.isForm(ctx);
    if (!authorized && !form) {
      throw unauthorized();
    }
    if (page && !form) {
      throw new Problem(403, RequestGuard.STALE_FORM);
    }
    return uploads.withPermit(ctx, spooled -> {
      if (page) {
        guard.checkFormToken(uploads.field(ctx, "csrf"));
      }
      if (!authorized && !guard.tokenMatches(uploads.field(ctx, "token"))) {
        throw unauthorized();
      }
      String url = page ? uploads.field(ctx, "url") : ctx.queryParam("url");
      if (url != null && !url.isBlank()) {
        return ingestUrl(url);
      }
      if (form && !Uploads.isMultipart(ctx)) {
        throw new Problem(400, "the form has no file: choose one or more files to upload, or give a URL");
      }
      return ingest(form ? uploads.files(ctx) : List.of(uploads.body(ctx, spooled)));
    });
  }

  private static Problem unauthorized() {
    return new Problem(401, "writes need the server's token: send 'Authorization: Bearer TOKEN'");
  }

  private void apiIngest(Context ctx) {
    IngestResult r = receive(ctx, false);
    ctx.status(r.status());
    json(ctx, r);
  }

  IngestResult ingest(List<? extends Input> inputs) {
    return ingest(listener -> ingestor.ingestInputs(inputs, listener));
  }

  /**
   * Ingests an article page or a feed from its URL, as {@code crosscheck ingest URL} does.
   *
   * @param url an http(s) URL
   * @return what it did
   */
  IngestResult ingestUrl(String url) {
    String u = url.strip();
    try {
      UrlPolicy.publicOnly().parse(u);
    } catch (IngestException e) {
      throw new Problem(400, "'" + u + "' is not a URL of a feed or an article page: " + e.getMessage());
    }
    BytesInput page;
    try {
      page = ingestor.fetch(u); // outside the ingest lock: a slow server delays only this request
    } catch (IngestException e) {
      String why = new Rejection(u, null, e.getMessage()).message();
      return new IngestResult(0, 0, 1, 0, List.of(why), List.of(), List.of(), null, null);
    }
    return ingest(listener -> ingestor.ingestInputs(List.of(page), listener));
  }

  /** Runs one ingest at a time; when it stops on an unexpected error, answers with what it stored until then. */
  private IngestResult ingest(java.util.function.Function<IngestListener, IngestSummary> run) {
    List<String> articles = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.Set<String> stories = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
    List<String> rejections = java.util.Collections.synchronizedList(new ArrayList<>());
    long[] counts = new long[3];
    IngestSummary s;
    ingestLock.lock();
    try {
      s = run.apply(new IngestListener() {
        @Override
        public void stored(Article article, org.crosscheck.store.PutResult result) {
          articles.add(article.id().value());
          synchronized (counts) {
            counts[result instanceof org.crosscheck.store.PutResult.Added ? article.isArticle() ? 0 : 2 : 1]++;
          }
          afterStored.accept(article.id().value());
        }

        @Override
        public void clustered(Article article, org.crosscheck.cluster.StoryClusterer.Assignment assignment) {
          stories.add(assignment.story().value());
        }

        @Override
        public void rejected(Rejection rejection) {
          rejections.add(rejection.message());
        }
      });
    } catch (RuntimeException | StackOverflowError e) {
      synchronized (counts) {
        return new IngestResult(counts[0], counts[1], rejections.size(), counts[2], List.copyOf(rejections),
            List.copyOf(articles),
            List.copyOf(stories), null, "the ingest stopped after storing " + articles.size() + " article"
                + (articles.size() == 1 ? "" : "s") + ": " + e);
      }
    } finally {
      ingestLock.unlock();
    }
    return new IngestResult(s.counts().added(), s.counts().alreadyStored(), s.counts().rejected(),
        s.counts().notArticles(), rejections, articles, List.copyOf(stories), s.storeError(), null);
  }

  // ---------------------------------------------------------------- responses

  static void json(Context ctx, Object body) {
    try {
      ctx.contentType("application/json").result(JSON.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static void problem(Context ctx, int status, String message) {
    ctx.status(status);
    if (ctx.path().startsWith("/api/")) {
      ObjectNode n = JSON.createObjectNode();
      n.put("status", status);
      n.put("error", message);
      ctx.contentType("application/json").result(n.toString());
    } else {
      ctx.contentType("text/html; charset=utf-8").result(Pages.errorPage(status, message));
    }
  }

  /** An article as the API gives it. */
  record ArticleView(String id, @Nullable String outlet, @Nullable String title, @Nullable String published,
      @Nullable String url, @Nullable String story, String text) {
    static ArticleView of(Article a, Outlets outlets, @Nullable String story) {
      return new ArticleView(a.id().value(), outlets.name(a), a.title(),
          a.published().isKnown() ? a.published().iso() : null, a.url(), story, a.text());
    }
  }
}
