package org.crosscheck.pipeline;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.crosscheck.cluster.StoryClusterer;
import org.crosscheck.boilerplate.OutletBoilerplate;
import org.crosscheck.dedup.Deduplicator;
import org.crosscheck.ingest.ArticleImporter;
import org.crosscheck.ingest.Format;
import org.crosscheck.ingest.FormatDetector;
import org.crosscheck.ingest.HttpFetcher;
import org.crosscheck.ingest.Imported;
import org.crosscheck.ingest.IngestException;
import org.crosscheck.ingest.Input;
import org.crosscheck.ingest.NonArticleDetector;
import org.crosscheck.ingest.Rejection;
import org.crosscheck.ingest.StdinInput;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.crosscheck.store.Store;
import org.crosscheck.store.PutResult;
import org.crosscheck.store.SketchStore;
import org.crosscheck.store.StoryStore;
import org.crosscheck.store.StoreException;
import org.jspecify.annotations.Nullable;

/**
 * Gets articles in: resolves paths, directories, URLs and {@code -} to inputs, picks each
 * input's importer, and stores what it yields in batches, reporting every article only after
 * its batch is committed. Bad inputs are rejected with their name and reason and the run goes
 * on; when the store itself fails the run stops, with nothing half-written.
 *
 * <p>An article is stored, checked for duplicates and put in its story in one transaction, so a
 * crash or a kill leaves no stored article outside a story or outside duplicate detection. The
 * first run of an ingestor first finishes articles that an older version left outside any story.
 * {@link #stop()} (the CLI calls it on SIGTERM) ends a run after the batch being read. Built by {@link Pipeline}; one
 * ingest at a time per instance; {@link #stop()} may be called from any thread.
 */
public final class Ingestor {
  private final Store store;
  private final Map<Format, ArticleImporter> importers;
  private final HttpFetcher fetcher;
  private final InputStream stdin;
  private final int batchSize;
  private final Duration flushInterval;
  private final Clock clock;
  private final Stages stages;
  /** Where articles go instead of the store, when they are sent to the distributed engine; else null. */
  private final @Nullable ArticleSink sink;
  private final Deduplicator dedup;
  /** Builds a clusterer that knows the stored stories: at the start, and again when another writer changed them. */
  private final java.util.function.Supplier<StoryClusterer> restoreClusterer;
  /** Read by the reading thread to prepare features; replaced by the store thread only. */
  private volatile @Nullable StoryClusterer clusterer;
  /** Whether a run has looked for articles an older version left outside any story; store thread only. */
  private boolean checkedForUnfinished;
  /** {@link StoryStore#storiesVersion()} as of the clusterer's last look; store thread only. */
  private long knownStoriesVersion;
  private final NonArticleDetector nonArticles;
  private final OutletBoilerplate boilerplate;
  private volatile boolean stopRequested;

  Ingestor(Store store, Stages stages, @Nullable ArticleSink sink, Map<Format, ArticleImporter> importers,
      HttpFetcher fetcher, InputStream stdin, int batchSize, Duration flushInterval, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.sink = sink;
    this.importers = new EnumMap<>(importers);
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.stdin = Objects.requireNonNull(stdin, "stdin");
    this.batchSize = batchSize;
    this.flushInterval = flushInterval;
    this.clock = clock;
    this.stages = stages;
    this.dedup = stages.dedup();
    this.restoreClusterer = stages.restoreClusterer();
    this.nonArticles = stages.nonArticles();
    this.boilerplate = stages.boilerplate();
    // the clusterer is restored from the store when the first run starts (Run.prepareClusterer), not here: a server
    // makes an ingestor for uploads when it starts, and on a large store restoring takes seconds
  }

  /**
   * Restores the clusterer from the stored stories now, unless a run did already, rather than when the
   * first run starts: a server calls it on a background thread once it listens, so that its first upload
   * does not wait for it. Not while a run is under way (the caller keeps runs out meanwhile).
   */
  public void prepare() {
    if (sink == null && clusterer == null) {
      knownStoriesVersion = store.storiesVersion();
      clusterer = restoreClusterer.get();
    }
  }

