package org.crosscheck.engine.opensearch;

import static org.crosscheck.engine.opensearch.OpenSearchClient.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the documents of a store's indices, and keeps the writes of an open
 * transaction in memory until it commits: reads inside the transaction see them, and the commit
 * sends them in one {@code _bulk} request (several when it is large) with {@code refresh=true},
 * so that a search right after a write finds it. Not thread-safe: the store serializes its calls.
 */
final class Documents {
  /**
   * A document.
   *
   * @param id its document id
   * @param source its source
   */
  record Doc(String id, ObjectNode source) {}

  /** Documents per page of a scan. */
  private static final int PAGE = 1_000;
  /** Ids per {@code _mget} request. */
  private static final int IDS_PER_REQUEST = 10_000;
  /** Characters of a {@code _bulk} body after which it is sent and another begun. */
  private static final int BULK_CHARS = 8 << 20;
  /** How long opening a store waits for its indices' primary shards to start (after a node restart). */
  private static final int READY_SECONDS = 60;
  /** Longest document id OpenSearch takes, in UTF-8 bytes. */
  private static final int MAX_ID_BYTES = 512;

  private final OpenSearchClient client;
  private final String prefix;
  /** The open transaction; null outside one. */
  private @Nullable Transaction transaction;

  /** The writes of a transaction, by index then id (a null document is a deletion), and what follows its commit. */
  private static final class Transaction {
    final Map<Index, Map<String, @Nullable ObjectNode>> writes = new EnumMap<>(Index.class);
    final List<Runnable> afterCommit = new ArrayList<>();

    Map<String, @Nullable ObjectNode> of(Index index) {
      return writes.computeIfAbsent(index, i -> new LinkedHashMap<>());
    }
  }

  Documents(OpenSearchClient client, String prefix) {
    this.client = client;
    this.prefix = prefix;
  }

  /** @return the name of an index of this store */
  String name(Index index) {
    return index.name(prefix);
  }

  /**
   * @param parts what identifies a document
   * @return a document id: the parts joined by {@code |}, or their SHA-256 when that is too long for an id
   */
  static String id(Object... parts) {
    StringBuilder joined = new StringBuilder();
    for (Object part : parts) {
      joined.append(joined.isEmpty() ? "" : "|").append(part);
    }
    byte[] bytes = joined.toString().getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_ID_BYTES) {
      return joined.toString();
    }
    try {
      return "sha256-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Creates the indices that do not exist yet, with their mappings, all at once, and waits until
   * every index can be read and written (its primary shard started).
   */
  void createMissingIndices() {
    JsonNode existing = client.send("GET", "/" + prefix + "-*", null, "list the indices " + prefix + "-*").body();
    Map<String, String> missing = new LinkedHashMap<>();
    for (Index index : Index.values()) {
      if (!existing.has(name(index))) {
        missing.put("/" + name(index), index.definition());
      }
    }
    // another store may create one meanwhile (400, resource_already_exists): that is as good
    client.putAll(missing, "create the indices " + prefix + "-*", 400);
    String names = String.join(",", java.util.Arrays.stream(Index.values()).map(this::name).toList());
    JsonNode health = client.send("GET", "/_cluster/health/" + names + "?wait_for_status=yellow&timeout="
        + READY_SECONDS + "s", null, "wait for the indices " + prefix + "-*", 408).body();
    if (health.path("timed_out").asBoolean()) {
      throw client.failure("open the indices " + prefix + "-*", "they were not ready after " + READY_SECONDS
          + " s (status " + health.path("status").asText() + ")", null);
    }
  }

  /** @return the document, as the open transaction left it */
  Optional<ObjectNode> get(Index index, String id) {
    return Optional.ofNullable(getAll(index, List.of(id)).get(id));
  }

  /** @return the documents with those ids that exist, by id, as the open transaction left them */
  Map<String, ObjectNode> getAll(Index index, Collection<String> ids) {
    Map<String, @Nullable ObjectNode> pending = pending(index);
    Map<String, ObjectNode> out = new HashMap<>();
    List<String> stored = new ArrayList<>();
    for (String id : ids) {
      if (pending.containsKey(id)) {
        ObjectNode doc = pending.get(id);
        if (doc != null) {
          out.put(id, doc.deepCopy());
        }
      } else {
        stored.add(id);
      }
    }
    out.putAll(stored(index, stored));
    return out;
  }

  /** @return the stored documents with those ids, leaving the open transaction aside */
  private Map<String, ObjectNode> stored(Index index, List<String> ids) {
    Map<String, ObjectNode> out = new HashMap<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_REQUEST) {
      ObjectNode body = JSON.createObjectNode();
      ArrayNode idList = body.putArray("ids");
      ids.subList(from, Math.min(ids.size(), from + IDS_PER_REQUEST)).forEach(idList::add);
      JsonNode docs = client.send("POST", "/" + name(index) + "/_mget", body.toString(),
          "read documents of " + name(index)).body().path("docs");
      for (JsonNode doc : docs) {
        if (doc.has("error")) {
          throw client.failure("read " + name(index) + " " + doc.path("_id").asText(),
              doc.path("error").path("reason").asText(doc.path("error").asText()), null);
        }
        if (doc.path("found").asBoolean()) {
          out.put(doc.path("_id").asText(), (ObjectNode) doc.path("_source"));
        }
      }
    }
    return out;
  }

