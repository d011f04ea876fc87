package org.crosscheck.store;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.crosscheck.model.ArticleId;
import org.crosscheck.store.SearchStore.Entry;
import org.crosscheck.store.SearchStore.Hit;
import org.jspecify.annotations.Nullable;

/**
 * The search entries of the embedded store: a Lucene index in a folder of the data directory
 * ({@code search/}), kept up to date by whichever process writes the store.
 *
 * <p>Several processes share it. A writer opens Lucene's {@link IndexWriter} only for one write
 * (after each committed store transaction, or for entries given to {@link #index}), waiting for
 * another process's writer up to a bound, and closes it at once, so a server and an
 * {@code ingest} take turns. Every commit records in its user data how far the store's changes go
 * ({@link SearchSource.Mark}) and the index's {@link #VERSION}; a writer indexes whatever the store
 * committed beyond the last recorded mark, its own changes and any another process committed but
 * did not index (it was killed between the two commits), so no entry is lost. Readers search the
 * last commit, refreshed before each search (cheap when nothing changed), so a server finds what
 * another process ingested. An index that is missing, unreadable or of another version is rebuilt
 * from the store, once, and said so on the log stream. Thread-safe.
 */
final class DiskSearch implements SearchIndex {
  /** The index's shape: change it when the documents change, and every index is rebuilt once. */
  static final String VERSION = "1";
  /** Articles read from the store per step of a catch-up or rebuild. */
  private static final int PAGE = 1000;
  private static final java.util.logging.Logger VECTOR_NOTE = LuceneSearch.VECTOR_NOTE;

  private final Path folder;
  private final SearchSource source;
  private final Duration lockWait;
  private final PrintStream log;
  private final StandardAnalyzer analyzer = new StandardAnalyzer();
  private final Directory directory;
  private final SearcherManager searchers;
  /** How far this process last saw the index go: a write that finds the store no further needs no writer. */
  private volatile SearchSource.Mark known = SearchSource.Mark.ZERO;
  /** Whether the index's last commit has been checked (exists, readable, this version). */
  private boolean checked;
  /** Why the index could not be read when the last writer was opened, or {@code null}. */
  private @Nullable String unreadable;