  /**
   * Fetches a page or feed through the fetcher's URL policy, without storing it, so that a caller
   * can fetch outside any lock it holds around {@link #ingestInputs}.
   *
   * @param url an http(s) URL
   * @return the response body, named by its final URL
   * @throws IngestException when the URL is refused or cannot be fetched; the message says why
   */
  public org.crosscheck.ingest.BytesInput fetch(String url) {
    return fetcher.fetch(url);
  }

  /**
   * Asks the run under way, and any later run, to stop: the articles already read are stored and
   * put in stories as one last batch, and no further input is read. Safe from any thread (a
   * shutdown hook); returns at once.
   */
  public void stop() {
    stopRequested = true;
  }

  /**
   * Ingests every source: a file, a directory (recursively; hidden files are skipped), an http(s)
   * URL of a page or feed, or {@code -} for JSON Lines on standard input.
   *
   * @param sources the sources, in order
   * @param listener hears progress, stored articles and rejections
   * @return what happened
   */
  public IngestSummary ingest(List<String> sources, IngestListener listener) {
    Run run = new Run(listener);
    try {
      List<Input> inputs = new ArrayList<>();
      for (String source : sources) {
        inputs.addAll(Sources.resolve(source, stdin, run::reject));
      }
      return ingest(inputs, run);
    } finally {
      run.finish();
    }
  }

  /**
   * Ingests inputs that are already open-able (bundled samples, uploads), detecting each one's format.
   *
   * @param inputs the inputs, in order
   * @param listener hears progress, stored articles and rejections
   * @return what happened
   */
  public IngestSummary ingestInputs(List<? extends Input> inputs, IngestListener listener) {
    return ingestInputs(inputs, null, listener);
  }

  /**
   * Ingests inputs with a given importer (a feed importer that passes over the items a followed
   * feed gave before), or detecting each one's format when it is null.
   *
   * @param inputs the inputs, in order
   * @param importer reads every input, or null to pick by format
   * @param listener hears progress, stored articles and rejections
   * @return what happened
   */
  public IngestSummary ingestInputs(List<? extends Input> inputs, @Nullable ArticleImporter importer,
      IngestListener listener) {
    Run run = new Run(listener);
    run.importer = importer;
    try {
      return ingest(List.copyOf(inputs), run);
    } finally {
      run.finish();
    }
  }

  private IngestSummary ingest(List<Input> inputs, Run run) {
    long totalBytes = 0;
    for (Input in : inputs) {
      totalBytes += in.size().orElse(0);
    }
    long planned = totalBytes;
    run.submit(() -> run.listener.planned(inputs.size(), planned));
    run.submit(run::prepareClusterer);
    run.submit(run::recover);
    for (Input input : inputs) {
      if (run.storeError != null || stopRequested) {
        break;
      }
      read(input, run);
    }
    run.finish();
    return new IngestSummary(run.total, inputs.size(), run.rejections, run.storeError,
        Duration.ofMillis(clock.millis() - run.started), run.duplicates, run.joined, run.newStories, run.merges,
        run.splits, run.recovered, stopRequested, run.skipped);
  }