  /**
   * Finds documents in the index's order: its order field, then key.
   *
   * @param max the most to return
   * @param fields the source fields needed, or none for all (documents of the open transaction come whole)
   * @return the matching documents, as the open transaction left them
   */
  List<Doc> search(Index index, Filter filter, long max, String... fields) {
    Map<String, @Nullable ObjectNode> pending = pending(index);
    if (pending.isEmpty()) {
      return scan(index, filter, max, fields);
    }
    // a pending write can hide at most one stored document from the first max
    List<Doc> out = new ArrayList<>();
    for (Doc doc : scan(index, filter, saturatedAdd(max, pending.size()), fields)) {
      if (!pending.containsKey(doc.id())) {
        out.add(doc);
      }
    }
    pending.forEach((id, doc) -> {
      if (doc != null && filter.test(doc)) {
        out.add(new Doc(id, doc.deepCopy()));
      }
    });
    out.sort(order(index));
    return out.subList(0, (int) Math.min(max, out.size()));
  }

  /** @return how many documents match, as the open transaction left them */
  long count(Index index, Filter filter) {
    ObjectNode body = JSON.createObjectNode();
    body.set("query", filter.query());
    String what = "count documents of " + name(index);
    long count = whole(client.send("POST", "/" + name(index) + "/_count", body.toString(), what).body(), what)
        .path("count").asLong();
    Map<String, @Nullable ObjectNode> pending = pending(index);
    Map<String, ObjectNode> before = stored(index, List.copyOf(pending.keySet()));
    for (Map.Entry<String, @Nullable ObjectNode> write : pending.entrySet()) {
      ObjectNode old = before.get(write.getKey());
      ObjectNode now = write.getValue();
      count += (now != null && filter.test(now) ? 1 : 0) - (old != null && filter.test(old) ? 1 : 0);
    }
    return count;
  }

  /** Writes a document (adding its {@code key}), or keeps it for the open transaction's commit. */
  void put(Index index, String id, ObjectNode doc) {
    doc.put("key", id);
    inTransaction(() -> current().of(index).put(id, doc));
  }

  /** Deletes a document, or keeps the deletion for the open transaction's commit. */
  void delete(Index index, String id) {
    inTransaction(() -> current().of(index).put(id, null));
  }

  /** Runs {@code step} after the open transaction commits (not when it fails), or now outside one. */
  void afterCommit(Runnable step) {
    if (transaction != null) {
      transaction.afterCommit.add(step);
    } else {
      step.run();
    }
  }

  /**
   * Runs work as one transaction: its writes are kept and sent when it ends, or dropped when it
   * throws. An inner transaction joins the outer one.
   */
  void inTransaction(Runnable work) {
    if (transaction != null) {
      work.run();
      return;
    }
    Transaction open = new Transaction();
    transaction = open;
    try {
      work.run();
    } finally {
      transaction = null;
    }
    send(open);
    open.afterCommit.forEach(Runnable::run);
  }

