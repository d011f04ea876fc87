package org.crosscheck.pipeline;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crosscheck.analysis.CachingAnalyzer;
import org.crosscheck.analysis.CoreNlpAnalyzer;
import org.crosscheck.analysis.Models;
import org.crosscheck.cluster.OnlineStoryClusterer;
import org.crosscheck.cluster.StoryClusterer;
import org.crosscheck.compare.ClaimAligner;
import org.crosscheck.compare.SentenceEmbedder;
import org.crosscheck.dedup.MinHashDeduplicator;
import org.crosscheck.follow.FollowSettings;
import org.crosscheck.follow.Following;
import org.crosscheck.follow.ItemSink;
import org.crosscheck.boilerplate.OutletBoilerplate;
import org.crosscheck.ingest.ArticleImporter;
import org.crosscheck.ingest.FeedArticleImporter;
import org.crosscheck.ingest.Format;
import org.crosscheck.ingest.HtmlArticleImporter;
import org.crosscheck.ingest.HttpFetcher;
import org.crosscheck.ingest.JsonlArticleImporter;
import org.crosscheck.ingest.Limits;
import org.crosscheck.ingest.NonArticleDetector;
import org.crosscheck.ingest.TextArticleImporter;
import org.crosscheck.ingest.UrlPolicy;
import org.crosscheck.ingest.WarcArticleImporter;
import org.crosscheck.ingest.WarcFilter;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.store.FollowStore;
import org.crosscheck.store.Store;
import org.jspecify.annotations.Nullable;

/**
 * The one place where Crosscheck's stages are wired: importers per format, the HTTP fetcher, the
 * store, the ingest (non-article detection, boilerplate, duplicates, story assignment), the follower
 * of sources that feeds new items to the same ingest, the language analysis and the reporter, with
 * the language models passed in. Adapters (CLI, web) and engines build what they need here and
 * never assemble stages themselves.
 */
public final class Pipeline {
  /**
   * Articles whose stories are replayed into the clusterer when a store is opened: the most
   * recently assigned. Older stories stay in the store; the clusterer would have set them aside.
   */
  static final int REPLAYED_ARTICLES = 50_000;

  private Pipeline() {}

  /**
   * @return a builder with the defaults: no full-text fetching, only URLs on public addresses, 20 s
   *     HTTP timeout, 60 s for a whole fetch, batches of 500 or 250 ms
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Ingestor}; checks its settings as they are given. Not thread-safe. */
  public static final class Builder {
    private @Nullable Store store;
    private boolean fetchFullText;
    private Duration httpTimeout = Duration.ofSeconds(20);
    private @Nullable Duration httpDeadline;
    private boolean allowPrivateUrls;
    private InputStream stdin = System.in;
    private int batchSize = 500;
    private Duration flushInterval = Duration.ofMillis(250);
    private Clock clock = Clock.systemUTC();
    private WarcFilter warcFilter = WarcFilter.NONE;
    private FollowSettings followSettings = FollowSettings.defaults();
    private @Nullable Map<Format, ArticleImporter> importers;
    private @Nullable Models models;
    private @Nullable ArticleSink sink;

    private Builder() {}

    /** @param store where articles are stored; required */
    public Builder store(Store store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** @param fetch whether summary-only feed items get their linked page fetched for the full text */
    public Builder fetchFullText(boolean fetch) {
      this.fetchFullText = fetch;
      return this;
    }

    /** @param timeout connect and response timeout for URLs; positive */
    public Builder httpTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("HTTP timeout must be positive, was " + timeout);
      }
      this.httpTimeout = timeout;
      return this;
    }

