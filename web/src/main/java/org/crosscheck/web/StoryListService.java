package org.crosscheck.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.Story;
import org.crosscheck.model.StoryId;
import org.crosscheck.outlet.Outlet;
import org.crosscheck.outlet.Outlets;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.report.StoryListing;
import org.crosscheck.store.Store;
import org.jspecify.annotations.Nullable;

/**
 * The story list the app shows: every story, most outlets first, read from the store again only
 * when the store has gained articles or its outlet registry has changed; and its rows, filtered and
 * paged, with the conflict counts of the reports built so far. Thread-safe.
 */
final class StoryListService {
  /** The story list as of a store size: articles are never removed, so a new size means the stories may have changed. */
  private record Snapshot(long articles, Outlets outlets, List<Story> stories) {}

  private final Store store;
  private volatile @Nullable Snapshot snapshot;
  /** Conflict counts of built reports, by the fingerprint of what they were built from: the list reads no report twice. */
  private final Map<String, Integer> conflictCounts = new ConcurrentHashMap<>();

  /** @param store the store the stories are read from */
  StoryListService(Store store) {
    this.store = store;
  }

  /**
   * @return every story, most outlets first, read again only when the store has gained articles or its outlet
   *     registry has changed (the store keeps one registry snapshot until then)
   */
  List<Story> all() {
    long n = store.count();
    Outlets outlets = store.outlets();
    Snapshot cached = snapshot;
    if (cached != null && cached.articles() == n && cached.outlets() == outlets) {
      return cached.stories();
    }
    List<Story> stories = Stories.all(store);
    snapshot = new Snapshot(n, outlets, stories);
    return stories;
  }

  /**
   * The stories whose dates overlap a period, from the list as last read: a page that needs them does not
   * read the store's stories again after every write (the list may miss the stories of the last few seconds).
   *
   * @param from the period's first day
   * @param to its last day
   * @return the stories, most outlets first
   */
  List<StoryId> overlapping(java.time.LocalDate from, java.time.LocalDate to) {
    Snapshot cached = snapshot;
    List<Story> stories = cached != null ? cached.stories() : all();
    return stories.stream().filter(s -> s.last() != null && !s.last().isBefore(from) && s.first() != null
        && !s.first().isAfter(to)).map(Story::id).toList();
  }

  /** @return the stories passing the filter, ranked by outlet count then recency, and how many passed */
  Map.Entry<List<StoryListing>, Integer> listing(StoryFilter f) {
    Set<String> entityStories = null;
    if (f.entity() != null) {
      entityStories = new HashSet<>(store.search("\"" + f.entity().replace("\"", "") + "\"", 10_000).keySet());
    }
    List<Story> passed = new ArrayList<>();
    // an outlet asked for by any of its names (NYT) matches the name stories show it under
    String outletName = f.outlet() == null ? null : store.outlets().find(f.outlet()).map(Outlet::name).orElse(f.outlet());
    for (Story s : all()) {
      if (f.from() != null && (s.last() == null || s.last().isBefore(f.from()))
          || f.to() != null && (s.first() == null || s.first().isAfter(f.to()))
          || outletName != null && s.outlets().stream().noneMatch(o -> o.equalsIgnoreCase(outletName))
          || entityStories != null && !entityStories.contains(s.id().value())) {
        continue;
      }
      passed.add(s);
    }
    int total = passed.size();
    // the conflict counts only of the page shown: a story without a built report is looked up on every request
    List<StoryListing> page = new ArrayList<>();
    for (Story s : passed.subList(Math.min(f.offset(), total), (int) Math.min(total, (long) f.offset() + f.limit()))) {
      String fingerprint = ReportBuilder.fingerprint(s);
      Integer conflicts = conflictCounts.get(fingerprint);
      if (conflicts == null) {
        conflicts = ReportBuilder.stored(store, s).map(r -> r.conflicts().size()).orElse(null);
        if (conflicts != null) {
          conflictCounts.put(fingerprint, conflicts);
        }
      }
      page.add(StoryListing.of(s, conflicts));
    }
    return Map.entry(List.copyOf(page), total);
  }
}
