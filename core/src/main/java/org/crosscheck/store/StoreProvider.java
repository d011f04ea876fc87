package org.crosscheck.store;

import java.net.URI;
import java.util.Optional;

/**
 * Opens the stores of one kind, named by a URI scheme (the distributed engine's {@code
 * opensearch://host:9200/crosscheck}). Providers are found with {@link java.util.ServiceLoader}, so a
 * module on the class path adds a kind of store without the callers, or this package, naming it;
 * {@link Store#open(String)} picks the provider of a location's scheme.
 */
public interface StoreProvider {
  /** @return the URI scheme of the locations this provider opens, lower case */
  String scheme();

  /**
   * @param location where the store is
   * @return the store, open for reading and writing, created when missing
   * @throws StoreException naming the location when it cannot be reached or is not a Crosscheck store
   */
  Store open(URI location);

  /**
   * @param location where the store is
   * @return the store, open for reading, or empty when there is none there yet
   * @throws StoreException naming the location when it cannot be reached or is not a Crosscheck store
   */
  Optional<Store> openForReading(URI location);
}
