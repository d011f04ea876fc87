package org.crosscheck.engine;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.crosscheck.store.Store;

/**
 * Names a {@link Store} so that a task of a distributed job, on any worker, can open it: a small
 * serializable value instead of an open store. Three forms:
 *
 * <ul>
 *   <li>{@code sqlite:/path/to/data-dir}: the embedded store in that data directory ({@link
 *       Store#open}); every task opens its own connection.
 *   <li>{@code memory:NAME}: an in-memory store shared by everything in this JVM that opens the same
 *       name (tests, local runs on a MiniCluster); it lives until {@link #forget} or the JVM's end.
 *   <li>a store URI, {@code opensearch://HOST:PORT/PREFIX}: opened by {@link Store#open(String)}
 *       through its provider; every task connects on its own.
 * </ul>
 *
 * @param uri the store's URI
 */
public record StoreLocator(String uri) implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Map<String, Store> IN_MEMORY = new ConcurrentHashMap<>();

  public StoreLocator {
    Objects.requireNonNull(uri, "uri");
    if (!uri.startsWith("sqlite:") && !uri.startsWith("memory:") && !uri.matches("[A-Za-z][A-Za-z0-9+.-]+://.+")) {
      throw new IllegalArgumentException("store locator '" + uri
          + "' names no known store: expected sqlite:/path/to/data-dir, memory:NAME or a store URI"
          + " (opensearch://HOST:PORT/PREFIX)");
    }
    if (uri.indexOf(':') == uri.length() - 1) {
      throw new IllegalArgumentException("store locator '" + uri + "' has no path or name after the colon");
    }
  }

  /** @return the locator of the embedded store in that data directory */
  public static StoreLocator sqlite(Path dataDir) {
    return new StoreLocator("sqlite:" + dataDir.toAbsolutePath());
  }

  /** @return the locator of the in-memory store of that name, in this JVM */
  public static StoreLocator memory(String name) {
    return new StoreLocator("memory:" + name);
  }

  /**
   * Opens the store. The caller closes what it opens (closing a shared in-memory store keeps its content).
   *
   * @return the store
   * @throws org.crosscheck.store.StoreException when the embedded store cannot be opened
   */
  public Store open() {
    String rest = uri.substring(uri.indexOf(':') + 1);
    if (uri.startsWith("sqlite:")) {
      return Store.open(Path.of(rest));
    }
    if (!uri.startsWith("memory:")) {
      return Store.open(uri);
    }
    return IN_MEMORY.computeIfAbsent(rest, n -> Store.inMemory());
  }

  /** Drops the content of an in-memory store; nothing for other stores. */
  public void forget() {
    if (uri.startsWith("memory:")) {
      IN_MEMORY.remove(uri.substring("memory:".length()));
    }
  }

  @Override
  public String toString() {
    return uri;
  }
}