  /**
   * Opens the index in a folder, creating, rebuilding or catching it up first as needed.
   *
   * @param folder the index's folder (created when missing)
   * @param source the store it indexes
   * @param lockWait how long a write waits for another process's writer
   * @param log where a rebuild is announced
   * @throws StoreException naming the folder when it cannot be opened or written
   */
  DiskSearch(Path folder, SearchSource source, Duration lockWait, PrintStream log) {
    this.folder = folder;
    this.source = source;
    this.lockWait = lockWait;
    this.log = log;
    try {
      directory = FSDirectory.open(folder);
    } catch (IOException e) {
      throw new StoreException("cannot open the search index in " + folder + ": " + e.getMessage(), e);
    }
    try {
      catchUp();
      searchers = new SearcherManager(directory, null);
    } catch (IOException e) {
      closeQuietly();
      throw new StoreException("cannot open the search index in " + folder + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  @Override
  public void index(List<Entry> entries) {
    write(w -> {
      for (Entry e : entries) {
        w.updateDocument(new Term("id", e.id()), LuceneSearch.document(e, null));
      }
    }, "index " + entries.size() + " search entries");
  }

  @Override
  public void indexReport(String story, List<Entry> entries) {
    write(w -> {
      w.deleteDocuments(new Term("reportOf", story));
      for (Entry e : entries) {
        w.addDocument(LuceneSearch.document(e, story));
      }
    }, "index the report of " + story);
  }

  @Override
  public Map<String, List<Hit>> search(String query, int limit) {
    pending = true; // what this process or another committed is found at once
    catchUpNow();
    return LuceneSearch.search(searchers, analyzer, query, limit);
  }

  /** How long a write waits for more before the index catches up with the store: one index commit for a run of writes. */
  static final Duration DEFER = Duration.ofMillis(500);
  /** Whether a catch-up was asked for and has not run. */
  private volatile boolean pending;
  /** Runs the deferred catch-ups; made on first use. */
  private java.util.concurrent.@Nullable ScheduledExecutorService timer;

  @Override
  public void catchUpSoon() {
    synchronized (this) {
      if (pending) {
        return;
      }
      pending = true;
      if (timer == null) {
        timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
            .name("search-index").unstarted(r));
      }
      timer.schedule(this::catchUpNow, DEFER.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
  }

  /** Catches up if asked to; a failure is reported and left to the next write or the next opener. */
  private void catchUpNow() {
    try {
      synchronized (this) {
        if (!pending) {
          return;
        }
        pending = false;
        catchUp();
      }
    } catch (RuntimeException e) {
      log.println("The search index in " + folder + " was not updated (" + e.getMessage() + "); the next write or the"
          + " next start catches up.");
    }
  }

  @Override
  public void flush() {
    java.util.concurrent.ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.shutdownNow();
    }
    catchUpNow();
  }

  /**
   * Indexes what the store committed beyond the index's last mark; nothing, without taking the
   * index's lock, when the store has not changed since this process last looked. Rebuilds an index
   * that is missing, unreadable or of another version.
   *
   * @throws StoreException when the index cannot be written (the next write or the next opener catches up)
   */
  @Override
  public synchronized void catchUp() {
    if (!checked) {
      checked = true;
      SearchSource.Mark indexed = lastCommit();
      if (indexed == null) {
        write(null, "build"); // missing, unreadable or of another version: the write rebuilds it
        return;
      }
      known = indexed;
    }
    SearchSource.Mark now = source.committed();
    if (now != null && !known.covers(now)) {
      write(null, "catch up with the store");
    }
  }

  /** @return the mark of the index's last commit, or {@code null} when there is none, it cannot be read or is of another version */
  private SearchSource.@Nullable Mark lastCommit() {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return null;
      }
      Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
      return VERSION.equals(SearchSource.Mark.version(data)) ? SearchSource.Mark.of(data) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Some changes to make with the writer. */
  @FunctionalInterface
  private interface Changes {
    void apply(IndexWriter writer) throws IOException;
  }

  /**
   * Opens the writer (waiting for another process's), indexes what the store committed beyond the
   * last commit's mark, makes the changes, commits with the new mark and closes the writer.
   */
  private synchronized void write(@Nullable Changes changes, String what) {
    unreadable = null;
    try (IndexWriter w = openWriter()) {
      Map<String, String> data = userData(w);
      SearchSource.Mark from = SearchSource.Mark.of(data);
      String version = SearchSource.Mark.version(data);
      if (!VERSION.equals(version)) {
        long n = source.count();
        if (n > 0) {
          log.println("The search index in " + folder + (unreadable != null ? " cannot be read (" + unreadable + ")"
              : version == null ? " is missing" : " was written by another version (" + version + ", this one writes "
              + VERSION + ")") + ": rebuilding it from the " + n + " stored articles.");
        }
        w.deleteAll();
        from = SearchSource.Mark.ZERO;
      }
      SearchSource.Mark to = from;
      SearchSource.Mark now = source.committed();
      boolean behind = now != null && !from.covers(now);
      if (behind) {
        to = from.max(now);
        indexBetween(w, from, to);
      }
      if (changes != null) {
        changes.apply(w);
      }
      if (changes != null || behind || !VERSION.equals(version)) {
        w.setLiveCommitData(to.userData(VERSION).entrySet());
        w.commit();
      }
      known = to;
    } catch (IOException e) {
      throw new StoreException("cannot " + what + " in the search index in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Indexes the articles stored after {@code from} and those whose story changed since, up to {@code to}. */
  private void indexBetween(IndexWriter w, SearchSource.Mark from, SearchSource.Mark to) throws IOException {
    for (long after = from.articles(); after < to.articles(); ) {
      List<SearchSource.Sequenced> page = source.articlesBetween(after, to.articles(), PAGE);
      if (page.isEmpty()) {
        break;
      }
      for (SearchSource.Sequenced n : page) {
        w.updateDocument(new Term("id", n.entry().id()), LuceneSearch.document(n.entry(), null));
      }
      after = page.get(page.size() - 1).sequence();
    }
    List<ArticleId> moved = source.movedBetween(from, to);
    for (int i = 0; i < moved.size(); i += PAGE) {
      for (Entry e : source.entries(moved.subList(i, Math.min(moved.size(), i + PAGE)))) {
        w.updateDocument(new Term("id", e.id()), LuceneSearch.document(e, null));
      }
    }
  }

  private static Map<String, String> userData(IndexWriter w) {
    Map<String, String> out = new java.util.HashMap<>();
    Iterable<Map.Entry<String, String>> live = w.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  /**
   * @return a writer on the index, after waiting for another process's to close; a new index when
   *     there is none or it cannot be read
   */
  private IndexWriter openWriter() throws IOException {
    long deadline = System.nanoTime() + lockWait.toNanos();
    long pause = 5;
    while (true) {
      try {
        try {
          return new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (LockObtainFailedException e) {
          throw e;
        } catch (IOException | RuntimeException e) {
          unreadable = e.toString();
          for (String file : directory.listAll()) { // an unreadable index: replaced by the rebuild
            if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
              directory.deleteFile(file);
            }
          }
          return new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
        }
      } catch (LockObtainFailedException e) {
        if (System.nanoTime() > deadline) {
          throw new StoreException("another process kept the search index in " + folder + " locked for more than "
              + lockWait.toSeconds() + " s (" + e.getMessage() + ")", e);
        }
        try {
          Thread.sleep(pause);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new StoreException("interrupted while waiting for the search index in " + folder, ie);
        }
        pause = Math.min(100, pause * 2);
      }
    }
  }

  private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
    return new IndexWriterConfig(analyzer).setOpenMode(mode);
  }

  @Override
  public void close() {
    flush();
    try {
      searchers.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the search index in " + folder, e);
    }
  }

  private void closeQuietly() {
    try {
      directory.close();
    } catch (IOException ignored) {
      // opening failed; that failure is reported
    }
  }
}
