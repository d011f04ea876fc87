package org.crosscheck.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.crosscheck.outlet.Outlet;
import org.crosscheck.outlet.Outlets;
import org.jspecify.annotations.Nullable;

/**
 * The outlet registry: outlets keyed by domain (or normalized name), each with a display name
 * and aliases, which together with the built-in table resolve every article's outlet ({@link
 * Outlets}). Writes made inside {@link SketchStore#inTransaction} of the same store are part of
 * that transaction. Thread-safe.
 */
public interface OutletStore {

  /**
   * @return the built-in table with this store's registry on top; the same snapshot until the
   *     registry changes (here or, for a store on disk, in another process), then read anew
   */
  Outlets outlets();

  /**
   * Registers outlets: an outlet not yet registered is added under the given name (a registered
   * one keeps its name); each alias is made a name of its outlet, taken from any outlet it named before.
   *
   * @param outlets the outlets with the aliases to add
   * @throws StoreException when the store cannot be written
   */
  void register(Collection<Outlet> outlets);

  /**
   * Sets the name an outlet is shown and counted under, registering it when it is not yet.
   *
   * @param key the outlet's key
   * @param name its new name; not blank
   * @throws StoreException when the store cannot be written
   */
  void rename(String key, String name);

  /**
   * @param sink receives the outlet name and URL (each {@code null} when unknown) of every stored
   *     article, pages that are not articles left out
   */
  void articleOutlets(BiConsumer<@Nullable String, @Nullable String> sink);

  /** @return how many stored articles each outlet has, by outlet key, resolved by {@link #outlets()} */
  default Map<String, Long> articlesPerOutlet() {
    Outlets resolver = outlets();
    Map<String, Long> out = new HashMap<>();
    articleOutlets((name, url) -> out.merge(resolver.of(name, url).key(), 1L, Long::sum));
    return out;
  }
}
