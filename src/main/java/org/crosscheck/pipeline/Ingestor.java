package org.crosscheck.pipeline;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.crosscheck.cluster.StoryClusterer;
import org.crosscheck.dedup.Deduplicator;
import org.crosscheck.ingest.ArticleImporter;
import org.crosscheck.ingest.Format;
import org.crosscheck.ingest.FormatDetector;
import org.crosscheck.ingest.HttpFetcher;
import org.crosscheck.ingest.Imported;
import org.crosscheck.ingest.IngestException;
import org.crosscheck.ingest.Input;
import org.crosscheck.ingest.FileInput;
import org.crosscheck.ingest.Rejection;
import org.crosscheck.ingest.StdinInput;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.crosscheck.store.ArticleStore;
import org.crosscheck.store.PutResult;
import org.crosscheck.store.SketchStore;
import org.crosscheck.store.SketchStore.DuplicateLink;
import org.crosscheck.store.StoryStore;
import org.crosscheck.model.StoryId;
import java.util.Optional;
import org.crosscheck.store.StoreException;
import org.jspecify.annotations.Nullable;

/**
 * Gets articles in: resolves paths, directories, URLs and {@code -} to inputs, picks each
 * input's importer, and stores what it yields in batches, reporting every article only after
 * its batch is committed. Bad inputs are rejected with their name and reason and the run goes
 * on; when the store itself fails the run stops, with nothing half-written. Built by {@link
 * Pipeline}; one ingest at a time per instance.
 */
public final class Ingestor {
  private final ArticleStore store;
  private final Map<Format, ArticleImporter> importers;
  private final HttpFetcher fetcher;
  private final InputStream stdin;
  private final int batchSize;
  private final Duration flushInterval;
  private final Clock clock;
  private final @Nullable Deduplicator dedup;
  private final @Nullable SketchStore sketches;
  private final @Nullable StoryClusterer clusterer;
  private final @Nullable StoryStore stories;

  Ingestor(ArticleStore store, Map<Format, ArticleImporter> importers, HttpFetcher fetcher, InputStream stdin,
      int batchSize, Duration flushInterval, Clock clock, @Nullable Deduplicator dedup,
      @Nullable SketchStore sketches, @Nullable StoryClusterer clusterer, @Nullable StoryStore stories) {
    this.store = Objects.requireNonNull(store, "store");
    this.importers = new EnumMap<>(importers);
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.stdin = Objects.requireNonNull(stdin, "stdin");
    this.batchSize = batchSize;
    this.flushInterval = flushInterval;
    this.clock = clock;
    this.dedup = dedup;
    this.sketches = sketches;
    this.clusterer = clusterer;
    this.stories = stories;
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
    List<Input> inputs = new ArrayList<>();
    for (String source : sources) {
      inputs.addAll(resolve(source, run));
    }
    return ingest(inputs, run);
  }

  /**
   * Ingests inputs that are already open-able (bundled samples, uploads), detecting each one's format.
   *
   * @param inputs the inputs, in order
   * @param listener hears progress, stored articles and rejections
   * @return what happened
   */
  public IngestSummary ingestInputs(List<? extends Input> inputs, IngestListener listener) {
    return ingest(List.copyOf(inputs), new Run(listener));
  }

  private IngestSummary ingest(List<Input> inputs, Run run) {
    long totalBytes = 0;
    for (Input in : inputs) {
      totalBytes += in.size().orElse(0);
    }
    run.listener.planned(inputs.size(), totalBytes);
    for (Input input : inputs) {
      if (run.storeError != null) {
        break;
      }
      read(input, run);
    }
    return new IngestSummary(run.total, inputs.size(), run.rejections, run.storeError,
        Duration.ofMillis(clock.millis() - run.started), run.duplicates, run.joined, run.newStories, run.merges);
  }

  private List<Input> resolve(String source, Run run) {
    if (source.equals("-")) {
      return List.of(new StdinInput(stdin));
    }
    if (source.startsWith("http://") || source.startsWith("https://")) {
      return List.of(new UrlInput(source));
    }
    Path path = Path.of(source);
    if (!Files.exists(path)) {
      run.reject(new Rejection(source, null, "no such file or directory"));
      return List.of();
    }
    if (!Files.isDirectory(path)) {
      return List.of(new FileInput(path));
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(p -> !isHidden(path, p))
          .filter(Files::isRegularFile)
          .sorted()
          .<Input>map(FileInput::new)
          .toList();
    } catch (IOException | UncheckedIOException e) {
      run.reject(new Rejection(source, null, "cannot list the directory: " + e.getMessage()));
      return List.of();
    }
  }

