package org.crosscheck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.crosscheck.SharedData;
import org.crosscheck.model.Article;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's search index on disk: kept across processes, caught up, rebuilt when it must be. */
class DiskSearchTest {
  @TempDir Path tmp;

  private static void ingest(Store store, String file) {
    Pipeline.builder().store(store).buildIngestor().ingest(List.of(SharedData.path(file).toString()),
        new IngestListener() {});
  }

  /** @return the articles stored from the {@code from}th on, {@code n} of them at most, pages that are no articles aside */
  private static List<Article> stored(Store store, int from, int n) {
    List<Article> out = store.list(from, n).stream().filter(Article::isArticle).toList();
    assertThat(out).isNotEmpty();
    return out;
  }

  /** @return whether a search for all of the first plain words of the article's text finds it, in its story */
  private static boolean finds(Store store, Article a) {
    String query = String.join(" AND ", java.util.Arrays.stream(a.text().split("\\s+"))
        .filter(w -> w.matches("[\\p{L}\\p{N}]{3,}") && !w.matches("(?i)and|or|not|to")).limit(10).toList());
    String story = store.storyOf(a.id()).map(s -> s.value()).orElse("");
    Map<String, List<SearchStore.Hit>> hits = store.search(query, 1000);
    return hits.getOrDefault(story, List.of()).stream().anyMatch(h -> h.id().equals(a.id().value()));
  }

  private static long generation(Path data) throws Exception {
    try (FSDirectory d = FSDirectory.open(data.resolve(EmbeddedArticleStore.SEARCH_FOLDER))) {
      return SegmentInfos.readLatestCommit(d).getGeneration();
    }
  }

