package org.crosscheck.engine.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.crosscheck.engine.StoreLocator;
import org.crosscheck.engine.StreamEngine;
import org.crosscheck.engine.kafka.ArticleTopic;
import org.crosscheck.engine.kafka.EmbeddedKafka;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream engine against the embedded one, on real articles, with and without a failure mid-stream. */
class StoryJobTest {
  private static EmbeddedKafka kafka;
  private static StreamCorpus corpus;
  private static Store reference;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    kafka = EmbeddedKafka.start();
    corpus = new StreamCorpus(dir);
    reference = corpus.embedded();
    assertThat(reference.merges()).as("the corpus makes the embedded engine merge stories").isNotEmpty();
    assertThat(reference.splits()).as("... and split stories").isNotEmpty();
    assertThat(reference.list(0, 1000)).as("... and find pages that are not articles").anyMatch(a -> !a.isArticle());
    assertThat(reference.list(0, 1000)).as("... and copies")
        .anyMatch(a -> reference.duplicateOf(a.id()).isPresent());
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  @Test
  void givesTheStoriesOfTheEmbeddedEngine(@TempDir Path dir) {
    StoreLocator locator = StoreLocator.sqlite(dir.resolve("data"));
    StreamEngine.run(corpus.articles, locator,
        StreamEngine.Options.defaults().withParallelism(2).withBootstrapServers(kafka.bootstrapServers()));
    try (Store store = locator.open()) {
      assertSameAsReference(store);
    }
  }

  @Test
  void restoresAfterATaskFailsMidStreamWithNothingLostOrCountedTwice(@TempDir Path dir) throws Exception {
    Faults faults = new Faults();
    StoreLocator locator = StoreLocator.memory("fault-mid-stream");
    StreamExecutionEnvironment env = environment(dir);
    StoryJob.Settings settings = settings("fault-mid-stream", locator);
    // fails in the task that feeds assignment, after half the articles and a completed checkpoint
    AtomicInteger seen = new AtomicInteger();
    StoryJob.wire(StoryJob.source(env, settings).map(new Slow()).setParallelism(1)
        .filter(new FailOnce<Article>(faults.id, a -> seen.incrementAndGet() > corpus.articles.size() / 2))
        .setParallelism(1), settings);
    env.execute("fault mid-stream");

    faults.assertFailedAfterACheckpoint();
    assertSameAsReference(locator.open());
    locator.forget();
  }

  @Test
  void restoresAfterAFailureJustAfterAMergeOrSplitWasWritten(@TempDir Path dir) throws Exception {
    Faults faults = new Faults();
    StoreLocator locator = StoreLocator.memory("fault-after-move");
    StreamExecutionEnvironment env = environment(dir);
    StoryJob.Settings settings = settings("fault-after-move", locator);
    // the writer emits a change without an article for a story a merge or split changed, after the commit and
    // before any later checkpoint: the failure makes the replay write that merge or split again
    StoryJob.wire(StoryJob.source(env, settings).map(new Slow()).setParallelism(1), settings)
        .filter(new FailOnce<StoryChange>(faults.id, change -> change.article() == null)).setParallelism(1);
    env.execute("fault after a merge or split");

    faults.assertFailedAfterACheckpoint();
    assertSameAsReference(locator.open());
    locator.forget();
  }

  private static StreamExecutionEnvironment environment(Path checkpoints) {
    return StreamExecutionEnvironment.createLocalEnvironment(2, StreamEngine.localConfiguration(checkpoints));
  }

  private static StoryJob.Settings settings(String topic, StoreLocator locator) {
    ArticleTopic.create(kafka.bootstrapServers(), topic, 1);
    try (ArticleTopic producer = new ArticleTopic(kafka.bootstrapServers(), topic)) {
      producer.sendAll(corpus.articles);
    }
    return new StoryJob.Settings(kafka.bootstrapServers(), topic, locator, true, false, Duration.ofSeconds(1),
        Duration.ofMillis(200), Duration.ofMillis(20));
  }

  private static void assertSameAsReference(Store store) {
    assertThat(store.count()).as("articles stored, each once").isEqualTo(reference.count());
    Map<ArticleId, StoryId> got = store.allAssignments();
    Map<ArticleId, StoryId> want = reference.allAssignments();
    assertThat(got.keySet()).as("the articles in stories").isEqualTo(want.keySet());
    Set<Set<ArticleId>> stories = StreamCorpus.partition(got);
    assertThat(stories).as("the stories").isEqualTo(StreamCorpus.partition(want));
    assertThat(store.merges()).as("merges, each recorded once").isEqualTo(reference.merges());
    assertThat(store.splits()).as("splits, each recorded once").isEqualTo(reference.splits());
    for (var a : reference.list(0, Integer.MAX_VALUE)) {
      assertThat(store.duplicateOf(a.id())).as("copy link of " + a.id()).isEqualTo(reference.duplicateOf(a.id()));
      assertThat(store.get(a.id())).as("article " + a.id()).contains(a);
    }
  }

  /** One injected failure's record, shared with the operators of a test through a static registry. */
  static final class Faults {
    static final Map<Integer, Faults> ALL = new java.util.concurrent.ConcurrentHashMap<>();
    private static final AtomicInteger IDS = new AtomicInteger();
    final int id = IDS.incrementAndGet();
    final AtomicBoolean armed = new AtomicBoolean(true);
    final AtomicInteger checkpointsBeforeFailure = new AtomicInteger();

    Faults() {
      ALL.put(id, this);
    }

    void assertFailedAfterACheckpoint() {
      assertThat(armed).as("the injected failure happened").isFalse();
      assertThat(checkpointsBeforeFailure.get()).as("checkpoints completed before the failure").isPositive();
    }
  }

  /** Passes records on, and throws once, at the first that matches once a checkpoint has completed. */
  static final class FailOnce<T> implements FilterFunction<T>, CheckpointListener {
    private final int faults;
    private final SerializablePredicate<T> when;

    FailOnce(int faults, SerializablePredicate<T> when) {
      this.faults = faults;
      this.when = when;
    }

    @Override
    public boolean filter(T value) {
      Faults f = Faults.ALL.get(faults);
      if (when.test(value) && f.checkpointsBeforeFailure.get() > 0 && f.armed.compareAndSet(true, false)) {
        throw new IllegalStateException("injected failure at " + value);
      }
      return true;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      Faults f = Faults.ALL.get(faults);
      if (f.armed.get()) {
        f.checkpointsBeforeFailure.incrementAndGet();
      }
    }
  }

  /** A predicate Flink can ship with its operator. */
  interface SerializablePredicate<T> extends java.util.function.Predicate<T>, java.io.Serializable {}

  /** Slows the stream so that checkpoints complete between its articles. */
  static final class Slow implements MapFunction<Article, Article> {
    @Override
    public Article map(Article a) throws InterruptedException {
      Thread.sleep(10);
      return a;
    }
  }
}
