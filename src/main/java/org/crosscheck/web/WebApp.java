package org.crosscheck.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.crosscheck.cluster.Stories;
import org.crosscheck.ingest.BytesInput;
import org.crosscheck.ingest.Rejection;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Story;
import org.crosscheck.model.StoryId;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.IngestSummary;
import org.crosscheck.pipeline.Ingestor;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.report.ReportRenderer;
import org.crosscheck.report.StoryReport;
import org.crosscheck.store.EmbeddedArticleStore;
import org.jspecify.annotations.Nullable;

/**
 * The web app and JSON API over one store: the story list, story pages (the report), article
 * pages, search and ingest, as server-rendered HTML, and the same under {@code /api/} as JSON.
 * A thin adapter: reports come from {@link ReportBuilder}, ingest from the same {@link Ingestor}
 * as the command line (one ingest at a time), search from {@link SearchIndex}.
 */
public final class WebApp implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param host the address to bind
   * @param port the port, 0 for any free one
   * @param token the token writes need ({@code Authorization: Bearer TOKEN}), or {@code null} when writes need none
   * @param maxUploadBytes the largest upload accepted
   */
  public record Settings(String host, int port, @Nullable String token, long maxUploadBytes) {
    public Settings {
      Objects.requireNonNull(host, "host");
      if (token == null && !isLoopback(host)) {
        throw new IllegalArgumentException("binding to " + host + " exposes the server beyond this machine: give a"
            + " --token that writes must present");
      }
      if (maxUploadBytes <= 0) {
        throw new IllegalArgumentException("the upload limit must be positive, was " + maxUploadBytes);
      }
    }
  }

  private final EmbeddedArticleStore store;
  private final ReportBuilder reports;
  private final Ingestor ingestor;
  private final SearchIndex search = new SearchIndex();
  private final ReentrantLock ingestLock = new ReentrantLock();
  private final Settings settings;
  private final Javalin app;
  /** The story list as of a store size: articles are never removed, so a new size means the stories may have changed. */
  private record StoryList(long articles, List<Story> stories) {}

  private volatile @Nullable StoryList storyList;

  /** @return every story, most outlets first, read again only when the store has gained articles */
  List<Story> allStories() {
    long n = store.count();
    StoryList cached = storyList;
    if (cached != null && cached.articles() == n) {
      return cached.stories();
    }
    List<Story> stories = Stories.all(store);
    storyList = new StoryList(n, stories);
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
  public WebApp(EmbeddedArticleStore store, ReportBuilder reports, Ingestor ingestor, Settings settings) {
    this.store = store;
    this.reports = reports;
    this.ingestor = ingestor;
    this.settings = settings;
    indexAll();
    Pages pages = new Pages(this);
    this.app = Javalin.create(config -> {
      config.jetty.host = settings.host();
      config.jetty.port = settings.port();
      config.http.maxRequestSize = settings.maxUploadBytes();
      config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
      config.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
      config.startup.showJavalinBanner = false;
      var r = config.routes;
      r.before(ctx -> {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'");
      });
      r.get("/api/health", ctx -> json(ctx, Map.of("status", "ok", "articles", store.count())));
      r.get("/api/stories", this::apiStories);
      r.get("/api/stories/{id}", ctx -> ctx.contentType("application/json").result(
          ReportRenderer.json(report(ctx.pathParam("id")))));
      r.get("/api/articles/{id}", ctx -> json(ctx, ArticleView.of(article(ctx.pathParam("id")),
          store.storyOf(new ArticleId(ctx.pathParam("id"))).map(StoryId::value).orElse(null))));
      r.get("/api/search", ctx -> json(ctx, search(ctx.queryParam("q"))));
      r.post("/api/articles", this::apiIngest);
      r.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApi.document()));
      r.get("/", pages::home);
      r.get("/stories/{id}", pages::story);
      r.get("/articles/{id}", pages::article);
      r.get("/search", pages::search);
      r.get("/ingest", pages::ingestForm);
      r.post("/ingest", pages::ingest);
      r.exception(Problem.class, (e, ctx) -> problem(ctx, e.status, e.getMessage()));
      r.exception(SearchIndex.BadQueryException.class, (e, ctx) -> problem(ctx, 400, e.getMessage()));
      r.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(),
          e.getStatus() == 413 ? "the upload is larger than the limit of " + settings.maxUploadBytes() + " bytes"
              : e.getMessage()));
      r.exception(Exception.class, (e, ctx) -> problem(ctx, 500, "internal error: " + e));
      r.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          problem(ctx, 404, "no such page: " + ctx.path());
        }
      });
    });
  }

  /** An error with its HTTP status; its message says what was wrong with which input. */
  static final class Problem extends RuntimeException {
    final int status;

    Problem(int status, String message) {
      super(message);
      this.status = status;
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
    search.close();
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private void indexAll() {
    Map<ArticleId, StoryId> assignments = store.allAssignments();
    int offset = 0;
    while (true) {
      List<Article> page = store.list(offset, 1000);
      if (page.isEmpty()) {
        break;
      }
      for (Article a : page) {
        StoryId s = assignments.get(a.id());
        search.put(a, s == null ? null : s.value());
      }
      offset += page.size();
    }
    search.commit();
    for (Story s : allStories()) {
      storedReport(s).ifPresent(r -> index(s.id().value(), r));
    }
  }

  // ---------------------------------------------------------------- reading

  EmbeddedArticleStore store() {
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
      search.putReport(story, r);
    }
  }

  /** @return the stored report of the story, without building one, or empty */
  Optional<StoryReport> storedReport(Story story) {
    return reports.stored(store, story);
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

  Map<String, List<SearchIndex.Hit>> search(@Nullable String q) {
    return search.search(q == null ? "" : q, 100);
  }

  /** Filters and paging of the story list. */
  record StoryFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String outlet, @Nullable String entity,
      int offset, int limit) {
    static StoryFilter of(Context ctx) {
      return new StoryFilter(date(ctx, "from"), date(ctx, "to"), blankToNull(ctx.queryParam("outlet")),
          blankToNull(ctx.queryParam("entity")), number(ctx, "offset", 0, 0, Integer.MAX_VALUE),
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

  /** A story in the list, with its conflict count when its report has been built. */
  record StoryRow(String id, String headline, int outlets, int articles, @Nullable String first, @Nullable String last,
      @Nullable Integer conflicts, List<String> outletNames) {}

  /** @return the stories passing the filter, ranked by outlet count then recency, and how many passed */
  Map.Entry<List<StoryRow>, Integer> stories(StoryFilter f) {
    java.util.Set<String> entityStories = null;
    if (f.entity() != null) {
      entityStories = new java.util.HashSet<>(search.search("\"" + f.entity().replace("\"", "") + "\"", 10_000)
          .keySet());
    }
    List<StoryRow> rows = new ArrayList<>();
    for (Story s : allStories()) {
      if (f.from() != null && (s.last() == null || s.last().isBefore(f.from()))
          || f.to() != null && (s.first() == null || s.first().isAfter(f.to()))
          || f.outlet() != null && s.outlets().stream().noneMatch(o -> o.equalsIgnoreCase(f.outlet()))
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
      rows.add(new StoryRow(s.id().value(), s.headline(), s.outlets().size(), s.articles().size(),
          s.first() == null ? null : s.first().toString(), s.last() == null ? null : s.last().toString(), conflicts,
          s.outlets()));
    }
    int total = rows.size();
    List<StoryRow> page = rows.subList(Math.min(f.offset(), total), Math.min(total, f.offset() + f.limit()));
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

  // ---------------------------------------------------------------- ingest

  /** What an upload did: the same counts and messages as {@code crosscheck ingest}. */
  record IngestResult(long added, long alreadyStored, long rejected, List<String> rejections, List<String> articles,
      List<String> stories, @Nullable String storeError) {}

  void requireWriteToken(Context ctx) {
    if (settings.token() == null) {
      return;
    }
    String auth = ctx.header("Authorization");
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    String form = type.startsWith("multipart/form-data") ? ctx.formParam("token") : null; // never consume a JSONL body
    boolean ok = auth != null && auth.equals("Bearer " + settings.token()) || settings.token().equals(form);
    if (!ok) {
      throw new Problem(401, "writes need the server's token: send 'Authorization: Bearer TOKEN'");
    }
  }

  private void apiIngest(Context ctx) {
    requireWriteToken(ctx);
    String url = ctx.queryParam("url");
    IngestResult r = url != null ? ingestUrl(url) : ingest(uploads(ctx));
    ctx.status(r.storeError() != null ? 503 : r.rejected() > 0 && r.added() + r.alreadyStored() == 0 ? 400 : 200);
    json(ctx, r);
  }

  /** @return the request's uploaded files, or its body as one JSON Lines input */
  List<BytesInput> uploads(Context ctx) {
    long declared = ctx.contentLength();
    if (declared > settings.maxUploadBytes()) {
      throw new Problem(413, "the upload is " + declared + " bytes, more than the limit of " + settings.maxUploadBytes());
    }
    List<BytesInput> inputs = new ArrayList<>();
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/form-data")) {
      for (UploadedFile f : ctx.uploadedFiles()) {
        if (f.filename().isEmpty() && f.size() == 0) {
          continue; // the form's file field left empty
        }
        try (InputStream in = f.content()) {
          inputs.add(new BytesInput("upload:" + f.filename(), Provenance.Kind.FILE, read(in, f.filename()),
              f.contentType()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      if (inputs.isEmpty()) {
        throw new Problem(400, "the form has no file: choose one or more files to upload");
      }
    } else {
      byte[] body;
      try (InputStream in = ctx.bodyInputStream()) {
        body = read(in, "the request body");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (body.length == 0) {
        throw new Problem(400, "the request body is empty: send JSON Lines (one article per line) or a file upload");
      }
      inputs.add(new BytesInput("request body", Provenance.Kind.STDIN, body, "application/x-ndjson"));
    }
    return inputs;
  }

  private byte[] read(InputStream in, String name) throws IOException {
    byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxUploadBytes() + 1));
    if (data.length > settings.maxUploadBytes()) {
      throw new Problem(413, name + " is larger than the limit of " + settings.maxUploadBytes() + " bytes");
    }
    return data;
  }

  IngestResult ingest(List<BytesInput> inputs) {
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
    if (!u.matches("(?i)https?://\\S+")) {
      throw new Problem(400, "'" + u + "' is not an http(s) URL of a feed or an article page");
    }
    return ingest(listener -> ingestor.ingest(List.of(u), listener));
  }

  private IngestResult ingest(java.util.function.Function<IngestListener, IngestSummary> run) {
    List<String> articles = new ArrayList<>();
    java.util.Set<String> stories = new java.util.LinkedHashSet<>();
    List<String> rejections = new ArrayList<>();
    IngestSummary s;
    ingestLock.lock();
    try {
      s = run.apply(new IngestListener() {
        @Override
        public void stored(Article article, org.crosscheck.store.PutResult result) {
          articles.add(article.id().value());
        }

        @Override
        public void clustered(Article article, org.crosscheck.cluster.StoryClusterer.Assignment assignment) {
          stories.add(assignment.story().value());
          search.put(article, assignment.story().value());
        }

        @Override
        public void rejected(Rejection rejection) {
          rejections.add(rejection.message());
        }
      });
      search.commit();
    } finally {
      ingestLock.unlock();
    }
    return new IngestResult(s.counts().added(), s.counts().alreadyStored(), s.counts().rejected(), rejections,
        articles, List.copyOf(stories), s.storeError());
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
    static ArticleView of(Article a, @Nullable String story) {
      return new ArticleView(a.id().value(), a.displayOutlet(), a.title(),
          a.published().isKnown() ? a.published().iso() : null, a.url(), story, a.text());
    }
  }
}