  /**
   * Reads one input and hands its articles and rejections to the run. A failure of the input (it
   * cannot be read, is no article, or an importer breaks on it with an unexpected exception or a
   * stack overflow) becomes a rejection of that input, and the run goes on with the next one; the
   * articles of the input handed on before the failure stay. Only a failure of the run itself (the
   * store, the store thread) escapes or stops the run.
   */
  private void read(Input input, Run run) {
    IngestCounts[] before = new IngestCounts[1];
    run.submit(() -> before[0] = run.total);
    String failure = null;
    // what the run threw from inside the sink: passed on as it is, never blamed on the input
    Throwable[] fromRun = new Throwable[1];
    try {
      Input source = input instanceof Sources.UrlInput url ? fetcher.fetch(url.url()) : input;
      Format format = source instanceof StdinInput ? Format.JSONL : FormatDetector.detect(source);
      ArticleImporter importer = run.importer != null ? run.importer : importers.get(format);
      importer.read(counting(source, run), item -> {
        try {
          accept(item, run);
        } catch (RuntimeException | Error e) {
          fromRun[0] = e;
          throw e;
        }
      });
    } catch (StoreStopped e) {
      return;
    } catch (IngestException e) {
      failure = e.getMessage();
    } catch (NoSuchFileException e) {
      failure = "no such file";
    } catch (AccessDeniedException e) {
      failure = "permission denied";
    } catch (FileSystemException e) {
      failure = "cannot read: " + e.getReason();
    } catch (IOException | UncheckedIOException e) {
      failure = "cannot read: " + e.getMessage();
    } catch (StopRequested e) {
      failure = "the run was stopped before the end of this input; the rest was not read (ingest it again:"
          + " what is stored is skipped)";
    } catch (RuntimeException | StackOverflowError e) {
      if (e == fromRun[0]) {
        throw e;
      }
      failure = Rejection.internalError(e);
    }
    try {
      run.flush();
    } catch (StoreStopped e) {
      return;
    }
    if (failure != null) {
      run.reject(new Rejection(input.name(), null, failure));
    }
    run.submit(() -> {
      IngestCounts after = run.total;
      run.listener.inputFinished(input.name(), new IngestCounts(after.added() - before[0].added(),
          after.alreadyStored() - before[0].alreadyStored(), after.rejected() - before[0].rejected(),
          after.notArticles() - before[0].notArticles()));
    });
  }

  private void accept(Imported item, Run run) {
    switch (item) {
      case Imported.Parsed p -> run.add(classified(p.article()));
      case Imported.Rejected r -> {
        run.flush();
        run.reject(r.rejection());
      }
      case Imported.Skipped s -> run.skipped.merge(s.reason(), 1L, Long::sum);
    }
  }

  /** @return the article, marked as not one when the detector says it is a login, paywall, notice or error page */
  private Article classified(Article article) {
    return nonArticles.reason(article).map(article::asNotArticle).orElse(article);
  }

  /** @return the article as duplicate detection and clustering see it: without its outlet's boilerplate lines */
  private Article matching(Article article) {
    return boilerplate.withoutBoilerplate(article);
  }

