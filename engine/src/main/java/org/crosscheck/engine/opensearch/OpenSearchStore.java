package org.crosscheck.engine.opensearch;

import static org.crosscheck.engine.opensearch.OpenSearchClient.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.crosscheck.engine.opensearch.Counters.Counter;
import org.crosscheck.engine.opensearch.Documents.Doc;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.FollowedSource;
import org.crosscheck.model.StoryId;
import org.crosscheck.outlet.Outlet;
import org.crosscheck.outlet.Outlets;
import org.crosscheck.store.PutResult;
import org.crosscheck.store.ReportStore;
import org.crosscheck.store.Store;
import org.crosscheck.store.StoreException;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Store} on OpenSearch: one index per kind of record ({@code <prefix>-articles}, {@code
 * <prefix>-sketches}, ...), created with explicit mappings when missing, reached over HTTP.
 * Several store objects, in one process or several, may share the indices.
 *
 * <p><b>Consistency.</b> Every write is sent with {@code refresh=true}, so a read after it, by any
 * store object, sees it. Numbers (article storing order, sketch numbers, story ids, assignment
 * order, followed sources' ids) come from counter documents advanced with optimistic concurrency,
 * so no two writers get the same one; a failed transaction leaves a gap. {@link #storiesVersion()}
 * and the outlet registry's version are advanced after the change is written, so a reader that sees
 * the new version sees the change.
 *
 * <p><b>Transactions.</b> OpenSearch has no transactions over several documents. {@link
 * #inTransaction} keeps the writes of the outermost transaction in memory (reads inside it see
 * them) and sends them, when the work returns, as one {@code _bulk} request (several when they
 * exceed 8 MB); when the work throws, nothing is sent. A batch of {@link #putAll} is one such
 * transaction. The guarantee is weaker than SQLite's: a crash or a failed node during the bulk
 * request can leave part of it written. Every write puts a whole document under an id derived from
 * what it stores, so running the same writes again completes them.
 *
 * <p><b>Several writers.</b> Two writers storing the same content at the same moment may both add
 * it; line counts ({@link #countLines}) are read, then written, so counts made at the same moment by
 * two writers can be lost; a writer whose transaction takes a sketch number and commits after
 * another writer's higher one can be missed by a reader catching up in between. One writer at a
 * time (the ingest of one process) has none of these problems.
 *
 * <p>Thread-safe: methods synchronize on the store, and a transaction holds the lock throughout.
 */
public final class OpenSearchStore implements Store {
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,100}");
  /** Content hashes looked up per query; OpenSearch takes at most 65,536 terms in one. */
  private static final int TERMS_PER_QUERY = 10_000;

  private final OpenSearchClient client;
  private final String prefix;
  private final Documents docs;
  private final Counters counters;
  private final OutletRegistry registry;
  private final Follows follows;
  private final Alerts alerts;
  private final Search search;
  private boolean closed;

  private OpenSearchStore(OpenSearchClient client, String prefix) {
    this.client = client;
    this.prefix = prefix;
    this.docs = new Documents(client, prefix);
    this.counters = new Counters(client, docs.name(Index.COUNTERS));
    this.registry = new OutletRegistry(docs, counters);
    this.follows = new Follows(docs, counters);
    this.alerts = new Alerts(docs, counters);
    this.search = new Search(client, prefix);
  }

  /**
   * Connects to OpenSearch and creates the store's indices when they are missing.
   *
   * @param httpAddress a node's HTTP address, e.g. {@code http://127.0.0.1:9200}
   * @param indexPrefix the prefix of the store's index names: lowercase letters, digits, {@code -}
   *     and {@code _}, starting with a letter or digit; stores with different prefixes are independent
   * @return the store
   * @throws StoreException naming the address when nothing answers there or the indices cannot be created
   * @throws IllegalArgumentException when the address has no host or port, or the prefix is not valid
   */
  public static OpenSearchStore connect(URI httpAddress, String indexPrefix) {
    Objects.requireNonNull(httpAddress, "httpAddress");
    checkPrefix(indexPrefix);
    OpenSearchClient client = new OpenSearchClient(httpAddress);
    try {
      client.send("GET", "/", null, "connect to the store");
      OpenSearchStore store = new OpenSearchStore(client, indexPrefix);
      store.docs.createMissingIndices();
      store.search.create();
      return store;
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /**
   * Connects to a store that exists, without creating one.
   *
   * @param httpAddress a node's HTTP address
   * @param indexPrefix the prefix of the store's index names
   * @return the store, or empty when no store has those indices yet
   * @throws StoreException naming the address when nothing answers there
   * @throws IllegalArgumentException when the address has no host or port, or the prefix is not valid
   */
  public static Optional<OpenSearchStore> connectIfPresent(URI httpAddress, String indexPrefix) {
    checkPrefix(indexPrefix);
    try (OpenSearchClient probe = new OpenSearchClient(Objects.requireNonNull(httpAddress, "httpAddress"))) {
      int status = probe.send("HEAD", "/" + Index.ARTICLES.name(indexPrefix), null, "look for the store",
          404).status();
      if (status == 404) {
        return Optional.empty();
      }
    }
    return Optional.of(connect(httpAddress, indexPrefix));
  }

  private static void checkPrefix(String indexPrefix) {
    if (!PREFIX.matcher(Objects.requireNonNull(indexPrefix, "indexPrefix")).matches()) {
      throw new IllegalArgumentException("index prefix '" + indexPrefix + "' is not lowercase letters, digits, - and _"
          + " (at most 101, starting with a letter or digit)");
    }
  }

  @Override
  public String location() {
    return "OpenSearch at " + client.address() + ", indices " + prefix + "-*";
  }

  /**
   * Checks that every index exists and has its primary shard, and that no counter is behind the
   * documents numbered from it.
   *
   * @return {@code ok}, or the problems found, one a line
   */
  @Override
  public synchronized String checkIntegrity() {
    List<String> problems = new ArrayList<>();
    JsonNode health = client.send("GET", "/_cluster/health/" + prefix + "-*?level=indices", null,
        "check the health of the indices").body().path("indices");
    for (Index index : Index.values()) {
      String status = health.path(docs.name(index)).path("status").asText("missing");
      if (!status.equals("green") && !status.equals("yellow")) {
        problems.add("index " + docs.name(index) + " is " + status);
      }
    }
    if (problems.isEmpty()) {
      checkCounter(Index.ARTICLES, "seq", Counter.ARTICLES, problems);
      checkCounter(Index.SKETCHES, "number", Counter.SKETCHES, problems);
      checkCounter(Index.ASSIGNMENTS, "seq", Counter.ASSIGNMENTS, problems);
      checkCounter(Index.FOLLOWED, "id", Counter.FOLLOWED, problems);
    }
    return problems.isEmpty() ? "ok" : String.join("\n", problems);
  }

  private void checkCounter(Index index, String field, Counter counter, List<String> problems) {
    ObjectNode body = JSON.createObjectNode().put("size", 0);
    body.putObject("aggs").putObject("highest").putObject("max").put("field", field);
    long highest = client.send("POST", "/" + docs.name(index) + "/_search", body.toString(),
        "check the numbers of " + docs.name(index)).body().path("aggregations").path("highest").path("value").asLong(0);
    long last = counters.value(counter);
    if (highest > last) {
      problems.add("counter " + counter.id() + " is at " + last + " but " + docs.name(index) + " holds " + field + " "
          + highest);
    }
  }

  // ---------------------------------------------------------------- articles (ArticleStore)

  @Override
  public synchronized List<PutResult> putAll(List<Article> batch) {
    List<PutResult> results = new ArrayList<>(batch.size());
    if (batch.isEmpty()) {
      return results;
    }
    List<String> hashes = batch.stream().map(Article::contentHash).toList();
    Map<String, ArticleId> byHash = new HashMap<>();
    for (int from = 0; from < hashes.size(); from += TERMS_PER_QUERY) {
      Filter stored = Filter.in("content_hash", hashes.subList(from, Math.min(hashes.size(), from + TERMS_PER_QUERY)));
      for (Doc doc : docs.search(Index.ARTICLES, stored, Long.MAX_VALUE, "content_hash", "article.id")) {
        byHash.putIfAbsent(doc.source().path("content_hash").asText(), articleId(doc));
      }
    }
    Set<String> taken = new HashSet<>(
        docs.getAll(Index.ARTICLES, batch.stream().map(a -> Documents.id(a.id().value())).toList()).keySet());
    List<Article> added = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Article a = batch.get(i);
      ArticleId before = byHash.get(hashes.get(i));
      if (before != null) {
        results.add(new PutResult.AlreadyStored(before));
      } else if (!taken.add(Documents.id(a.id().value()))) {
        results.add(new PutResult.IdTaken(a.id()));
      } else {
        byHash.put(hashes.get(i), a.id());
        added.add(a);
        results.add(new PutResult.Added(a.id()));
      }
    }
    if (!added.isEmpty()) {
      long first = counters.next(Counter.ARTICLES, added.size()) - added.size() + 1;
      docs.inTransaction(() -> {
        for (int i = 0; i < added.size(); i++) {
          docs.put(Index.ARTICLES, Documents.id(added.get(i).id().value()), Codec.article(added.get(i), first + i));
        }
      });
    }
    return results;
  }

  private static ArticleId articleId(Doc doc) {
    return new ArticleId(doc.source().path("article").path("id").asText());
  }

  @Override
  public synchronized Optional<Article> get(ArticleId id) {
    return docs.get(Index.ARTICLES, Documents.id(id.value())).map(Codec::article);
  }

  @Override
  public synchronized List<Article> findBySourceId(String sourceId) {
    return docs.search(Index.ARTICLES, Filter.term("source_id", sourceId), Long.MAX_VALUE).stream()
        .map(d -> Codec.article(d.source())).toList();
  }

  /** Lists by reading the articles from the first; a far page costs as much as the pages before it. */
  @Override
  public synchronized List<Article> list(int offset, int limit) {
    List<Doc> upTo = docs.search(Index.ARTICLES, Filter.all(), (long) offset + limit);
    return upTo.subList(Math.min(offset, upTo.size()), upTo.size()).stream().map(d -> Codec.article(d.source()))
        .toList();
  }

  @Override
  public synchronized long count() {
    return docs.count(Index.ARTICLES, Filter.all());
  }

  /** @return the ids of stored real articles (pages that are not articles aside), oldest first */
  private List<ArticleId> realArticles() {
    return docs.search(Index.ARTICLES, Filter.term("is_article", true), Long.MAX_VALUE, "article.id").stream()
        .map(OpenSearchStore::articleId).toList();
  }

  /** @return the values of a field of every document of an index */
  private Set<String> every(Index index, String field) {
    Set<String> out = new HashSet<>();
    docs.search(index, Filter.all(), Long.MAX_VALUE, field).forEach(d -> out.add(d.source().path(field).asText()));
    return out;
  }

  // ---------------------------------------------------------------- sketches and copies (SketchStore)

  @Override
  public synchronized void inTransaction(Runnable work) {
    try {
      docs.inTransaction(work);
    } catch (RuntimeException | Error e) {
      registry.forget();
      throw e;
    }
  }

  @Override
  public synchronized List<ArticleId> uncheckedForDuplicates() {
    Set<String> sketched = every(Index.SKETCHES, "article");
    Set<String> copies = every(Index.DUPLICATES, "copy");
    return realArticles().stream().filter(id -> !sketched.contains(id.value()) && !copies.contains(id.value()))
        .toList();
  }

  @Override
  public synchronized long putSketch(Sketch sketch) {
    String id = Documents.id(sketch.id().value());
    Optional<ObjectNode> known = docs.get(Index.SKETCHES, id);
    if (known.isPresent()) {
      return known.get().path("number").asLong();
    }
    long number = counters.next(Counter.SKETCHES, 1);
    docs.put(Index.SKETCHES, id, Codec.sketch(sketch, number));
    return number;
  }

  @Override
  public synchronized void sketchesAfter(long after, Consumer<Numbered> sink) {
    numbered(Filter.atLeast("number", after + 1)).forEach(sink);
  }

  @Override
  public synchronized List<Numbered> sketches(long[] numbers) {
    if (numbers.length == 0) {
      return List.of();
    }
    return numbered(Filter.in("number", Arrays.stream(numbers).boxed().toList()));
  }

  private List<Numbered> numbered(Filter filter) {
    return docs.search(Index.SKETCHES, filter, Long.MAX_VALUE).stream()
        .map(d -> new Numbered(d.source().path("number").asLong(), Codec.sketch(d.source()))).toList();
  }

  @Override
  public synchronized void putDuplicate(DuplicateLink link) {
    docs.put(Index.DUPLICATES, Documents.id(link.copy().value()), JSON.createObjectNode()
        .put("copy", link.copy().value()).put("original", link.original().value())
        .put("similarity", link.similarity()).put("exact", link.exact()));
  }

  @Override
  public synchronized Optional<DuplicateLink> duplicateOf(ArticleId copy) {
    return docs.get(Index.DUPLICATES, Documents.id(copy.value())).map(OpenSearchStore::link);
  }

  /** @return the copies, by the copies' ids */
  @Override
  public synchronized List<DuplicateLink> copiesOf(ArticleId original) {
    return docs.search(Index.DUPLICATES, Filter.term("original", original.value()), Long.MAX_VALUE).stream()
        .map(d -> link(d.source())).toList();
  }

  private static DuplicateLink link(JsonNode doc) {
    return new DuplicateLink(new ArticleId(doc.path("copy").asText()), new ArticleId(doc.path("original").asText()),
        doc.path("similarity").asDouble(), doc.path("exact").asBoolean());
  }

  // ---------------------------------------------------------------- stories (StoryStore)

  @Override
  public synchronized StoryId newStoryId() {
    return StoryId.of(counters.next(Counter.STORIES, 1));
  }

  /** Assigns at the end of the assignment order, also when the article moves from another story. */
  @Override
  public synchronized void assign(ArticleId article, StoryId story) {
    long seq = counters.next(Counter.ASSIGNMENTS, 1);
    docs.put(Index.ASSIGNMENTS, Documents.id(article.value()), assignment(article.value(), story, seq));
    storiesChanged();
  }

  private static ObjectNode assignment(String article, StoryId story, long seq) {
    return JSON.createObjectNode().put("article", article).put("story", story.number()).put("seq", seq);
  }

  /** After the change is written: advances the stories' version. */
  private void storiesChanged() {
    docs.afterCommit(() -> counters.next(Counter.STORIES_VERSION, 1));
  }

  @Override
  public synchronized Optional<StoryId> storyOf(ArticleId article) {
    return docs.get(Index.ASSIGNMENTS, Documents.id(article.value())).map(d -> StoryId.of(d.path("story").asLong()));
  }

  @Override
  public synchronized List<ArticleId> articlesOf(StoryId story) {
    return docs.search(Index.ASSIGNMENTS, Filter.term("story", story.number()), Long.MAX_VALUE, "article").stream()
        .map(d -> new ArticleId(d.source().path("article").asText())).toList();
  }

  @Override
  public synchronized Map<ArticleId, StoryId> allAssignments() {
    Map<ArticleId, StoryId> out = new LinkedHashMap<>();
    for (Doc d : docs.search(Index.ASSIGNMENTS, Filter.all(), Long.MAX_VALUE, "article", "story")) {
      out.put(new ArticleId(d.source().path("article").asText()), StoryId.of(d.source().path("story").asLong()));
    }
    return out;
  }

  @Override
  public synchronized long storiesVersion() {
    return counters.value(Counter.STORIES_VERSION);
  }

  @Override
  public synchronized List<ArticleId> unassigned() {
    Set<String> assigned = every(Index.ASSIGNMENTS, "article");
    return realArticles().stream().filter(id -> !assigned.contains(id.value())).toList();
  }

  @Override
  public synchronized void merge(Merge merge) {
    docs.inTransaction(() -> {
      for (Doc d : docs.search(Index.ASSIGNMENTS, Filter.term("story", merge.from().number()), Long.MAX_VALUE)) {
        docs.put(Index.ASSIGNMENTS, d.id(), d.source().put("story", merge.into().number()));
      }
      long seq = counters.next(Counter.STORY_CHANGES, 1);
      docs.put(Index.STORY_CHANGES, Long.toString(seq), JSON.createObjectNode().put("seq", seq).put("kind", "merge")
          .put("from", merge.from().number()).put("into", merge.into().number())
          .put("bridge", merge.bridge().value()));
      storiesChanged();
    });
  }

  @Override
  public synchronized List<Merge> merges() {
    return docs.search(Index.STORY_CHANGES, Filter.term("kind", "merge"), Long.MAX_VALUE).stream()
        .map(Doc::source).map(d -> new Merge(StoryId.of(d.path("from").asLong()), StoryId.of(d.path("into").asLong()),
            new ArticleId(d.path("bridge").asText()))).toList();
  }

  /** Moves those of the split's articles that are assigned, keeping their place in the assignment order. */
  @Override
  public synchronized void split(Split split) {
    docs.inTransaction(() -> {
      Map<String, ObjectNode> assigned = docs.getAll(Index.ASSIGNMENTS,
          split.moved().stream().map(a -> Documents.id(a.value())).toList());
      assigned.forEach((id, doc) -> docs.put(Index.ASSIGNMENTS, id, doc.put("story", split.into().number())));
      long seq = counters.next(Counter.STORY_CHANGES, 1);
      ObjectNode change = JSON.createObjectNode().put("seq", seq).put("kind", "split")
          .put("from", split.from().number()).put("into", split.into().number())
          .put("trigger", split.trigger().value());
      ArrayNode moved = change.putArray("moved");
      split.moved().forEach(a -> moved.add(a.value()));
      docs.put(Index.STORY_CHANGES, Long.toString(seq), change);
      storiesChanged();
    });
  }

  @Override
  public synchronized List<Split> splits() {
    List<Split> out = new ArrayList<>();
    for (Doc doc : docs.search(Index.STORY_CHANGES, Filter.term("kind", "split"), Long.MAX_VALUE)) {
      JsonNode d = doc.source();
      List<ArticleId> moved = new ArrayList<>();
      d.path("moved").forEach(m -> moved.add(new ArticleId(m.asText())));
      out.add(new Split(StoryId.of(d.path("from").asLong()), StoryId.of(d.path("into").asLong()), moved,
          new ArticleId(d.path("trigger").asText())));
    }
    return out;
  }

  // ---------------------------------------------------------------- analyses and reports

  @Override
  public synchronized Optional<String> analysis(ArticleId article, String version) {
    return docs.get(Index.ANALYSES, Documents.id(article.value()))
        .filter(d -> d.path("version").asText().equals(version)).map(d -> d.path("json").asText());
  }

  @Override
  public synchronized void putAnalysis(ArticleId article, String version, String json) {
    docs.put(Index.ANALYSES, Documents.id(article.value()),
        JSON.createObjectNode().put("article", article.value()).put("version", version).put("json", json));
  }

  @Override
  public synchronized Optional<String> report(StoryId story, String fingerprint) {
    return docs.get(Index.REPORTS, story.value())
        .filter(d -> d.path("fingerprint").asText().equals(fingerprint)).map(d -> d.path("json").asText());
  }

  @Override
  public synchronized void putReport(StoryId story, String fingerprint, String json) {
    List<ReportVersion> after = ReportStore.append(reportVersions(story), fingerprint, json, java.time.Instant.now());
    ReportVersion latest = after.get(after.size() - 1);
    docs.inTransaction(() -> {
      docs.put(Index.REPORTS, story.value(),
          JSON.createObjectNode().put("story", story.number()).put("fingerprint", fingerprint).put("json", json));
      docs.put(Index.REPORT_VERSIONS, Documents.id(story.number(), latest.number()), JSON.createObjectNode()
          .put("story", story.number()).put("version", latest.number()).put("fingerprint", fingerprint)
          .put("built_at", latest.builtAt().toString()).put("json", json));
    });
  }

  @Override
  public synchronized List<ReportVersion> reportVersions(StoryId story) {
    return docs.search(Index.REPORT_VERSIONS, Filter.term("story", story.number()), Long.MAX_VALUE).stream()
        .map(d -> new ReportVersion(d.source().path("version").asInt(), d.source().path("fingerprint").asText(),
            java.time.Instant.parse(d.source().path("built_at").asText()), d.source().path("json").asText()))
        .sorted(java.util.Comparator.comparingInt(ReportVersion::number))
        .toList();
  }

  // ---------------------------------------------------------------- recurring lines (BoilerplateStore)

  @Override
  public synchronized List<Long> countLines(String outlet, long[] lines, int atLeast) {
    Map<Long, String> ids = new LinkedHashMap<>();
    for (long line : lines) {
      ids.put(line, Documents.id(line, outlet));
    }
    Map<String, ObjectNode> stored = docs.getAll(Index.OUTLET_LINES, ids.values());
    Map<Long, Long> counts = new HashMap<>();
    List<Long> out = new ArrayList<>();
    docs.inTransaction(() -> {
      for (long line : lines) {
        ObjectNode before = stored.get(ids.get(line));
        long count = counts.merge(line, before == null ? 1 : before.path("articles").asLong() + 1, (a, b) -> a + 1);
        docs.put(Index.OUTLET_LINES, ids.get(line),
            JSON.createObjectNode().put("outlet", outlet).put("line", line).put("articles", count));
        if (count >= atLeast) {
          out.add(line);
        }
      }
    });
    return out;
  }

  @Override
  public synchronized Map<String, List<Long>> linesSeenAtLeast(int atLeast) {
    Map<String, List<Long>> out = new HashMap<>();
    for (Doc d : docs.search(Index.OUTLET_LINES, Filter.atLeast("articles", atLeast), Long.MAX_VALUE)) {
      out.computeIfAbsent(d.source().path("outlet").asText(), o -> new ArrayList<>()).add(d.source().path("line").asLong());
    }
    return out;
  }

  @Override
  public synchronized List<Long> linesOf(String outlet, int atLeast) {
    return docs.search(Index.OUTLET_LINES, Filter.and(Filter.term("outlet", outlet),
        Filter.atLeast("articles", atLeast)), Long.MAX_VALUE, "line").stream()
        .map(d -> d.source().path("line").asLong()).toList();
  }

  // ---------------------------------------------------------------- the outlet registry (OutletStore)

  @Override
  public synchronized Outlets outlets() {
    return registry.outlets();
  }

  @Override
  public synchronized void register(Collection<Outlet> registered) {
    registry.register(registered);
  }

  @Override
  public synchronized void rename(String key, String name) {
    registry.rename(key, name);
  }

  @Override
  public synchronized void articleOutlets(BiConsumer<@Nullable String, @Nullable String> sink) {
    for (Doc d : docs.search(Index.ARTICLES, Filter.term("is_article", true), Long.MAX_VALUE, "article.outlet",
        "article.url")) {
      sink.accept(Codec.text(d.source().path("article"), "outlet"), Codec.text(d.source().path("article"), "url"));
    }
  }

  // ---------------------------------------------------------------- followed sources (FollowStore)

  // ---------------------------------------------------------------- watches, alerts, webhooks (AlertStore)

  @Override
  public synchronized Watch addWatch(Watch.Kind kind, String value) {
    return alerts.addWatch(kind, value);
  }

  @Override
  public synchronized List<Watch> watches() {
    return alerts.watches();
  }

  @Override
  public synchronized boolean removeWatch(long id) {
    return alerts.removeWatch(id);
  }

  @Override
  public synchronized Optional<Alert> addAlert(long watch, String story, String kind, String key, String title,
      String json, java.time.Instant at) {
    return alerts.addAlert(watch, story, kind, key, title, json, at);
  }

  @Override
  public synchronized List<Alert> alerts(long watch, int limit) {
    return alerts.alerts(watch, limit);
  }

  @Override
  public synchronized Optional<Alert> alert(long id) {
    return alerts.alert(id);
  }

  @Override
  public synchronized Webhook addWebhook(String url, String secret) {
    return alerts.addWebhook(url, secret);
  }

  @Override
  public synchronized List<Webhook> webhooks() {
    return alerts.webhooks();
  }

  @Override
  public synchronized boolean removeWebhook(long id) {
    return alerts.removeWebhook(id);
  }

  @Override
  public synchronized List<Delivery> dueDeliveries(java.time.Instant now, int limit) {
    return alerts.dueDeliveries(now, limit);
  }

  @Override
  public synchronized void recordAttempt(long webhook, long alert, boolean delivered, @Nullable String error,
      java.time.@Nullable Instant nextAttempt) {
    alerts.recordAttempt(webhook, alert, delivered, error, nextAttempt);
  }

  @Override
  public synchronized List<Delivery> deliveries(long webhook) {
    return alerts.deliveries(webhook);
  }

  @Override
  public synchronized FollowedSource addFollowed(FollowedSource source) {
    return follows.add(source);
  }

  @Override
  public synchronized List<FollowedSource> followedSources() {
    return follows.all();
  }

  @Override
  public synchronized Optional<FollowedSource> followedSource(String url) {
    return follows.find(url);
  }

  @Override
  public synchronized void updateFollowed(FollowedSource source) {
    follows.update(source);
  }

  @Override
  public synchronized boolean removeFollowed(String url) {
    return follows.remove(url);
  }

  @Override
  public synchronized Set<String> seenItems(long source, Collection<String> keys) {
    return follows.seen(source, keys);
  }

  /** Remembers the items; an item seen before keeps the time it was first seen. */
  @Override
  public synchronized void markSeen(long source, Collection<String> keys, Instant at) {
    follows.markSeen(source, keys, at);
  }

  /** Closes the connection (the indices stay). Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      client.close();
    }
  }

  // search (SearchStore): the <prefix>-search index

  @Override
  public void index(List<Entry> entries) {
    search.index(entries);
  }

  @Override
  public void indexReport(String story, List<Entry> entries) {
    search.indexReport(story, entries);
  }

  @Override
  public Map<String, List<Hit>> search(String query, int limit) {
    return search.search(query, limit);
  }
}
