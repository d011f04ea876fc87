package org.crosscheck.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crosscheck.ingest.Rejection;
import org.crosscheck.ingest.WarcFilter;
import org.crosscheck.model.Article;
import org.crosscheck.pipeline.IngestCounts;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.IngestSummary;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import org.crosscheck.store.OutletStore;
import org.crosscheck.store.PutResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crosscheck ingest PATH|URL|- ...}: stores articles from files, directories, feeds, pages, JSONL and web archives. */
@Command(name = "ingest", description = {
    "Store articles from files, directories (recursively), http(s) URLs of pages or feeds, or - (JSONL on stdin).",
    "Formats: plain text, HTML, RSS/Atom, JSON Lines, web archives (WARC, .warc.gz); detected from content and extension.",
    "From web archives (CC-NEWS) only HTML pages served with HTTP 200 are read; other records are skipped and counted.",
    "Re-ingesting the same content stores nothing twice."})
final class IngestCommand implements Callable<Integer> {
  /** Above this many inputs, only rejections and totals are printed unless --verbose. */
  private static final int QUIET_ABOVE_INPUTS = 50;
  /** The longest a stop request (SIGTERM) waits for the current batch to be stored before the JVM exits. */
  private static final Duration STOP_WAIT = Duration.ofMinutes(2);

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin DataOptions data;

  @Parameters(arity = "1..*", paramLabel = "PATH|URL|-", description = "Files, directories, http(s) URLs, or - for JSONL on stdin.")
  List<String> sources;

  @Option(names = "--fetch-full-text", description = "For feed items that carry only a summary, fetch the linked page.")
  boolean fetchFullText;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
      description = "Connect and response timeout for URLs (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Mixin UrlOptions urls;
  @Mixin SendOptions send;

  @Option(names = "--host", paramLabel = "HOST",
      description = "Web archives (WARC): import only pages of this host or its subdomains; repeatable.")
  List<String> hosts = List.of();

  @Option(names = "--from", paramLabel = "DATE",
      description = "Web archives (WARC): import only pages archived (WARC-Date, UTC) on or after this day, e.g. 2016-09-01.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE",
      description = "Web archives (WARC): import only pages archived (WARC-Date, UTC) on or before this day.")
  LocalDate to;

  @Option(names = "--lang", paramLabel = "CODE",
      description = "Web archives (WARC): import only articles in this language (ISO 639-1 code, e.g. en), as detected.")
  String language;

