package org.crosscheck.engine.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.RichMapFunction;
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
    corpus = new StreamCorpus(dir, 90);
    reference = corpus.embedded();
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
      assertThat(store.merges()).isEqualTo(reference.merges());
      assertThat(store.splits()).isEqualTo(reference.splits());
    }
  }

  @Test
  void restoresFromACheckpointAfterAFailureWithNothingLostOrCountedTwice(@TempDir Path dir) throws Exception {
    String topic = "fault-test";
    ArticleTopic.create(kafka.bootstrapServers(), topic, 1);
    try (ArticleTopic producer = new ArticleTopic(kafka.bootstrapServers(), topic)) {
      producer.sendAll(corpus.articles);
    }
    StoreLocator locator = StoreLocator.memory("fault-test");
    StoryJob.Settings settings = new StoryJob.Settings(kafka.bootstrapServers(), topic, locator, true, false,
        Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofMillis(50));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2,
        StreamEngine.localConfiguration(dir));
    StoryJob.wire(StoryJob.source(env, settings).map(new FailOnce(corpus.articles.size() / 2)).setParallelism(1),
        settings);
    env.execute("fault test");

    assertThat(FailOnce.failed).as("the injected failure happened").isTrue();
    assertThat(FailOnce.checkpointsBeforeFailure.get()).as("checkpoints completed before the failure").isPositive();
    Store store = locator.open();
    assertThat(store.count()).as("articles stored once each").isEqualTo(reference.count());
    assertSameAsReference(store);
    assertThat(store.merges()).isEqualTo(reference.merges());
    assertThat(store.splits()).isEqualTo(reference.splits());
    locator.forget();
  }

  private static void assertSameAsReference(Store store) {
    assertThat(store.count()).isEqualTo(reference.count());
    Map<ArticleId, StoryId> got = store.allAssignments();
    Map<ArticleId, StoryId> want = reference.allAssignments();
    assertThat(want).as("the slice forms stories").hasSizeGreaterThan(50);
    assertThat(got.keySet()).as("the articles in stories").isEqualTo(want.keySet());
    Set<Set<ArticleId>> stories = StreamCorpus.partition(got);
    assertThat(stories).as("the stories").isEqualTo(StreamCorpus.partition(want));
    assertThat(stories.size()).as("stories of more than one article exist")
        .isLessThan(want.size());
    for (var a : store.list(0, Integer.MAX_VALUE)) {
      assertThat(store.duplicateOf(a.id())).as("copy link of " + a.id()).isEqualTo(reference.duplicateOf(a.id()));
    }
  }

  /**
   * Passes articles on, slowly enough for checkpoints to complete between them, and throws once,
   * after {@code after} articles and a completed checkpoint.
   */
  static final class FailOnce extends RichMapFunction<Article, Article> implements CheckpointListener {
    static volatile boolean failed;
    static final AtomicInteger checkpointsBeforeFailure = new AtomicInteger();
    private static final AtomicBoolean armed = new AtomicBoolean(true);
    private final int after;
    private int seen;

    FailOnce(int after) {
      this.after = after;
    }

    @Override
    public Article map(Article a) throws Exception {
      Thread.sleep(15);
      seen++;
      if (seen >= after && checkpointsBeforeFailure.get() > 0 && armed.compareAndSet(true, false)) {
        failed = true;
        throw new IllegalStateException("injected failure after " + seen + " articles");
      }
      return a;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (!failed) {
        checkpointsBeforeFailure.incrementAndGet();
      }
    }
  }
}
