package org.crosscheck.engine.opensearch;

import static org.crosscheck.engine.opensearch.OpenSearchClient.JSON;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crosscheck.engine.opensearch.Counters.Counter;
import org.crosscheck.model.FollowedSource;

/**
 * The followed sources of an {@link OpenSearchStore} (keyed by id, numbered by a counter) and the
 * items each has given (keyed by source and item). Not thread-safe: the store serializes its calls.
 */
final class Follows {
  private final Documents docs;
  private final Counters counters;

  Follows(Documents docs, Counters counters) {
    this.docs = docs;
    this.counters = counters;
  }

  /** @see org.crosscheck.store.FollowStore#addFollowed(FollowedSource) */
  FollowedSource add(FollowedSource source) {
    Optional<FollowedSource> existing = find(source.url());
    if (existing.isPresent()) {
      return existing.get();
    }
    FollowedSource stored = source.withId(counters.next(Counter.FOLLOWED, 1));
    docs.put(Index.FOLLOWED, Long.toString(stored.id()), Codec.followed(stored));
    return stored;
  }

  /** @see org.crosscheck.store.FollowStore#followedSources() */
  List<FollowedSource> all() {
    return docs.search(Index.FOLLOWED, Filter.all(), Long.MAX_VALUE).stream().map(d -> Codec.followed(d.source()))
        .toList();
  }

  /** @see org.crosscheck.store.FollowStore#followedSource(String) */
  Optional<FollowedSource> find(String url) {
    return docs.search(Index.FOLLOWED, Filter.term("url", url), 1).stream().map(d -> Codec.followed(d.source()))
        .findFirst();
  }

  /** @see org.crosscheck.store.FollowStore#updateFollowed(FollowedSource) */
  void update(FollowedSource source) {
    String id = Long.toString(source.id());
    if (docs.get(Index.FOLLOWED, id).isPresent()) {
      docs.put(Index.FOLLOWED, id, Codec.followed(source));
    }
  }

  /** @see org.crosscheck.store.FollowStore#removeFollowed(String) */
  boolean remove(String url) {
    Optional<FollowedSource> source = find(url);
    source.ifPresent(s -> docs.inTransaction(() -> {
      docs.search(Index.SEEN_ITEMS, Filter.term("source", s.id()), Long.MAX_VALUE, "source")
          .forEach(d -> docs.delete(Index.SEEN_ITEMS, d.id()));
      docs.delete(Index.FOLLOWED, Long.toString(s.id()));
    }));
    return source.isPresent();
  }

  /** @see org.crosscheck.store.FollowStore#seenItems(long, Collection) */
  Set<String> seen(long source, Collection<String> keys) {
    Map<String, String> ids = new HashMap<>();
    keys.forEach(k -> ids.put(Documents.id(source, k), k));
    Set<String> seen = new HashSet<>();
    docs.getAll(Index.SEEN_ITEMS, ids.keySet()).keySet().forEach(id -> seen.add(ids.get(id)));
    return seen;
  }

  /** Remembers the items; an item seen before keeps the time it was first seen. */
  void markSeen(long source, Collection<String> keys, Instant at) {
    Map<String, String> ids = new LinkedHashMap<>();
    keys.forEach(k -> ids.put(Documents.id(source, k), k));
    ids.keySet().removeAll(docs.getAll(Index.SEEN_ITEMS, ids.keySet()).keySet());
    docs.inTransaction(() -> ids.forEach((id, key) -> docs.put(Index.SEEN_ITEMS, id,
        JSON.createObjectNode().put("source", source).put("item", key).put("seen_at", at.toString()))));
  }
}