    /**
     * @param deadline the longest one URL fetch may take, redirects and body included; positive.
     *     Default: {@link HttpFetcher#DEFAULT_DEADLINE}, or the HTTP timeout when that is longer
     */
    public Builder httpDeadline(Duration deadline) {
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("HTTP deadline must be positive, was " + deadline);
      }
      this.httpDeadline = deadline;
      return this;
    }

    /**
     * @param allow whether URLs on loopback, private, link-local and other non-public addresses are
     *     fetched (intranet use); default false, see {@link UrlPolicy}
     */
    public Builder allowPrivateUrls(boolean allow) {
      this.allowPrivateUrls = allow;
      return this;
    }

    /** @param in what {@code -} reads */
    public Builder stdin(InputStream in) {
      this.stdin = Objects.requireNonNull(in, "in");
      return this;
    }

    /** @param size the most articles committed in one transaction; at least 1 */
    public Builder batchSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("batch size must be at least 1, was " + size);
      }
      this.batchSize = size;
      return this;
    }

    /** @param interval the longest an article waits in a batch before its commit; not negative */
    public Builder flushInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("flush interval must not be negative, was " + interval);
      }
      this.flushInterval = interval;
      return this;
    }

    /** @param filter which pages of web archives (WARC) to import; default: all */
    public Builder warcFilter(WarcFilter filter) {
      this.warcFilter = Objects.requireNonNull(filter, "filter");
      return this;
    }

    /** @param settings how followed sources are polled (politeness, schedule, full text); default: the defaults */
    public Builder followSettings(FollowSettings settings) {
      this.followSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** @param clock the clock that times batches and runs */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @return the ingestor
     * @throws IllegalStateException when no store was given
     */
    public Ingestor buildIngestor() {
      // a sending ingest stores nothing; an empty store stands in where one is named and never written
      Store s = sink != null && store == null ? Store.inMemory() : requireStore();
      // the one fetcher for URL inputs and for the full text of feed items, so both follow the same policy
      HttpFetcher fetcher = fetcher();
      Map<Format, ArticleImporter> byFormat = importers != null ? importers : importers(fetcher);
      return new Ingestor(s, buildStages(s), sink, byFormat, fetcher, stdin, batchSize, flushInterval, clock);
    }

    /**
     * @return the stages of ingest over the store (non-article detection, boilerplate, duplicates,
     *     story assignment), as {@link #buildIngestor()} runs them; the distributed engine runs the same
     * @throws IllegalStateException when no store was given
     */
    public Stages buildStages() {
      return buildStages(requireStore());
    }

    private Stages buildStages(Store s) {
      // outlets' recurring lines are kept out of duplicate detection and clustering
      OutletBoilerplate boilerplate = new OutletBoilerplate(s);
      return new Stages(new NonArticleDetector(), boilerplate, new MinHashDeduplicator(s),
          () -> restoredClusterer(s, boilerplate));
    }

    /** @return an importer per input format, those that fetch going through the given fetcher */
    private Map<Format, ArticleImporter> importers(HttpFetcher fetcher) {
      HtmlArticleImporter html = new HtmlArticleImporter();
      Map<Format, ArticleImporter> out = new EnumMap<>(Format.class);
      out.put(Format.TEXT, new TextArticleImporter());
      out.put(Format.JSONL, new JsonlArticleImporter());
      out.put(Format.HTML, html);
      out.put(Format.FEED, new FeedArticleImporter(fetchFullText, fetcher, html));
      out.put(Format.WARC, new WarcArticleImporter(html, warcFilter));
      return out;
    }

    /**
     * Makes ingest send the articles it reads to a sink (the distributed engine's topic) instead of
     * storing them; the store, when one is given, is still what followed sources are kept in.
     *
     * @param destination where articles go
     */
    public Builder sendTo(ArticleSink destination) {
      this.sink = Objects.requireNonNull(destination, "destination");
      return this;
    }

    /**
     * @param loaded the language models the analyzer and the reporter run; default: {@link
     *     Models#standard()}, made for this builder and loaded on first use. Pass one {@code Models}
     *     to every builder of a process so that they are loaded once.
     */
    public Builder models(Models loaded) {
      this.models = Objects.requireNonNull(loaded, "models");
      return this;
    }

    /**
     * @return the language analysis (CoreNLP) of stored articles, each analysed once: kept in the
     *     store under the analyzer's version
     * @throws IllegalStateException when no store was given
     */
    public CachingAnalyzer buildAnalyzer() {
      return new CachingAnalyzer(new CoreNlpAnalyzer(models()), CoreNlpAnalyzer.VERSION, requireStore());
    }

    /**
     * @return what builds stories' reports (kept in the store until their story changes), over the
     *     analyzer {@link #buildAnalyzer()} builds and claims aligned with sentence embeddings
     * @throws IllegalStateException when no store was given
     */
    public ReportBuilder buildReporter() {
      return new ReportBuilder(buildAnalyzer(), new ClaimAligner(new SentenceEmbedder(models())));
    }

    private Models models() {
      if (models == null) {
        models = Models.standard();
      }
      return models;
    }

    private Store requireStore() {
      if (store == null) {
        throw new IllegalStateException("a store is required: call store(...) first");
      }
      return store;
    }

    /**
     * Replaces the importers (tests give importers that fail on purpose).
     *
     * @param byFormat the importer of each format that may be read
     */
    Builder importers(Map<Format, ArticleImporter> byFormat) {
      this.importers = new EnumMap<>(byFormat);
      return this;
    }

    /**
     * Builds what follows sources: the followed list in the store, and a watcher whose new items go
     * through an ingestor built as {@link #buildIngestor()} builds one, fetched by the same URL
     * policy, politely ({@link FollowSettings}).
     *
     * @param listener hears what the ingest of new items stores and rejects
     * @return the followed sources of the store
     * @throws IllegalStateException when no store was given
     */
    public Following buildFollowing(IngestListener listener) {
      Objects.requireNonNull(listener, "listener");
      Ingestor ingestor = buildIngestor();
      FollowStore follows = Objects.requireNonNull(store);
      ItemSink sink = (inputs, importer) -> {
        IngestSummary s = ingestor.ingestInputs(inputs, importer, listener);
        return new ItemSink.Ingested(s.counts().added(), s.counts().alreadyStored(), s.counts().rejected(),
            s.rejections().stream().map(r -> r.message()).toList(), s.storeError());
      };
      return new Following(follows, fetcher(), sink, new HtmlArticleImporter(), followSettings, clock);
    }

    /** The wait before a failed webhook delivery's first retry; each next retry waits twice as long. */
    public static final Duration WEBHOOK_BACKOFF = Duration.ofSeconds(30);
    /** Attempts of a webhook delivery before it is given up (the last about an hour after the first). */
    public static final int WEBHOOK_ATTEMPTS = 8;

    private Duration webhookBackoff = WEBHOOK_BACKOFF;

    /**
     * @param backoff the wait before a failed webhook delivery's first retry (default {@link #WEBHOOK_BACKOFF})
     * @return this
     */
    public Builder webhookBackoff(Duration backoff) {
      if (backoff.isNegative()) {
        throw new IllegalArgumentException("the backoff cannot be negative, was " + backoff);
      }
      this.webhookBackoff = backoff;
      return this;
    }

    /**
     * @return alerts: the checker over the store's watches and the reporter {@link #buildReporter()} builds, and
     *     webhook deliveries fetched by the same URL policy as every other URL
     * @throws IllegalStateException when no store was given
     */
    public org.crosscheck.alert.Alerting buildAlerting() {
      Store s = requireStore();
      HttpFetcher fetcher = fetcher();
      return new org.crosscheck.alert.Alerting(s, new org.crosscheck.alert.AlertChecker(s, buildReporter(), clock),
          new org.crosscheck.alert.WebhookDelivery(s, fetcher, clock, webhookBackoff, WEBHOOK_ATTEMPTS),
          fetcher.policy());
    }

    private HttpFetcher fetcher() {
      Duration deadline = httpDeadline != null ? httpDeadline
          : httpTimeout.compareTo(HttpFetcher.DEFAULT_DEADLINE) > 0 ? httpTimeout : HttpFetcher.DEFAULT_DEADLINE;
      return new HttpFetcher(httpTimeout, deadline, Limits.MAX_DOCUMENT_BYTES, UrlPolicy.of(allowPrivateUrls));
    }

    /**
     * @return a clusterer that knows the stories of the most recently assigned articles (at most
     *     {@link #REPLAYED_ARTICLES}), so that new articles can join them
     */
    private static StoryClusterer restoredClusterer(Store store, OutletBoilerplate boilerplate) {
      OnlineStoryClusterer clusterer = new OnlineStoryClusterer(store);
      var all = new java.util.ArrayList<>(store.allAssignments().entrySet());
      var replayed = all.subList(Math.max(0, all.size() - REPLAYED_ARTICLES), all.size());
      // articles are read, and their outlets' boilerplate taken out, on this thread (which may hold the store's
      // lock, inside a transaction); prepared in parallel chunks (thread-safe, no store); then added in order
      int chunk = 1000;
      for (int from = 0; from < replayed.size(); from += chunk) {
        var part = replayed.subList(from, Math.min(replayed.size(), from + chunk));
        List<java.util.Optional<org.crosscheck.model.Article>> read = part.stream().map(e -> store.get(e.getKey())
            .map(boilerplate::withoutBoilerplate)).toList();
        List<StoryClusterer.Prepared> prepared = read.parallelStream()
            .map(a -> a.map(clusterer::prepare).orElse(null))
            .toList();
        for (int i = 0; i < part.size(); i++) {
          if (prepared.get(i) != null) {
            clusterer.add(prepared.get(i), part.get(i).getValue());
          }
        }
      }
      return clusterer;
    }
  }
}
