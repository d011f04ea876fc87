package org.crosscheck.engine.kafka;

import java.net.URI;
import org.crosscheck.pipeline.ArticleSink;
import org.crosscheck.store.StoreException;

/**
 * Opens {@code kafka://HOST:PORT[,HOST:PORT...]/TOPIC} as an {@link ArticleTopic}, creating the topic
 * (one partition: the story job assigns in its order) when it does not exist; {@value
 * ArticleTopic#DEFAULT_NAME} when the URI has no path. Found by {@link java.util.ServiceLoader}, so
 * {@code crosscheck ingest --send-to kafka://kafka:9092/crosscheck-articles FILES} sends to the
 * distributed engine.
 */
public final class KafkaSinkProvider implements ArticleSink.Provider {
  @Override
  public String scheme() {
    return "kafka";
  }

  @Override
  public ArticleSink open(URI location) {
    String servers = location.getRawAuthority();
    if (servers == null || servers.isBlank()) {
      throw new StoreException("the destination " + location + " names no Kafka servers (kafka://HOST:9092/TOPIC)");
    }
    String path = location.getPath() == null ? "" : location.getPath().replaceAll("^/+|/+$", "");
    String topic = path.isEmpty() ? ArticleTopic.DEFAULT_NAME : path;
    try {
      ArticleTopic.create(servers, topic, 1);
    } catch (IllegalStateException | org.apache.kafka.common.KafkaException e) {
      throw new StoreException("cannot reach " + location + ": " + e.getMessage(), e);
    }
    return new ArticleTopic(servers, topic);
  }
}
