package org.crosscheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crosscheck.store.StoreAssertions.assertEveryArticleFinished;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.crosscheck.SharedData;
import org.crosscheck.model.Article;
import org.crosscheck.store.Store;
import org.crosscheck.store.PutResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every stored article ends up in a story and in duplicate detection: after a run, after a run
 * stopped on request, and after a store written without stories (two writers and kills: {@code
 * org.crosscheck.cli.CrashSafetyIT}).
 */
class NothingLeftBehindTest {
  @TempDir Path tmp;

  private static List<String> lines(String file, int from, int to) throws Exception {
    List<String> all = Files.readAllLines(SharedData.path(file));
    return all.subList(from, Math.min(to, all.size()));
  }

  /** @return the five seed reports of one event, in name order */
  private static List<Path> seeds() throws Exception {
    try (var files = Files.list(SharedData.path("seeds"))) {
      return files.sorted().toList();
    }
  }

  private Path jsonl(String name, List<String> lines) throws Exception {
    return Files.write(tmp.resolve(name), lines);
  }


  @Test
  void articlesStoredWithoutStoriesArePutInStoriesByTheNextRun() throws Exception {
    Path data = tmp.resolve("data");
    Path basil = jsonl("basil.jsonl", lines("basil-2010-2016.jsonl", 0, 60));
    // what an interrupted run of an older version left: articles committed, their stories not
    try (Store store = Store.open(data)) {
      List<Article> articles = new ArrayList<>();
      Pipeline.builder().store(org.crosscheck.store.Store.inMemory()).buildIngestor()
          .ingest(List.of(basil.toString()), new IngestListener() {
            @Override
            public void stored(Article article, PutResult result) {
              articles.add(article);
            }
          });
      store.putAll(articles);
      assertThat(store.unassigned()).hasSize(60);
    }
    try (Store store = Store.open(data)) {
      AtomicInteger heard = new AtomicInteger();
      AtomicInteger clustered = new AtomicInteger();
      IngestSummary s = Pipeline.builder().store(store).buildIngestor()
          .ingest(List.of(jsonl("more.jsonl", lines("basil-2010-2016.jsonl", 60, 90)).toString()),
              new IngestListener() {
                @Override
                public void recovered(int articles) {
                  heard.addAndGet(articles);
                }

                @Override
                public void clustered(Article article, org.crosscheck.cluster.StoryClusterer.Assignment assignment) {
                  clustered.incrementAndGet();
                }
              });
      assertThat(s.recovered()).isEqualTo(60);
      assertThat(heard).hasValue(60);
      assertThat(clustered).as("recovered and added articles the listener heard put in stories").hasValue(90);
      assertThat(s.counts().added()).isEqualTo(30);
      assertEveryArticleFinished(store);
      assertThat(store.allAssignments()).hasSize(90);
    }
  }

  @Test
  void aStoppedRunStoresWhatItReadPutsItInStoriesAndReadsNoFurther() throws Exception {
    Path first = jsonl("first.jsonl", lines("gva-2013-2015.jsonl", 0, 400));
    Path second = jsonl("second.jsonl", lines("gva-2013-2015.jsonl", 400, 500));
    try (Store store = Store.open(tmp.resolve("data"))) {
      Ingestor ingestor = Pipeline.builder().store(store).batchSize(50).buildIngestor();
      List<String> stored = new ArrayList<>();
      IngestSummary s = ingestor.ingest(List.of(first.toString(), second.toString()), new IngestListener() {
        @Override
        public void stored(Article article, PutResult result) {
          stored.add(article.id().value());
          if (stored.size() == 100) {
            ingestor.stop(); // what SIGTERM does, from another thread
          }
        }
      });
      assertThat(s.stopped()).isTrue();
      assertThat(s.counts().added() + s.counts().notArticles()).isLessThan(400).isEqualTo(store.count());
      assertThat(s.rejections()).singleElement().satisfies(r -> {
        assertThat(r.input()).isEqualTo(first.toString());
        assertThat(r.message()).contains("stopped before the end of this input");
      });
      assertEveryArticleFinished(store);
    }
  }

  @Test
  void anArticleJoinsTheStoryAnotherWriterMadeSinceThisOneOpenedTheStore() throws Exception {
    Path data = tmp.resolve("data");
    List<Path> seeds = seeds();
    try (Store server = Store.open(data);
        Store cli = Store.open(data)) {
      Ingestor serverIngest = Pipeline.builder().store(server).buildIngestor(); // opened while the store was empty
      Pipeline.builder().store(cli).buildIngestor().ingest(seeds.subList(0, 4).stream().map(Path::toString).toList(),
          new IngestListener() {});
      assertThat(cli.allAssignments().values()).hasSize(4).containsOnly(cli.allAssignments().values().iterator().next());
      IngestSummary s = serverIngest.ingest(List.of(seeds.get(4).toString()), new IngestListener() {});
      assertThat(s.newStories()).as("the article started a story of its own").isZero();
      assertThat(server.allAssignments().values()).hasSize(5).containsOnly(
          server.allAssignments().values().iterator().next());
    }
  }

  @Test
  void aStoryMadeBeforeARestartIsJoinedAfterIt() throws Exception {
    Path data = tmp.resolve("data");
    List<Path> seeds = seeds();
    try (Store store = Store.open(data)) {
      Pipeline.builder().store(store).buildIngestor().ingest(seeds.subList(0, 3).stream().map(Path::toString).toList(),
          new IngestListener() {});
    }
    try (Store store = Store.open(data)) {
      IngestSummary s = Pipeline.builder().store(store).buildIngestor()
          .ingest(seeds.subList(3, 5).stream().map(Path::toString).toList(), new IngestListener() {});
      assertThat(s.newStories()).isZero();
      assertThat(new java.util.HashSet<>(store.allAssignments().values())).hasSize(1);
    }
  }
}
