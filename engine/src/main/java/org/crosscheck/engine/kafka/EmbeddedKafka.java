package org.crosscheck.engine.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single-node Kafka (KRaft, broker and controller in one node) running inside this JVM, with its
 * logs in a temporary folder: for tests and for local runs of the stream engine. Starting takes a
 * few seconds. Thread-safe; close it to stop the broker and delete its folder.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private final KafkaClusterTestKit cluster;

  private EmbeddedKafka(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  /**
   * Starts a broker and waits until it accepts clients.
   *
   * @return the running broker
   * @throws IllegalStateException when the broker cannot be started; the message says why
   */
  public static EmbeddedKafka start() {
    KafkaClusterTestKit cluster = null;
    try {
      cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
          .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
          // one broker: every internal topic has one replica
          .setConfigProp("offsets.topic.replication.factor", "1")
          .setConfigProp("transaction.state.log.replication.factor", "1")
          .setConfigProp("transaction.state.log.min.isr", "1")
          .build();
      formatQuietly(cluster);
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new EmbeddedKafka(cluster);
    } catch (Exception e) {
      if (cluster != null) {
        closeQuietly(cluster);
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("cannot start the embedded Kafka broker: " + e.getMessage(), e);
    }
  }

  /**
   * Formats the node's log folder. Kafka's formatter prints what it writes to standard output,
   * which a command's own output must not carry: it is sent nowhere while it runs.
   */
  private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
    synchronized (System.class) {
      PrintStream out = System.out;
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      try {
        cluster.format();
      } finally {
        System.setOut(out);
      }
    }
  }

  /** @return the broker's address for clients ({@code host:port}) */
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** Stops the broker and deletes its logs. Idempotent. */
  @Override
  public void close() {
    closeQuietly(cluster);
  }

  private static void closeQuietly(KafkaClusterTestKit cluster) {
    try {
      cluster.close();
    } catch (Exception e) {
      // a broker that fails to stop cleanly holds nothing this process still needs
    }
  }
}
