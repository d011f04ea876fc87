package org.crosscheck.engine.opensearch;

import static org.crosscheck.engine.opensearch.OpenSearchClient.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crosscheck.engine.opensearch.Counters.Counter;
import org.crosscheck.engine.opensearch.Documents.Doc;
import org.crosscheck.outlet.Outlet;
import org.crosscheck.outlet.Outlets;
import org.jspecify.annotations.Nullable;

/**
 * The outlet registry of an {@link OpenSearchStore}: outlets ({@code kind: outlet}, keyed by the
 * outlet's key) and aliases ({@code kind: alias}, keyed by the alias key) in the outlets index, in
 * registering order. The resolver is kept until the registry's version counter moves (a change by
 * this store or another). Not thread-safe: the store serializes its calls.
 */
final class OutletRegistry {
  private final Documents docs;
  private final Counters counters;
  /** The resolver over the registry, and the registry version it was read at; null when to be read anew. */
  private @Nullable Outlets outlets;
  private long version;

  OutletRegistry(Documents docs, Counters counters) {
    this.docs = docs;
    this.counters = counters;
  }

  /** @see org.crosscheck.store.OutletStore#outlets() */
  Outlets outlets() {
    long now = counters.value(Counter.OUTLETS_VERSION);
    if (outlets == null || now != version) {
      Map<String, List<String>> aliases = new HashMap<>();
      for (Doc d : docs.search(Index.OUTLETS, Filter.term("kind", "alias"), Long.MAX_VALUE)) {
        aliases.computeIfAbsent(d.source().path("outlet").asText(), k -> new ArrayList<>())
            .add(d.source().path("spelling").asText());
      }
      List<Outlet> rows = new ArrayList<>();
      for (Doc d : docs.search(Index.OUTLETS, Filter.term("kind", "outlet"), Long.MAX_VALUE)) {
        String key = d.source().path("outlet").asText();
        rows.add(new Outlet(key, d.source().path("name").asText(), aliases.getOrDefault(key, List.of())));
      }
      outlets = Outlets.builtIn().withRegistered(rows);
      version = now;
    }
    return outlets;
  }

  /** @see org.crosscheck.store.OutletStore#register(Collection) */
  void register(Collection<Outlet> registered) {
    if (registered.isEmpty()) {
      return;
    }
    docs.inTransaction(() -> {
      Map<String, ObjectNode> known = docs.getAll(Index.OUTLETS,
          registered.stream().map(o -> Documents.id("outlet", o.key())).toList());
      long rows = registered.size() + registered.stream().mapToLong(o -> o.aliases().size()).sum();
      long seq = counters.next(Counter.OUTLETS, rows) - rows;
      for (Outlet o : registered) {
        String id = Documents.id("outlet", o.key());
        seq++;
        if (!known.containsKey(id)) {
          ObjectNode row = row(o.key(), o.name(), seq);
          docs.put(Index.OUTLETS, id, row);
          known.put(id, row);
        }
        for (String alias : o.aliases()) {
          docs.put(Index.OUTLETS, Documents.id("alias", Outlets.aliasKey(alias)), JSON.createObjectNode()
              .put("kind", "alias").put("outlet", o.key()).put("spelling", alias.strip()).put("seq", ++seq));
        }
      }
      changed();
    });
  }

  /** @see org.crosscheck.store.OutletStore#rename(String, String) */
  void rename(String key, String name) {
    docs.inTransaction(() -> {
      String id = Documents.id("outlet", key);
      long seq = docs.get(Index.OUTLETS, id).map(d -> d.path("seq").asLong())
          .orElseGet(() -> counters.next(Counter.OUTLETS, 1));
      docs.put(Index.OUTLETS, id, row(key, name.strip(), seq));
      changed();
    });
  }

  /** Drops the resolver, which may have been read with writes of a transaction that failed. */
  void forget() {
    outlets = null;
  }

  private static ObjectNode row(String key, String name, long seq) {
    return JSON.createObjectNode().put("kind", "outlet").put("outlet", key).put("name", name).put("seq", seq);
  }

  /** Drops the resolver now and advances the registry's version once the change is written. */
  private void changed() {
    outlets = null;
    docs.afterCommit(() -> counters.next(Counter.OUTLETS_VERSION, 1));
  }
}
