package org.crosscheck.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.outlet.Outlet;
import org.crosscheck.outlet.Outlets;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ArticleStore} held in memory, for evaluations and tests: nothing survives the
 * process. Thread-safe (all methods synchronize on the store).
 */
public final class InMemoryArticleStore
    implements Store, LuceneSearching {
  private final List<Article> articles = new ArrayList<>();
  private final Map<ArticleId, Article> byId = new HashMap<>();
  private final Map<String, ArticleId> byHash = new HashMap<>();
  /** Sketches in the order stored: the sketch numbered n is at n - 1. */
  private final List<Sketch> sketchOrder = new ArrayList<>();
  private final Map<ArticleId, Long> sketchNumbers = new HashMap<>();
  private final Map<ArticleId, DuplicateLink> duplicates = new HashMap<>();
  private final Map<ArticleId, StoryId> storyOf = new java.util.LinkedHashMap<>();
  private final List<Merge> merges = new ArrayList<>();
  private final List<Split> splits = new ArrayList<>();
  private final Map<ArticleId, String[]> analyses = new java.util.HashMap<>();
  private final Map<StoryId, List<ReportVersion>> reports = new java.util.HashMap<>();
  private long lastStory;
  /** Changes of story membership so far: assignments, merges, splits. */
  private long storiesVersion;

  @Override
  public synchronized List<PutResult> putAll(List<Article> batch) {
    List<PutResult> results = new ArrayList<>(batch.size());
    for (Article a : batch) {
      String hash = a.contentHash();
      ArticleId existing = byHash.get(hash);
      if (existing != null) {
        results.add(new PutResult.AlreadyStored(existing));
      } else if (byId.containsKey(a.id())) {
        results.add(new PutResult.IdTaken(a.id()));
      } else {
        articles.add(a);
        byId.put(a.id(), a);
        byHash.put(hash, a.id());
        onRollback(() -> {
          articles.remove(articles.size() - 1);
          byId.remove(a.id());
          byHash.remove(hash);
        });
        results.add(new PutResult.Added(a.id()));
      }
    }
    return results;
  }

  @Override
  public synchronized Optional<Article> get(ArticleId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<Article> findBySourceId(String sourceId) {
    return articles.stream().filter(a -> sourceId.equals(a.sourceId())).toList();
  }

  @Override
  public synchronized List<Article> list(int offset, int limit) {
    int from = Math.min(offset, articles.size());
    int to = (int) Math.min((long) from + limit, articles.size());
    return List.copyOf(articles.subList(from, to));
  }

  @Override
  public synchronized long count() {
    return articles.size();
  }

  @Override
  public synchronized void inTransaction(Runnable work) {
    if (undo != null) {
      work.run();
      return;
    }
    undo = new ArrayDeque<>();
    try {
      work.run();
      undo = null;
    } catch (RuntimeException | Error e) {
      ArrayDeque<Runnable> steps = undo;
      undo = null;
      while (!steps.isEmpty()) {
        steps.removeLast().run();
      }
      throw e;
    }
  }

  /**
   * The undo steps of the open transaction, newest last; null outside one. The lock is held for
   * the whole transaction, so steps undo exactly the transaction's own writes, newest first.
   */
  private @Nullable ArrayDeque<Runnable> undo;

  /** Records how to undo a write, when a transaction is open. */
  private void onRollback(Runnable step) {
    if (undo != null) {
      undo.addLast(step);
    }
  }

  /** Records how to bring the story assignments back as they are now, when a transaction is open. */
  private void rememberAssignments() {
    if (undo != null) {
      Map<ArticleId, StoryId> before = new java.util.LinkedHashMap<>(storyOf);
      onRollback(() -> {
        storyOf.clear();
        storyOf.putAll(before);
      });
    }
  }

  @Override
  public synchronized long putSketch(Sketch sketch) {
    Long known = sketchNumbers.get(sketch.id());
    if (known != null) {
      return known;
    }
    sketchOrder.add(sketch);
    sketchNumbers.put(sketch.id(), (long) sketchOrder.size());
    onRollback(() -> {
      sketchOrder.remove(sketchOrder.size() - 1);
      sketchNumbers.remove(sketch.id());
    });
    return sketchOrder.size();
  }

  @Override
  public void sketchesAfter(long after, java.util.function.Consumer<Numbered> sink) {
    List<Numbered> out = new ArrayList<>();
    synchronized (this) {
      for (long n = Math.max(after, 0) + 1; n <= sketchOrder.size(); n++) {
        out.add(new Numbered(n, sketchOrder.get((int) n - 1)));
      }
    }
    out.forEach(sink);
  }

  @Override
  public synchronized List<Numbered> sketches(long[] numbers) {
    return java.util.Arrays.stream(numbers).sorted().distinct().filter(n -> n >= 1 && n <= sketchOrder.size())
        .mapToObj(n -> new Numbered(n, sketchOrder.get((int) n - 1))).toList();
  }

  @Override
  public synchronized void putDuplicate(DuplicateLink link) {
    DuplicateLink before = duplicates.put(link.copy(), link);
    onRollback(() -> {
      if (before == null) {
        duplicates.remove(link.copy());
      } else {
        duplicates.put(link.copy(), before);
      }
    });
  }

  @Override
  public synchronized Optional<DuplicateLink> duplicateOf(ArticleId copy) {
    return Optional.ofNullable(duplicates.get(copy));
  }

  @Override
  public synchronized List<DuplicateLink> copiesOf(ArticleId original) {
    return duplicates.values().stream().filter(l -> l.original().equals(original)).toList();
  }

  @Override
  public synchronized StoryId newStoryId() {
    return StoryId.of(++lastStory);
  }

  @Override
  public synchronized void assign(ArticleId article, StoryId story) {
    if (storyOf.containsKey(article)) {
      rememberAssignments();
      storyOf.remove(article);
    } else {
      onRollback(() -> storyOf.remove(article));
    }
    storyOf.put(article, story);
    storiesVersion++;
  }

  @Override
  public synchronized Optional<StoryId> storyOf(ArticleId article) {
    return Optional.ofNullable(storyOf.get(article));
  }

  @Override
  public synchronized List<ArticleId> articlesOf(StoryId story) {
    return storyOf.entrySet().stream().filter(e -> e.getValue().equals(story)).map(Map.Entry::getKey).toList();
  }

  @Override
  public synchronized Map<ArticleId, StoryId> allAssignments() {
    return new java.util.LinkedHashMap<>(storyOf);
  }

  private final Map<String, Map<Long, Integer>> outletLines = new HashMap<>();

  @Override
  public synchronized List<Long> countLines(String outlet, long[] lines, int atLeast) {
    Map<Long, Integer> counts = outletLines.computeIfAbsent(outlet, o -> new HashMap<>());
    List<Long> out = new ArrayList<>();
    for (long line : lines) {
      onRollback(() -> counts.computeIfPresent(line, (l, n) -> n == 1 ? null : n - 1));
      if (counts.merge(line, 1, Integer::sum) >= atLeast) {
        out.add(line);
      }
    }
    return out;
  }

  @Override
  public synchronized Map<String, List<Long>> linesSeenAtLeast(int atLeast) {
    Map<String, List<Long>> out = new HashMap<>();
    for (String outlet : outletLines.keySet()) {
      List<Long> lines = linesOf(outlet, atLeast);
      if (!lines.isEmpty()) {
        out.put(outlet, lines);
      }
    }
    return out;
  }

  @Override
  public synchronized List<Long> linesOf(String outlet, int atLeast) {
    List<Long> out = new ArrayList<>();
    outletLines.getOrDefault(outlet, Map.of()).forEach((line, n) -> {
      if (n >= atLeast) {
        out.add(line);
      }
    });
    return out;
  }

  @Override
  public synchronized long storiesVersion() {
    return storiesVersion;
  }

  @Override
  public synchronized List<ArticleId> uncheckedForDuplicates() {
    return articles.stream().filter(Article::isArticle).map(Article::id)
        .filter(id -> !sketchNumbers.containsKey(id) && !duplicates.containsKey(id)).toList();
  }

  @Override
  public synchronized List<ArticleId> unassigned() {
    return articles.stream().filter(Article::isArticle).map(Article::id).filter(id -> !storyOf.containsKey(id))
        .toList();
  }

  @Override
  public synchronized void merge(Merge merge) {
    rememberAssignments();
    storyOf.replaceAll((a, s) -> s.equals(merge.from()) ? merge.into() : s);
    merges.add(merge);
    onRollback(() -> merges.remove(merges.size() - 1));
    storiesVersion++;
  }

  @Override
  public synchronized List<Merge> merges() {
    return List.copyOf(merges);
  }

  @Override
  public synchronized Optional<String> analysis(ArticleId article, String version) {
    String[] a = analyses.get(article);
    return a != null && a[0].equals(version) ? Optional.of(a[1]) : Optional.empty();
  }

  @Override
  public synchronized void putAnalysis(ArticleId article, String version, String json) {
    analyses.put(article, new String[] {version, json});
  }

  @Override
  public synchronized Optional<String> report(StoryId story, String fingerprint) {
    List<ReportVersion> versions = reports.getOrDefault(story, List.of());
    ReportVersion last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
    return last != null && last.fingerprint().equals(fingerprint) ? Optional.of(last.json()) : Optional.empty();
  }

  @Override
  public synchronized void putReport(StoryId story, String fingerprint, String json) {
    List<ReportVersion> before = reports.getOrDefault(story, List.of());
    reports.put(story, ReportStore.append(before, fingerprint, json, java.time.Instant.now()));
    onRollback(() -> reports.put(story, before));
  }

  @Override
  public synchronized List<ReportVersion> reportVersions(StoryId story) {
    return reports.getOrDefault(story, List.of());
  }

  @Override
  public synchronized void split(Split split) {
    rememberAssignments();
    split.moved().forEach(a -> storyOf.replace(a, split.into()));
    splits.add(split);
    onRollback(() -> splits.remove(splits.size() - 1));
    storiesVersion++;
  }

  @Override
  public synchronized List<Split> splits() {
    return List.copyOf(splits);
  }

  // the outlet registry (OutletStore)

  /** Registered outlets' names by key, in the order registered. */
  private final Map<String, String> outletNames = new java.util.LinkedHashMap<>();
  /** Registered aliases by alias key: the alias as spelled, and its outlet's key. */
  private final Map<String, String[]> outletAliases = new java.util.LinkedHashMap<>();
  /** The resolver over the registry; null when the registry changed since it was made. */
  private @Nullable Outlets outlets;

  @Override
  public synchronized Outlets outlets() {
    if (outlets == null) {
      Map<String, List<String>> aliases = new HashMap<>();
      outletAliases.values().forEach(a -> aliases.computeIfAbsent(a[1], k -> new ArrayList<>()).add(a[0]));
      List<Outlet> rows = new ArrayList<>();
      outletNames.forEach((key, name) -> rows.add(new Outlet(key, name, aliases.getOrDefault(key, List.of()))));
      outlets = Outlets.builtIn().withRegistered(rows);
    }
    return outlets;
  }

  @Override
  public synchronized void register(Collection<Outlet> registered) {
    rememberOutlets();
    for (Outlet o : registered) {
      outletNames.putIfAbsent(o.key(), o.name());
      for (String alias : o.aliases()) {
        outletAliases.put(Outlets.aliasKey(alias), new String[] {alias.strip(), o.key()});
      }
    }
    outlets = null;
  }

  @Override
  public synchronized void rename(String key, String name) {
    rememberOutlets();
    outletNames.put(key, name.strip());
    outlets = null;
  }

  /** Records how to bring the outlet registry back as it is now, when a transaction is open. */
  private void rememberOutlets() {
    if (undo != null) {
      Map<String, String> names = new java.util.LinkedHashMap<>(outletNames);
      Map<String, String[]> aliases = new java.util.LinkedHashMap<>(outletAliases);
      onRollback(() -> {
        outletNames.clear();
        outletNames.putAll(names);
        outletAliases.clear();
        outletAliases.putAll(aliases);
        outlets = null;
      });
    }
  }

  @Override
  public void articleOutlets(BiConsumer<@Nullable String, @Nullable String> sink) {
    List<Article> all;
    synchronized (this) {
      all = List.copyOf(articles);
    }
    all.stream().filter(Article::isArticle).forEach(a -> sink.accept(a.outlet(), a.url()));
  }

  @Override
  public void close() {}

  @Override
  public String location() {
    return "memory";
  }

  @Override
  public String checkIntegrity() {
    return "ok";
  }

  // ---------------------------------------------------------------- followed sources (FollowStore)

  private final Map<Long, org.crosscheck.model.FollowedSource> followed = new java.util.TreeMap<>();
  private final Map<Long, java.util.Set<String>> followedItems = new HashMap<>();
  private long lastFollowed;

  @Override
  public synchronized org.crosscheck.model.FollowedSource addFollowed(org.crosscheck.model.FollowedSource source) {
    Optional<org.crosscheck.model.FollowedSource> existing = followedSource(source.url());
    if (existing.isPresent()) {
      return existing.get();
    }
    org.crosscheck.model.FollowedSource stored = source.withId(++lastFollowed);
    followed.put(stored.id(), stored);
    return stored;
  }

  @Override
  public synchronized List<org.crosscheck.model.FollowedSource> followedSources() {
    return List.copyOf(followed.values());
  }

  @Override
  public synchronized Optional<org.crosscheck.model.FollowedSource> followedSource(String url) {
    return followed.values().stream().filter(s -> s.url().equals(url)).findFirst();
  }

  @Override
  public synchronized void updateFollowed(org.crosscheck.model.FollowedSource source) {
    followed.replace(source.id(), source);
  }

  @Override
  public synchronized boolean removeFollowed(String url) {
    Optional<org.crosscheck.model.FollowedSource> source = followedSource(url);
    source.ifPresent(s -> {
      followed.remove(s.id());
      followedItems.remove(s.id());
    });
    return source.isPresent();
  }

  @Override
  public synchronized java.util.Set<String> seenItems(long source, java.util.Collection<String> keys) {
    java.util.Set<String> seen = followedItems.getOrDefault(source, java.util.Set.of());
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String key : keys) {
      if (seen.contains(key)) {
        out.add(key);
      }
    }
    return out;
  }

  @Override
  public synchronized void markSeen(long source, java.util.Collection<String> keys, java.time.Instant at) {
    followedItems.computeIfAbsent(source, k -> new java.util.HashSet<>()).addAll(keys);
  }

  /** The search entries (SearchStore): a Lucene index in memory, filled by whoever ingests into this store. */
  private final SearchIndex.Lazy search = new SearchIndex.Lazy(LuceneSearch::new);

  @Override
  public SearchIndex.Lazy searchIndex() {
    return search;
  }

  // ---------------------------------------------------------------- watches, alerts, webhooks (AlertStore)

  private final List<Watch> watches = new ArrayList<>();
  private final List<Alert> alerts = new ArrayList<>();
  private final List<Webhook> webhooks = new ArrayList<>();
  private final Map<String, Delivery> deliveries = new java.util.LinkedHashMap<>();
  private long nextWatch = 1;
  private long nextAlert = 1;
  private long nextWebhook = 1;

  @Override
  public synchronized Watch addWatch(Watch.Kind kind, String value) {
    for (Watch w : watches) {
      if (w.kind() == kind && w.value().equals(value)) {
        return w;
      }
    }
    Watch w = new Watch(nextWatch++, kind, value, java.time.Instant.now());
    watches.add(w);
    onRollback(() -> watches.remove(w));
    return w;
  }

  @Override
  public synchronized List<Watch> watches() {
    return List.copyOf(watches);
  }

  @Override
  public synchronized boolean removeWatch(long id) {
    return watches.removeIf(w -> w.id() == id);
  }

  @Override
  public synchronized Optional<Alert> addAlert(long watch, String story, String kind, String key, String title,
      String json, java.time.Instant at) {
    for (Alert a : alerts) {
      if (a.watch() == watch && a.story().equals(story) && a.key().equals(key)) {
        return Optional.empty();
      }
    }
    Alert a = new Alert(nextAlert++, watch, story, kind, key, title, json, at);
    alerts.add(a);
    onRollback(() -> alerts.remove(a));
    for (Webhook h : webhooks) {
      if (!h.createdAt().isAfter(at)) {
        String id = h.id() + "/" + a.id();
        deliveries.put(id, new Delivery(h.id(), a.id(), 0, at, null, null));
        onRollback(() -> deliveries.remove(id));
      }
    }
    return Optional.of(a);
  }

  @Override
  public synchronized List<Alert> alerts(long watch, int limit) {
    return alerts.reversed().stream().filter(a -> watch == 0 || a.watch() == watch).limit(limit).toList();
  }

  @Override
  public synchronized Optional<Alert> alert(long id) {
    return alerts.stream().filter(a -> a.id() == id).findFirst();
  }

  @Override
  public synchronized Webhook addWebhook(String url, String secret) {
    for (int i = 0; i < webhooks.size(); i++) {
      Webhook h = webhooks.get(i);
      if (h.url().equals(url)) {
        Webhook replaced = new Webhook(h.id(), url, secret, h.createdAt());
        webhooks.set(i, replaced);
        return replaced;
      }
    }
    Webhook h = new Webhook(nextWebhook++, url, secret, java.time.Instant.now());
    webhooks.add(h);
    return h;
  }

  @Override
  public synchronized List<Webhook> webhooks() {
    return List.copyOf(webhooks);
  }

  @Override
  public synchronized boolean removeWebhook(long id) {
    deliveries.values().removeIf(d -> d.webhook() == id && d.deliveredAt() == null);
    return webhooks.removeIf(h -> h.id() == id);
  }

  @Override
  public synchronized List<Delivery> dueDeliveries(java.time.Instant now, int limit) {
    return deliveries.values().stream().filter(d -> d.nextAttempt() != null && !d.nextAttempt().isAfter(now))
        .sorted(java.util.Comparator.comparingLong(Delivery::alert).thenComparingLong(Delivery::webhook))
        .limit(limit).toList();
  }

  @Override
  public synchronized void recordAttempt(long webhook, long alert, boolean delivered, @Nullable String error,
      java.time.@Nullable Instant nextAttempt) {
    String id = webhook + "/" + alert;
    Delivery d = deliveries.get(id);
    if (d == null) {
      return;
    }
    deliveries.put(id, new Delivery(webhook, alert, d.attempts() + 1, delivered ? null : nextAttempt,
        delivered ? java.time.Instant.now() : null, delivered ? null : error));
  }

  @Override
  public synchronized List<Delivery> deliveries(long webhook) {
    return deliveries.values().stream().filter(d -> webhook == 0 || d.webhook() == webhook)
        .sorted(java.util.Comparator.comparingLong(Delivery::alert).thenComparingLong(Delivery::webhook)).toList();
  }
}