  private Transaction current() {
    if (transaction == null) {
      throw new IllegalStateException("no transaction is open");
    }
    return transaction;
  }

  private Map<String, @Nullable ObjectNode> pending(Index index) {
    Transaction open = transaction;
    return open == null ? Map.of() : open.writes.getOrDefault(index, Map.of());
  }

  /** Sends a transaction's writes as {@code _bulk} requests. */
  private void send(Transaction done) {
    StringBuilder body = new StringBuilder();
    int count = 0;
    for (Map.Entry<Index, Map<String, @Nullable ObjectNode>> index : done.writes.entrySet()) {
      for (Map.Entry<String, @Nullable ObjectNode> write : index.getValue().entrySet()) {
        ObjectNode action = JSON.createObjectNode();
        action.putObject(write.getValue() == null ? "delete" : "index").put("_index", name(index.getKey()))
            .put("_id", write.getKey());
        body.append(action).append('\n');
        if (write.getValue() != null) {
          body.append(write.getValue()).append('\n');
        }
        count++;
        if (body.length() >= BULK_CHARS) {
          bulk(body.toString(), count);
          body.setLength(0);
          count = 0;
        }
      }
    }
    if (count > 0) {
      bulk(body.toString(), count);
    }
  }

  private void bulk(String body, int count) {
    String what = "write " + count + " documents";
    JsonNode answer = client.bulk("/_bulk?refresh=true", body, what).body();
    if (answer.path("errors").asBoolean()) {
      for (JsonNode item : answer.path("items")) {
        JsonNode result = item.elements().next();
        if (result.has("error")) {
          throw client.failure(what, result.path("_index").asText() + " " + result.path("_id").asText() + ": "
              + result.path("error").path("reason").asText() + " (the request's other documents may be written;"
              + " writing them again completes it)", null);
        }
      }
    }
  }

  /** Pages through the stored matches with {@code search_after}, in the index's order. */
  private List<Doc> scan(Index index, Filter filter, long max, String... fields) {
    List<Doc> out = new ArrayList<>();
    JsonNode after = null;
    while (out.size() < max) {
      int size = (int) Math.min(PAGE, max - out.size());
      ObjectNode body = JSON.createObjectNode().put("size", size).put("track_total_hits", false);
      body.set("query", filter.query());
      ArrayNode sort = body.putArray("sort");
      if (index.order() != null) {
        sort.addObject().put(index.order(), "asc");
      }
      sort.addObject().put("key", "asc");
      if (fields.length > 0) {
        ArrayNode source = body.putArray("_source").add("key");
        if (index.order() != null) {
          source.add(index.order());
        }
        List.of(fields).forEach(source::add);
      }
      if (after != null) {
        body.set("search_after", after);
      }
      String what = "search " + name(index);
      JsonNode hits = whole(client.send("POST", "/" + name(index) + "/_search", body.toString(), what).body(), what)
          .path("hits").path("hits");
      for (JsonNode hit : hits) {
        out.add(new Doc(hit.path("_id").asText(), (ObjectNode) hit.path("_source")));
      }
      if (hits.size() < size) {
        break;
      }
      after = hits.get(hits.size() - 1).path("sort");
    }
    return out;
  }

  /** @return the answer, when every shard answered (OpenSearch otherwise returns what the others had) */
  private JsonNode whole(JsonNode answer, String what) {
    JsonNode shards = answer.path("_shards");
    if (shards.path("failed").asInt() > 0) {
      throw client.failure(what, shards.path("failed").asInt() + " of " + shards.path("total").asInt()
          + " shards failed: " + shards.path("failures").path(0).path("reason").path("reason").asText(), null);
    }
    return answer;
  }

  private static Comparator<Doc> order(Index index) {
    Comparator<Doc> byKey = Comparator.comparing(d -> d.source().path("key").asText());
    String field = index.order();
    return field == null ? byKey
        : Comparator.<Doc>comparingLong(d -> d.source().path(field).asLong()).thenComparing(byKey);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < a ? Long.MAX_VALUE : sum;
  }
}
