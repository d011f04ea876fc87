package org.crosscheck.engine.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crosscheck.model.Article;
import org.crosscheck.pipeline.ArticleSink;
import org.crosscheck.store.StoreException;

/**
 * Sends articles to the article topic, keyed by article id, as {@link ArticleCodec} JSON: what the
 * CLI, the web upload and the feed poller hand to the stream engine. The producer is idempotent
 * and waits for every in-sync replica ({@code acks=all}), so a retried send is never stored twice
 * and an acknowledged article is never lost. Thread-safe, as Kafka's producer is.
 */
public final class ArticleTopic implements ArticleSink {
  /** The topic's default name. */
  public static final String DEFAULT_NAME = "crosscheck.articles";

  private final String topic;
  private final String servers;
  private final KafkaProducer<String, byte[]> producer;

  /**
   * @param bootstrapServers the Kafka cluster ({@code host:port,...})
   * @param topic the topic's name
   */
  public ArticleTopic(String bootstrapServers, String topic) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.servers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"); // article text compresses about threefold
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    // a broker that cannot be reached fails a send within half a minute, not the default minute
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * Creates the topic when it does not exist. The stream job assigns stories in the topic's order,
   * which Kafka keeps within a partition: one partition gives every consumer the order articles were
   * sent in (see {@code StoryJob}).
   *
   * @param bootstrapServers the Kafka cluster
   * @param topic the topic's name
   * @param partitions its partitions, at least 1
   * @throws IllegalStateException when the topic cannot be created
   */
  public static void create(String bootstrapServers, String topic, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("a topic needs at least 1 partition, was " + partitions);
    }
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers, "default.api.timeout.ms", 30_000,
        "request.timeout.ms", 15_000))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic '" + topic + "' at " + bootstrapServers + ": "
            + e.getCause().getMessage(), e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic '" + topic + "'", e);
    }
  }

  /** @return the topic's name */
  public String name() {
    return topic;
  }

  @Override
  public String location() {
    return "kafka://" + servers + "/" + topic;
  }

  /**
   * Sends a batch of an ingest, as {@link #sendAll} does.
   *
   * @throws StoreException naming the topic when an article cannot be sent
   */
  @Override
  public void send(List<Article> batch) {
    try {
      sendAll(batch);
    } catch (IllegalStateException | org.apache.kafka.common.KafkaException e) {
      throw new StoreException("cannot send to " + location() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Sends one article, without waiting.
   *
   * @param article the article
   * @return completes when the broker has it
   */
  public Future<RecordMetadata> send(Article article) {
    return producer.send(new ProducerRecord<>(topic, article.id().value(), ArticleCodec.encode(article)));
  }

  /**
   * Sends articles in order and waits until the broker has every one.
   *
   * @param articles the articles
   * @throws IllegalStateException when one cannot be sent; the message names it
   */
  public void sendAll(List<Article> articles) {
    List<Future<RecordMetadata>> sent = new ArrayList<>(articles.size());
    articles.forEach(a -> sent.add(send(a)));
    producer.flush();
    for (int i = 0; i < sent.size(); i++) {
      try {
        sent.get(i).get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("cannot send article " + articles.get(i).id() + " to topic '" + topic + "': "
            + e.getCause().getMessage(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while sending articles to topic '" + topic + "'", e);
      }
    }
  }

  /** Sends what is buffered, then closes the producer. */
  @Override
  public void close() {
    producer.close();
  }
}