  private Input counting(Input input, Run run) {
    if (input.kind() != Provenance.Kind.FILE) {
      return input;
    }
    return new Input() {
      @Override
      public String name() {
        return input.name();
      }

      @Override
      public Provenance.Kind kind() {
        return input.kind();
      }

      @Override
      public InputStream open() throws IOException {
        return new FilterInputStream(input.open()) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
              run.bytesRead.incrementAndGet();
            }
            return b;
          }

          @Override
          public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
              run.bytesRead.addAndGet(n);
            }
            return n;
          }
        };
      }

      @Override
      public OptionalLong size() {
        return input.size();
      }

      @Override
      public @Nullable String contentType() {
        return input.contentType();
      }
    };
  }

  /** Thrown through an importer to end the run when the store fails. */
  private static final class StoreStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreStopped() {
      super(null, null, false, false);
    }
  }

  /** Thrown through an importer to end the run after the current batch when {@link #stop()} was called. */
  private static final class StopRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopRequested() {
      super(null, null, false, false);
    }
  }

  /**
   * An article with what duplicate detection and clustering need from it, computed on the reading
   * thread.
   */
  private record Pending(Article article, Deduplicator.@Nullable Prepared sketch,
      StoryClusterer.@Nullable Prepared features, @Nullable StoryClusterer preparedBy,
      OutletBoilerplate.@Nullable Stripped stripped) {}

  /**
   * @param match whether duplicate detection and clustering will see the article
   * @param c the clusterer to prepare features for, or null
   * @return the article with its sketch and features, prepared from its text without its outlet's
   *     boilerplate as known now (and the version of that)
   */
  private Pending pending(Article a, boolean match, @Nullable StoryClusterer c) {
    if (!match) {
      return new Pending(a, null, null, c, null);
    }
    OutletBoilerplate.Stripped m = boilerplate.strip(a);
    return new Pending(a, dedup.prepare(m.article()), c == null ? null : c.prepare(m.article()), c, m);
  }

  /**
   * The state of one ingest run. Two threads share the work: the caller's thread reads inputs,
   * parses articles and prepares their sketches and features; one store thread, fed in order
   * through a short queue, stores batches, runs duplicate detection and clustering, keeps the
   * totals and calls the listener. Every listener call and every change of the totals happens on
   * the store thread, so listeners hear events in order, from one thread.
   */
  private final class Run {
    /** Tasks the reader may be ahead of the store thread by. */
    private static final int QUEUED_TASKS = 2;

    final IngestListener listener;
    /** The search entries of the batch being stored, for a store that does not index its own writes. */
    final SearchUpdates searchUpdates = new SearchUpdates(store);
    /** Reads every input of this run when set (a followed feed's importer); else the importer of the input's format. */
    @Nullable ArticleImporter importer;
    // reader thread
    final List<Article> batch = new ArrayList<>();
    long batchStarted;
    final AtomicLong bytesRead = new AtomicLong();
    /** Items importers passed over on purpose (web archive records), by reason, in the order first seen. */
    final Map<String, Long> skipped = new java.util.LinkedHashMap<>();
    // store thread; read by the caller after finish()
    final List<Rejection> rejections = new ArrayList<>();
    IngestCounts total = new IngestCounts(0, 0, 0);
    long duplicates;
    long joined;
    long newStories;
    long merges;
    long splits;
    long recovered;
    volatile @Nullable String storeError;

    final long started = clock.millis();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "crosscheck-store");
      t.setDaemon(false);
      return t;
    });
    private final Semaphore queued = new Semaphore(QUEUED_TASKS);
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    private boolean finished;

    Run(IngestListener listener) {
      this.listener = listener;
    }

    /** Runs the task on the store thread after the tasks before it; waits while the queue is full. */
    void submit(Runnable task) {
      throwFailure();
      try {
        queued.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("ingest interrupted", e);
      }
      worker.execute(() -> {
        try {
          if (failure.get() == null) {
            task.run();
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        } finally {
          queued.release();
        }
      });
    }

    /** Waits for the store thread to finish every task, then stops it; rethrows what a task threw. */
    void finish() {
      if (!finished) {
        finished = true;
        worker.shutdown();
        boolean interrupted = false;
        while (true) {
          try {
            if (worker.awaitTermination(1, TimeUnit.MINUTES)) {
              break;
            }
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      throwFailure();
    }

    private void throwFailure() {
      Throwable t = failure.get();
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    }

    void add(Article article) {
      if (batch.isEmpty()) {
        batchStarted = clock.millis();
      }
      batch.add(article);
      if (batch.size() >= batchSize || clock.millis() - batchStarted >= flushInterval.toMillis()) {
        flush();
      }
      if (stopRequested) {
        flush();
        throw new StopRequested();
      }
    }

    /**
     * Prepares the pending batch and hands it to the store thread; then stops the run if the store
     * has failed (the store thread reports the batch as not stored).
     */
    void flush() {
      if (!batch.isEmpty()) {
        boolean prepare = storeError == null && sink == null;
        List<Pending> pending = new ArrayList<>(batch.size());
        StoryClusterer c = clusterer;
        for (Article a : batch) {
          pending.add(pending(a, prepare && a.isArticle(), c));
        }
        batch.clear();
        submit(() -> {
          if (sink == null) {
            store(pending);
          } else {
            send(pending);
          }
        });
      }
      if (storeError != null) {
        throw new StoreStopped();
      }
    }

    /**
     * On the store thread: sends a batch to the sink, then tells the listener; when the sink fails,
     * nothing of the batch counts as sent and the run stops.
     */
    private void send(List<Pending> pending) {
      List<Article> articles = pending.stream().map(Pending::article).toList();
      if (storeError != null) {
        notStored(articles, storeError);
        return;
      }
      try {
        Objects.requireNonNull(sink).send(articles);
      } catch (StoreException e) {
        storeError = e.getMessage();
        notStored(articles, e.getMessage());
        return;
      }
      for (Article a : articles) {
        total = total.plus(a.isArticle() ? new IngestCounts(1, 0, 0) : new IngestCounts(0, 0, 0, 1));
        listener.stored(a, new PutResult.Added(a.id()));
      }
      listener.progress(bytesRead.get());
    }

    /**
     * On the store thread: stores a batch, runs duplicate detection and clustering over what was
     * added, all in one transaction, then tells the listener. When the store fails nothing of the
     * batch is stored and the run stops.
     */
    private void store(List<Pending> pending) {
      List<Article> articles = pending.stream().map(Pending::article).toList();
      if (storeError != null) {
        notStored(articles, storeError);
        return;
      }
      List<Runnable> events = new ArrayList<>();
      try {
        store.inTransaction(() -> {
          List<PutResult> results = store.putAll(articles);
          // each new article's outlet name and domain, linked in the registry (a name first seen with a domain
          // becomes an alias of that domain's outlet)
          List<Article> stored = new ArrayList<>();
          for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof PutResult.Added) {
              stored.add(articles.get(i));
            }
          }
          store.register(store.outlets().learn(stored));
          List<Pending> added = new ArrayList<>();
          for (int i = 0; i < pending.size(); i++) {
            Article a = articles.get(i);
            PutResult r = results.get(i);
            switch (r) {
              case PutResult.Added x -> {
                if (a.isArticle()) {
                  added.add(pending.get(i));
                  events.add(() -> total = total.plus(new IngestCounts(1, 0, 0)));
                } else {
                  events.add(() -> {
                    total = total.plus(new IngestCounts(0, 0, 0, 1));
                    searchUpdates.storedOutsideStories(a);
                  });
                }
              }
              case PutResult.AlreadyStored same -> events.add(() -> total = total.plus(new IngestCounts(0, 1, 0)));
              case PutResult.IdTaken taken -> {
                events.add(() -> doReject(new Rejection(a.provenance().location(), a.provenance().locator(),
                    "id '" + taken.id() + "' is already used by a different article")));
                continue;
              }
            }
            events.add(() -> listener.stored(a, r));
          }
          assignStories(added, events, true);
          noteStoriesVersion();
        });
      } catch (StoreException e) {
        forgetRolledBack();
        storeError = e.getMessage();
        notStored(articles, e.getMessage());
        return;
      } catch (RuntimeException | Error e) {
        forgetRolledBack();
        throw e;
      }
      events.forEach(Runnable::run);
      searchUpdates.index();
      listener.progress(bytesRead.get());
    }

    /**
     * After a transaction was rolled back: duplicate detection and the clusterer may remember
     * articles that were never stored, so both are read from the store again before the next
     * transaction.
     */
    private void forgetRolledBack() {
      dedup.reload();
      knownStoriesVersion = Long.MIN_VALUE;
    }


    private void notStored(List<Article> articles, String why) {
      Map<String, Integer> perInput = new java.util.LinkedHashMap<>();
      articles.forEach(a -> perInput.merge(a.provenance().location(), 1, Integer::sum));
      perInput.forEach((location, n) -> doReject(new Rejection(location, null,
          n + (n == 1 ? " article" : " articles") + (sink == null ? " not stored" : " not sent")
          + ", and the run stopped: " + why), n));
    }

    /**
     * On the store thread, before any input is read and outside any transaction: the clusterer,
     * restored from the stored stories when this ingestor has none yet (its first run). Sent
     * articles are matched by the engine that receives them, so a sending ingest needs none.
     */
    void prepareClusterer() {
      prepare();
    }

    /**
     * On the store thread, before any input is read: puts in stories, in the order they were
     * stored, the articles an interrupted run of an older version left outside any story, with
     * duplicate detection first, in batches of one transaction each.
     */
    void recover() {
      if (checkedForUnfinished || sink != null) {
        return;
      }
      checkedForUnfinished = true; // this version leaves nothing unfinished, so once per ingestor is enough
      List<org.crosscheck.model.ArticleId> left;
      try {
        left = store.unassigned();
      } catch (StoreException e) {
        storeError = e.getMessage();
        return;
      }
      for (int from = 0; from < left.size() && storeError == null; from += batchSize) {
        List<Pending> pending = new ArrayList<>();
        for (var id : left.subList(from, Math.min(left.size(), from + batchSize))) {
          store.get(id).ifPresent(a -> pending.add(pending(a, true, null)));
        }
        List<Runnable> events = new ArrayList<>();
        try {
          store.inTransaction(() -> {
            assignStories(pending, events, false); // their lines were counted when they were stored
            noteStoriesVersion();
          });
        } catch (StoreException e) {
          forgetRolledBack();
          storeError = "cannot finish the articles an interrupted run left outside any story: " + e.getMessage();
          return;
        }
        recovered += pending.size();
        listener.recovered(pending.size());
        events.forEach(Runnable::run);
        searchUpdates.index();
      }
    }

    /**
     * Inside the caller's transaction (which holds the store's write lock, so no other writer can
     * change the stories meanwhile): the clusterer, rebuilt from the store when another writer (a
     * server, another ingest) has changed the stories since this run last looked, so that new
     * articles join the stories the other writer made.
     */
    private StoryClusterer currentClusterer() {
      StoryClusterer c = clusterer;
      if (c == null || store.storiesVersion() != knownStoriesVersion) {
        c = restoreClusterer.get();
        clusterer = c;
      }
      return c;
    }

    /** Inside the caller's transaction, after this run's own assignments: what the stories now are. */
    private void noteStoriesVersion() {
      knownStoriesVersion = store.storiesVersion();
    }

    /**
     * Inside the caller's transaction: runs duplicate detection and story assignment over articles
     * just stored, one after the other; a copy joins the story of the article it copies, any other
     * article is clustered. Then, when {@code learn}, counts each article's lines for its outlet's
     * boilerplate, so that the next article is matched without what this one taught: an article
     * prepared on the reading thread before the lines of an earlier one were learned is prepared
     * again, and the stories do not depend on how the input was batched. What the listener should
     * hear is added to {@code events}, to run after the commit.
     */
    private void assignStories(List<Pending> added, List<Runnable> events, boolean learn) {
      if (added.isEmpty()) {
        return;
      }
      StoryClusterer clusterer = currentClusterer();
      for (Pending p : added) {
        assign(current(p, clusterer), clusterer, events);
        if (learn) {
          boilerplate.learn(p.article(), p.stripped());
        }
      }
    }

    /**
     * @return the pending article as prepared, or prepared again when lines of its outlet were
     *     learned since (from articles stored before it)
     */
    private Pending current(Pending p, StoryClusterer clusterer) {
      if (p.stripped() == null || !boilerplate.stale(p.article(), p.stripped())) {
        return p;
      }
      return pending(p.article(), true, clusterer);
    }

    /** Checks one article for copies and puts it in a story. */
    private void assign(Pending p, StoryClusterer clusterer, List<Runnable> events) {
      Article a = p.article();
      StoryClusterer.Prepared features = p.preparedBy() == clusterer ? Objects.requireNonNull(p.features())
          : clusterer.prepare(matching(a));
      Stages.Matched matched = stages.match(a, Objects.requireNonNull(p.sketch()), features, clusterer, store);
      matched.link().ifPresent(l -> events.add(() -> {
        duplicates++;
        listener.duplicate(a, l);
      }));
      StoryClusterer.Assignment assignment = matched.assignment();
      events.add(() -> {
        if (assignment.newStory()) {
          newStories++;
        } else {
          joined++;
        }
        merges += assignment.merged().size();
        splits += assignment.splits().size();
        searchUpdates.clustered(a, assignment);
        listener.clustered(a, assignment);
      });
    }

    void reject(Rejection rejection) {
      submit(() -> doReject(rejection));
    }

    private void doReject(Rejection rejection) {
      doReject(rejection, 1);
    }

    /** Records a rejection that stands for {@code items} articles or inputs. */
    private void doReject(Rejection rejection, int items) {
      rejections.add(rejection);
      total = total.plus(new IngestCounts(0, 0, items));
      listener.rejected(rejection);
    }
  }
}