  private static boolean isHidden(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private void read(Input input, Run run) {
    IngestCounts before = run.total;
    String failure = null;
    try {
      Input source = input instanceof UrlInput url ? fetcher.fetch(url.url) : input;
      Format format = source instanceof StdinInput ? Format.JSONL : FormatDetector.detect(source);
      ArticleImporter importer = importers.get(format);
      importer.read(counting(source, run), item -> accept(item, run));
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
    } catch (StoreStopped e) {
      return;
    }
    try {
      run.flush();
    } catch (StoreStopped e) {
      return;
    }
    if (failure != null) {
      run.reject(new Rejection(input.name(), null, failure));
    }
    IngestCounts after = run.total;
    run.listener.inputFinished(input.name(), new IngestCounts(after.added() - before.added(),
        after.alreadyStored() - before.alreadyStored(), after.rejected() - before.rejected()));
  }

  private void accept(Imported item, Run run) {
    switch (item) {
      case Imported.Parsed p -> run.add(p.article());
      case Imported.Rejected r -> {
        run.flush();
        run.reject(r.rejection());
      }
    }
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

  /** A URL to fetch when its turn comes. */
  private record UrlInput(String url) implements Input {
    @Override
    public String name() {
      return url;
    }

    @Override
    public Provenance.Kind kind() {
      return Provenance.Kind.URL;
    }

    @Override
    public InputStream open() {
      throw new IllegalStateException("fetch " + url + " first");
    }

    @Override
    public OptionalLong size() {
      return OptionalLong.empty();
    }

    @Override
    public @Nullable String contentType() {
      return null;
    }
  }

  /** Thrown through an importer to end the run when the store fails. */
  private static final class StoreStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreStopped() {
      super(null, null, false, false);
    }
  }

  /** The state of one ingest run: the pending batch and the running totals. */
  private final class Run {
    final IngestListener listener;
    final List<Article> batch = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final AtomicLong bytesRead = new AtomicLong();
    IngestCounts total = new IngestCounts(0, 0, 0);
    long duplicates;
    long joined;
    long newStories;
    long merges;
    long batchStarted;
    @Nullable String storeError;

    final long started = clock.millis();

    Run(IngestListener listener) {
      this.listener = listener;
    }

    void add(Article article) {
      if (batch.isEmpty()) {
        batchStarted = clock.millis();
      }
      batch.add(article);
      if (batch.size() >= batchSize || clock.millis() - batchStarted >= flushInterval.toMillis()) {
        flush();
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      List<Article> pending = List.copyOf(batch);
      batch.clear();
      List<PutResult> results;
      try {
        results = store.putAll(pending);
      } catch (StoreException e) {
        storeError = e.getMessage();
        Map<String, Integer> perInput = new java.util.LinkedHashMap<>();
        pending.forEach(a -> perInput.merge(a.provenance().location(), 1, Integer::sum));
        perInput.forEach((location, n) -> {
          rejections.add(new Rejection(location, null, n + (n == 1 ? " article" : " articles")
              + " not stored, and the run stopped: " + e.getMessage()));
          total = total.plus(new IngestCounts(0, 0, n));
          listener.rejected(rejections.getLast());
        });
        throw new StoreStopped();
      }
      List<Article> added = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        Article a = pending.get(i);
        PutResult r = results.get(i);
        switch (r) {
          case PutResult.Added x -> {
            total = total.plus(new IngestCounts(1, 0, 0));
            added.add(a);
          }
          case PutResult.AlreadyStored same -> total = total.plus(new IngestCounts(0, 1, 0));
          case PutResult.IdTaken taken -> {
            reject(new Rejection(a.provenance().location(), a.provenance().locator(),
                "id '" + taken.id() + "' is already used by a different article"));
            continue;
          }
        }
        listener.stored(a, r);
      }
      afterStore(added);
      listener.progress(bytesRead.get());
    }

    /**
     * Runs duplicate detection and story assignment over the articles just stored, in one
     * transaction: a copy joins the story of the article it copies, any other article is
     * clustered.
     */
    private void afterStore(List<Article> added) {
      if (dedup == null || sketches == null || added.isEmpty()) {
        return;
      }
      List<Runnable> events = new ArrayList<>();
      try {
        sketches.inTransaction(() -> {
          for (Article a : added) {
            Optional<DuplicateLink> link = dedup.check(a);
            link.ifPresent(l -> events.add(() -> {
              duplicates++;
              listener.duplicate(a, l);
            }));
            if (clusterer == null || stories == null) {
              continue;
            }
            Optional<StoryId> ofOriginal = link.flatMap(l -> stories.storyOf(l.original()));
            StoryClusterer.Assignment assignment;
            if (ofOriginal.isPresent()) {
              clusterer.add(a, ofOriginal.get());
              assignment = new StoryClusterer.Assignment(ofOriginal.get(), false, List.of());
            } else {
              assignment = clusterer.assign(a);
            }
            stories.assign(a.id(), assignment.story());
            events.add(() -> {
              if (assignment.newStory()) {
                newStories++;
              } else {
                joined++;
              }
              merges += assignment.merged().size();
              listener.clustered(a, assignment);
            });
          }
        });
      } catch (StoreException e) {
        storeError = "duplicate detection and story assignment failed: " + e.getMessage();
        throw new StoreStopped();
      }
      events.forEach(Runnable::run);
    }

    void reject(Rejection rejection) {
      rejections.add(rejection);
      total = total.plus(new IngestCounts(0, 0, 1));
      listener.rejected(rejection);
    }
  }
}