  /** Runs the work with standard error captured. @return what it printed there */
  private static String stderrOf(Runnable work) {
    PrintStream before = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      work.run();
    } finally {
      System.setErr(before);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRunOfWritesIsIndexedInFewCommitsAndFoundByTheWritersOwnSearchAtOnce() throws Exception {
    Path data = tmp.resolve("data");
    try (Store store = Store.open(data)) {
      long before = generation(data);
      ingest(store, "ecbplus-train-dev.jsonl"); // a transaction per article
      // searching at once finds what was just written: the search catches up first
      assertThat(stored(store, 0, 50)).allSatisfy(a -> assertThat(finds(store, a)).as(a.id().value()).isTrue());
      long articles = store.count();
      assertThat(generation(data) - before).as("index commits for " + articles + " stored articles")
          .isLessThan(articles / 10);
    }
  }

  @Test
  void theIndexWrittenAtIngestIsSearchedAfterReopeningWithoutBeingFilledAgain() throws Exception {
    Path data = tmp.resolve("data");
    List<Article> sample;
    try (Store store = Store.open(data)) {
      ingest(store, "basil-2010-2016.jsonl");
      sample = stored(store, 0, 20);
      assertThat(sample).allMatch(a -> finds(store, a));
    }
    assertThat(Files.isDirectory(data.resolve("search"))).isTrue();
    long written = generation(data);
    String err = stderrOf(() -> {
      try (Store reopened = Store.open(data)) {
        assertThat(sample).allMatch(a -> finds(reopened, a));
        assertThat(reopened.search("Afghanistan", 1000).values().stream().mapToInt(List::size).sum()).isPositive();
      }
    });
    assertThat(generation(data)).as("opening and searching writes nothing to an index that is up to date")
        .isEqualTo(written);
    assertThat(err).doesNotContain("rebuilding");
  }

  @Test
  void aSearchFindsWhatAnotherWriterIngestedMeanwhile() {
    Path data = tmp.resolve("data");
    try (Store server = Store.open(data); Store other = Store.open(data)) { // other stands for a CLI ingest
      ingest(server, "basil-2010-2016.jsonl");
      assertThat(server.search("Afghanistan", 10)).isNotEmpty();
      ingest(other, "ecbplus-train-dev.jsonl");
      List<Article> fromOther = stored(other, 210, 100); // ECB+ articles, stored after BASIL's
      assertThat(fromOther).allMatch(a -> finds(server, a));
    }
  }

  @Test
  void aWriterThatDiedBetweenTheStoreAndTheIndexIsCaughtUpByTheNextOpener() throws Exception {
    Path data = tmp.resolve("data");
    Path saved = tmp.resolve("saved-index");
    try (Store store = Store.open(data)) {
      ingest(store, "basil-2010-2016.jsonl");
    }
    copy(data.resolve("search"), saved);
    List<Article> later;
    try (Store store = Store.open(data)) {
      ingest(store, "ecbplus-train-dev.jsonl");
      later = stored(store, 210, 100);
    }
    // the index as it was before the second ingest: as if its process died after committing to SQLite
    delete(data.resolve("search"));
    copy(saved, data.resolve("search"));
    try (Store store = Store.open(data)) {
      assertThat(later).allMatch(a -> finds(store, a));
    }
  }

  @Test
  void aMissingIndexIsRebuiltOnceAndSaysSo() throws Exception {
    Path data = tmp.resolve("data");
    List<Article> sample;
    try (Store store = Store.open(data)) {
      ingest(store, "basil-2010-2016.jsonl");
      sample = stored(store, 0, 20);
    }
    delete(data.resolve("search"));
    String err = stderrOf(() -> {
      try (Store store = Store.open(data)) {
        assertThat(sample).allMatch(a -> finds(store, a));
      }
    });
    assertThat(err).contains("is missing: rebuilding it from the 210 stored articles");
    String again = stderrOf(() -> {
      try (Store store = Store.open(data)) {
        assertThat(sample).allMatch(a -> finds(store, a));
      }
    });
    assertThat(again).doesNotContain("rebuilding");
  }

  @Test
  void anIndexOfAnotherVersionOrUnreadableIsRebuilt() throws Exception {
    Path data = tmp.resolve("data");
    List<Article> sample;
    try (Store store = Store.open(data)) {
      ingest(store, "basil-2010-2016.jsonl");
      sample = stored(store, 0, 20);
    }
    try (FSDirectory d = FSDirectory.open(data.resolve("search"));
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
      w.deleteAll(); // an older version's index: other documents, another version in its commit
      w.setLiveCommitData(Map.of("crosscheck.search.version", "0").entrySet());
      w.commit();
    }
    String err = stderrOf(() -> {
      try (Store store = Store.open(data)) {
        assertThat(sample).allMatch(a -> finds(store, a));
      }
    });
    assertThat(err).contains("was written by another version (0, this one writes " + DiskSearch.VERSION + ")");

    try (var files = Files.list(data.resolve("search"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(f, "not an index".getBytes(StandardCharsets.UTF_8));
      }
    }
    String unreadable = stderrOf(() -> {
      try (Store store = Store.open(data)) {
        assertThat(sample).allMatch(a -> finds(store, a));
      }
    });
    assertThat(unreadable).contains("cannot be read").contains("rebuilding it from the 210 stored articles");
  }

  @Test
  void aWriterWaitsForAnotherProcesssIndexWriterAndLosesNothing() throws Exception {
    Path data = tmp.resolve("data");
    try (Store store = Store.open(data)) {
      ingest(store, "basil-2010-2016.jsonl");
    }
    CompletableFuture<Void> ingested;
    try (FSDirectory d = FSDirectory.open(data.resolve("search"));
        IndexWriter other = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
      Store store = Store.open(data);
      ingested = CompletableFuture.runAsync(() -> ingest(store, "ecbplus-train-dev.jsonl"))
          .whenComplete((x, e) -> store.close());
      Thread.sleep(1500);
      assertThat(ingested).as("the ingest waits while another writer holds the index").isNotDone();
      other.rollback(); // the other process is done, without changing the index
    }
    ingested.get(120, TimeUnit.SECONDS);
    try (Store store = Store.open(data)) {
      List<Article> later = stored(store, 210, 100);
      assertThat(later).allMatch(a -> finds(store, a));
    }
  }

  private static void copy(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static void delete(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
