package org.crosscheck.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.crosscheck.SharedData;
import org.crosscheck.engine.StoreLocator;
import org.crosscheck.engine.StreamEngine;
import org.crosscheck.engine.flink.StoryJob;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.pipeline.ArticleSink;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.IngestSummary;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import org.crosscheck.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest that sends to the topic (what {@code ingest --send-to}, an upload to {@code serve --send-to}
 * and {@code watch --send-to} run), read by the story job: the store ends as the embedded ingest
 * leaves one.
 */
class SendToTopicTest {
  @TempDir Path tmp;

  @Test
  void articlesSentByTheIngestAreStoredAndAssignedByTheJobAsTheEmbeddedIngestDoes() throws Exception {
    String corpus = SharedData.path("basil-2010-2016.jsonl").toString();
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      String uri = "kafka://" + kafka.bootstrapServers() + "/sent";
      IngestSummary sent;
      try (ArticleSink sink = ArticleSink.open(uri)) {
        assertThat(sink.location()).isEqualTo(uri);
        sent = Pipeline.builder().sendTo(sink).buildIngestor().ingest(List.of(corpus), new IngestListener() {});
      }
      assertThat(sent.storeError()).isNull();
      assertThat(sent.counts().added() + sent.counts().notArticles()).isEqualTo(210);

      StoreLocator locator = StoreLocator.memory("sent-" + System.nanoTime());
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1,
          StreamEngine.localConfiguration(tmp.resolve("checkpoints")));
      StoryJob.build(env, new StoryJob.Settings(kafka.bootstrapServers(), "sent", locator, true, false,
          Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(250)));
      env.execute("sent");

      Store embedded = Store.inMemory();
      Pipeline.builder().store(embedded).buildIngestor().ingest(List.of(corpus), new IngestListener() {});
      Store streamed = locator.open();
      assertThat(streamed.count()).isEqualTo(embedded.count());
      assertThat(stories(streamed)).isEqualTo(stories(embedded));
      locator.forget();
    }
  }

  @Test
  void aTopicThatCannotBeReachedIsRefusedNamingIt() {
    assertThatThrownBy(() -> ArticleSink.open("kafka:///no-servers")).isInstanceOf(StoreException.class)
        .hasMessageContaining("names no Kafka servers");
  }

  private static Set<Set<ArticleId>> stories(Store store) {
    Map<StoryId, Set<ArticleId>> byStory = store.allAssignments().entrySet().stream().collect(Collectors.groupingBy(
        Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toSet())));
    return new HashSet<>(byStory.values());
  }
}
