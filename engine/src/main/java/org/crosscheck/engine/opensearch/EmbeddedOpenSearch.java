package org.crosscheck.engine.opensearch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.crosscheck.store.StoreException;
import org.opensearch.Version;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.Node;
import org.opensearch.node.NodeValidationException;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * A single-node OpenSearch running inside this JVM, listening on free loopback ports, with its
 * data in a given directory: for tests, and for running the OpenSearch store on a machine without
 * a cluster. It logs nothing: starting one turns Log4j 2 output off in this JVM (only the node
 * logs through Log4j; Crosscheck itself logs through SLF4J).
 * Start-up takes a few seconds. Thread-safe; {@link #close()} stops the node and is idempotent.
 */
public final class EmbeddedOpenSearch implements AutoCloseable {
  /** How long {@link #close()} waits for the node to stop. */
  private static final long STOP_SECONDS = 30;
  /**
   * Lucene's notice that the JDK's vector module is not enabled, which it writes once to
   * java.util.logging when the node opens its first index; held here so the level set stays.
   */
  private static final java.util.logging.Logger VECTOR_NOTICE =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  private final Node node;
  private final URI httpAddress;
  private final Path dir;
  private boolean closed;

  private EmbeddedOpenSearch(Node node, URI httpAddress, Path dir) {
    this.node = node;
    this.httpAddress = httpAddress;
    this.dir = dir;
  }

  /**
   * Starts a node whose data and work files live under {@code dir} (created when missing); a node
   * started again on the same directory finds the indices it had.
   *
   * @param dir the node's home directory
   * @return the running node
   * @throws StoreException naming the directory when the node cannot start
   */
  public static EmbeddedOpenSearch start(Path dir) {
    Objects.requireNonNull(dir, "dir");
    Path home = dir.toAbsolutePath();
    Settings settings = Settings.builder()
        .put("path.home", home.toString())
        .put("path.data", home.resolve("data").toString())
        .put("path.logs", home.resolve("logs").toString())
        .put("cluster.name", "crosscheck")
        .put("node.name", "crosscheck-embedded")
        .put("discovery.type", "single-node")
        .put("network.host", "127.0.0.1")
        .put("http.type", "netty4")
        .put("transport.type", "netty4")
        // port 0: the system picks free ports, so several nodes (and test runs) never collide
        .put("http.port", "0")
        .put("transport.port", "0")
        // a laptop's nearly full disk must not turn the indices read-only
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .build();
    silenceLog4j();
    Node node = new NettyNode(settings);
    try {
      node.start();
    } catch (NodeValidationException | RuntimeException e) {
      closeQuietly(node);
      throw new StoreException("cannot start the embedded OpenSearch node in " + home + ": " + e.getMessage(), e);
    }
    TransportAddress bound = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
    URI address = URI.create("http://" + bound.getAddress() + ":" + bound.getPort());
    return new EmbeddedOpenSearch(node, address, home);
  }

  /** @return the node's HTTP address, e.g. {@code http://127.0.0.1:40123}, for {@link OpenSearchStore#connect} */
  public URI httpAddress() {
    return httpAddress;
  }

  /**
   * @param prefix the store's index prefix
   * @return the location of a store on this node, as commands and {@code Store.open} take it
   */
  public String storeLocation(String prefix) {
    return "opensearch://" + httpAddress.getHost() + ":" + httpAddress.getPort() + "/" + prefix;
  }

  /** @return the node's home directory */
  public Path directory() {
    return dir;
  }

  /**
   * Stops the node, waiting up to 30 s for it to finish.
   *
   * @throws StoreException when the node fails to stop
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      node.close();
      node.awaitClose(STOP_SECONDS, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new StoreException("cannot stop the embedded OpenSearch node in " + dir + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Turns every Log4j 2 logger off, the node's included, and Log4j's own status messages. */
  private static void silenceLog4j() {
    ConfigurationBuilder<BuiltConfiguration> config = ConfigurationBuilderFactory.newConfigurationBuilder();
    config.setStatusLevel(Level.OFF);
    config.add(config.newRootLogger(Level.OFF));
    Configurator.reconfigure(config.build());
    VECTOR_NOTICE.setLevel(java.util.logging.Level.OFF);
  }

  private static void closeQuietly(Node node) {
    try {
      node.close();
    } catch (IOException | RuntimeException ignored) {
      // the start failure is what gets reported
    }
  }

  /**
   * A node with the Netty 4 HTTP and transport module loaded from the classpath (a node run by
   * OpenSearch's launcher finds it in its modules directory instead).
   */
  private static final class NettyNode extends Node {
    NettyNode(Settings settings) {
      super(new Environment(settings, null), List.of(new PluginInfo(Netty4ModulePlugin.class.getName(),
          "Netty 4 HTTP and transport", "na", Version.CURRENT, "21", Netty4ModulePlugin.class.getName(), null,
          List.of(), false)), false);
    }
  }
}