  @Option(names = {"-v", "--verbose"}, description = "Print one line per article, as soon as it is durably stored.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (timeoutSeconds <= 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--timeout must be a positive number of seconds, was " + timeoutSeconds);
    }
    WarcFilter warcFilter;
    try {
      warcFilter = new WarcFilter(hosts, from, to, language);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    // SIGTERM (or Ctrl-C) ends the run after the batch being read: what was read is stored and put
    // in stories, the totals are printed, and the JVM exits only then
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicReference<org.crosscheck.pipeline.Ingestor> running =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread onSignal = new Thread(() -> {
      org.crosscheck.pipeline.Ingestor ingestor = running.get();
      if (ingestor != null) {
        ingestor.stop();
      }
      try {
        done.await(STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "crosscheck-stop");
    Runtime.getRuntime().addShutdownHook(onSignal);
    // sending to the distributed engine stores nothing here: an empty store stands in for the printer's outlet names
    try (Store store = send.sendTo != null ? Store.inMemory() : data.openForWriting()) {
      Printer printer = new Printer(out, err, verbose, store);
      Pipeline.Builder pipeline = Pipeline.builder()
          .fetchFullText(fetchFullText)
          .allowPrivateUrls(urls.allowPrivateUrls)
          .httpTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
          .warcFilter(warcFilter);
      org.crosscheck.pipeline.ArticleSink sink = send.apply(pipeline);
      if (sink == null) {
        pipeline.store(store);
      }
      org.crosscheck.pipeline.Ingestor ingestor = pipeline.buildIngestor();
      running.set(ingestor);
      IngestSummary summary;
      try {
        summary = ingestor.ingest(sources, printer);
      } finally {
        if (sink != null) {
          sink.close();
        }
      }
      printer.bar.clear();
      if (sink != null) {
        IngestCounts c = summary.counts();
        out.printf(Locale.ROOT, "%,d sent to %s, %,d rejected, from %,d %s in %.1f s%n", c.added() + c.notArticles(),
            sink.location(), c.rejected(), summary.inputs(), summary.inputs() == 1 ? "input" : "inputs",
            summary.elapsed().toMillis() / 1000.0);
      } else {
        printTotals(out, summary, store.count());
      }
      if (summary.stopped()) {
        err.println("crosscheck: stopped on request; everything reported as added is stored and in its story;"
            + " run the same command again to ingest the rest (stored articles are skipped)");
      }
      if (summary.storeError() != null) {
        err.println("crosscheck: the store failed and the run stopped: " + summary.storeError());
        err.println("crosscheck: everything reported as added before this is stored; re-run the same command"
            + " once the problem is fixed (already stored articles are skipped)");
        return ExitCode.STORE;
      }
      return summary.counts().rejected() > 0 ? ExitCode.REJECTED : ExitCode.OK;
    } finally {
      out.flush();
      err.flush();
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it returns now that the run is done
      }
    }
  }

  private void printTotals(PrintWriter out, IngestSummary s, long stored) {
    IngestCounts c = s.counts();
    String time = String.format(Locale.ROOT, "%.1f s", s.elapsed().toMillis() / 1000.0);
    out.printf(Locale.ROOT, "%,d added, %,d already stored, %,d rejected, from %,d %s in %s; the store in %s holds %,d articles%n",
        c.added(), c.alreadyStored(), c.rejected(), s.inputs(), s.inputs() == 1 ? "input" : "inputs", time,
        data.location(), stored);
    if (s.skippedTotal() > 0) {
      out.printf(Locale.ROOT, "skipped %,d web archive records: %s%n", s.skippedTotal(), skippedByReason(s));
    }
    if (c.added() > 0) {
      out.printf(Locale.ROOT, "stories: %,d articles joined existing stories, %,d new stories%s%s%n", s.joinedStories(),
          s.newStories(), s.merges() > 0 ? ", " + s.merges() + " stories merged into others" : "",
          s.splits() > 0 ? ", " + s.splits() + " stories split in two" : "");
    }
    if (c.notArticles() > 0) {
      out.printf(Locale.ROOT, "%,d pages stored as not articles (login, paywall, notice or error pages, or almost no"
          + " text), kept out of stories and reports; `articles --not-articles` lists them with the reason%n",
          c.notArticles());
    }
    if (s.recovered() > 0) {
      out.printf(Locale.ROOT, "%,d articles an interrupted earlier run had left outside any story were checked for"
          + " duplicates and put in stories%n", s.recovered());
    }
    if (s.duplicates() > 0) {
      out.printf(Locale.ROOT, "%,d of the added articles copy an earlier article (exact or near-duplicate text);"
          + " they are linked to it%n", s.duplicates());
    }
    if (c.added() == 0 && c.alreadyStored() > 0 && c.rejected() == 0) {
      out.printf(Locale.ROOT, "All %,d articles were already stored; nothing new.%n", c.alreadyStored());
    }
  }

  /** @return {@code request 120, not HTML 31, HTTP status not 200 12}, largest first */
  static String skippedByReason(IngestSummary s) {
    return s.skipped().entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** Prints what happens as it happens. */
  private static final class Printer implements IngestListener {
    final PrintWriter out;
    final PrintWriter err;
    final boolean verbose;
    final ProgressBar bar;
    /** Names the outlets of stored articles. */
    final OutletStore outlets;
    boolean perInput = true;
    long articles;
    Article lastArticle;
    PutResult lastResult;

    Printer(PrintWriter out, PrintWriter err, boolean verbose, OutletStore outlets) {
      this.outlets = outlets;
      this.out = out;
      this.err = err;
      this.verbose = verbose;
      this.bar = new ProgressBar(err, ProgressBar.onTerminal());
    }

    @Override
    public void planned(int inputs, long totalBytes) {
      perInput = verbose || inputs <= QUIET_ABOVE_INPUTS;
      bar.total(totalBytes);
    }

    @Override
    public void stored(Article article, PutResult result) {
      articles++;
      lastArticle = article;
      lastResult = result;
      if (verbose) {
        bar.clear();
        out.println(describe(article, result));
        out.flush();
      }
    }

    @Override
    public void duplicate(Article copy, org.crosscheck.store.SketchStore.DuplicateLink link) {
      if (verbose) {
        bar.clear();
        out.printf(Locale.ROOT, "  %s copies %s (%s, similarity %.2f)%n", copy.id(), link.original(),
            link.exact() ? "same text" : "near-duplicate", link.similarity());
        out.flush();
      }
    }

    @Override
    public void rejected(Rejection rejection) {
      bar.clear();
      err.println("rejected: " + rejection.message());
      err.flush();
    }

    @Override
    public void inputFinished(String input, IngestCounts counts) {
      if (!perInput || verbose || counts.total() == 0) {
        return;
      }
      bar.clear();
      if (counts.total() == 1 && counts.rejected() == 0 && lastArticle != null) {
        out.println(describe(lastArticle, lastResult) + "  <- " + input);
      } else {
        out.printf(Locale.ROOT, "%s: %,d added, %,d already stored, %,d rejected%s%n", input, counts.added(),
            counts.alreadyStored(), counts.rejected(),
            counts.notArticles() > 0 ? String.format(Locale.ROOT, ", %,d not articles", counts.notArticles()) : "");
      }
      out.flush();
    }

    @Override
    public void progress(long bytesRead) {
      bar.update(bytesRead, articles);
    }

    String describe(Article a, PutResult r) {
      String what = switch (r) {
        case PutResult.Added x -> (a.isArticle() ? "added          " : "not article    ") + a.id();
        case PutResult.AlreadyStored x -> "already stored " + x.id();
        case PutResult.IdTaken x -> "id taken       " + a.id();
      };
      return what + "  " + outlets.outlets().name(a) + " | " + a.published().iso() + " | "
          + (a.title() == null ? "(no title)" : Text.abbreviate(a.title(), 70));
    }
  }
}
