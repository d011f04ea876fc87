package org.crosscheck.engine.opensearch;

import java.net.URI;
import java.util.Optional;
import org.crosscheck.store.Store;
import org.crosscheck.store.StoreException;
import org.crosscheck.store.StoreProvider;

/**
 * Opens {@code opensearch://HOST:PORT/PREFIX} as an {@link OpenSearchStore}: the node or cluster at
 * that address, over HTTP, the indices named from the prefix ({@value #DEFAULT_PREFIX} when the URI
 * has no path). Found by {@link java.util.ServiceLoader},
 * so {@code crosscheck serve --data opensearch://localhost:9200/crosscheck} reads the engine's store.
 */
public final class OpenSearchStoreProvider implements StoreProvider {
  /** The index prefix of a URI without a path. */
  public static final String DEFAULT_PREFIX = "crosscheck";

  @Override
  public String scheme() {
    return "opensearch";
  }

  @Override
  public Store open(URI location) {
    Target t = target(location);
    try {
      return OpenSearchStore.connect(t.http(), t.prefix());
    } catch (IllegalArgumentException e) {
      throw new StoreException("the store location " + location + ": " + e.getMessage(), e);
    }
  }

  /** Reading a store that does not exist yet finds nothing and creates nothing. */
  @Override
  public Optional<Store> openForReading(URI location) {
    Target t = target(location);
    try {
      return OpenSearchStore.connectIfPresent(t.http(), t.prefix()).map(s -> s);
    } catch (IllegalArgumentException e) {
      throw new StoreException("the store location " + location + ": " + e.getMessage(), e);
    }
  }

  /** The node's HTTP address and the index prefix a location names. */
  private record Target(URI http, String prefix) {}

  private static Target target(URI location) {
    String path = location.getPath() == null ? "" : location.getPath().replaceAll("^/+|/+$", "");
    if (location.getHost() == null || location.getPort() < 0) {
      throw new StoreException("the store location " + location + " names no host and port (opensearch://HOST:PORT/PREFIX)");
    }
    return new Target(URI.create("http://" + location.getHost() + ":" + location.getPort()),
        path.isEmpty() ? DEFAULT_PREFIX : path);
  }
}
