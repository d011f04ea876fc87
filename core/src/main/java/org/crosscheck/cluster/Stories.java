package org.crosscheck.cluster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crosscheck.store.Store;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Story;
import org.crosscheck.model.StoryId;
import org.crosscheck.outlet.Outlet;
import org.crosscheck.outlet.Outlets;

/**
 * Reads stories out of a store: their articles, outlets, headline and dates. Outlets are counted
 * and named as the store's outlet registry resolves them ({@link Store#outlets}).
 */
public final class Stories {
  private Stories() {}

  /**
   * @param store the store holding articles, duplicate links and stories
   * @return every story, most outlets first, then most recent first
   */
  public static List<Story> all(Store store) {
    Map<StoryId, List<ArticleId>> byStory = new LinkedHashMap<>();
    store.allAssignments().forEach((a, s) -> byStory.computeIfAbsent(s, k -> new ArrayList<>()).add(a));
    List<Story> out = new ArrayList<>();
    Outlets outlets = store.outlets();
    byStory.forEach((id, ids) -> out.add(summarize(store, outlets, id, ids)));
    out.sort(Comparator.comparingInt((Story s) -> s.outlets().size()).reversed()
        .thenComparing(s -> s.last() == null ? LocalDate.MIN : s.last(), Comparator.reverseOrder())
        .thenComparing(Story::id));
    return out;
  }

  /** @return the story with this id, if it has articles */
  public static Optional<Story> get(Store store, StoryId id) {
    List<ArticleId> ids = store.articlesOf(id);
    return ids.isEmpty() ? Optional.empty() : Optional.of(summarize(store, store.outlets(), id, ids));
  }

  private static Story summarize(Store store, Outlets resolver,
      StoryId id, List<ArticleId> ids) {
    Set<ArticleId> members = new java.util.HashSet<>(ids);
    // an outlet is counted once, by its key, whatever names its articles give it
    Map<String, String> outlets = new LinkedHashMap<>();
    int copies = 0;
    LocalDate first = null;
    LocalDate last = null;
    String headline = null;
    for (ArticleId aid : ids) {
      Optional<Article> found = store.get(aid);
      if (found.isEmpty()) {
        continue;
      }
      Article a = found.get();
      boolean copy = store.duplicateOf(aid).map(l -> members.contains(l.original())).orElse(false);
      if (copy) {
        copies++;
      } else {
        Outlet o = resolver.of(a);
        outlets.putIfAbsent(o.key(), o.name());
      }
      if (headline == null && a.title() != null) {
        headline = a.title();
      }
      LocalDate d = a.published().localDate().orElse(null);
      if (d != null) {
        first = first == null || d.isBefore(first) ? d : first;
        last = last == null || d.isAfter(last) ? d : last;
      }
    }
    if (headline == null) {
      headline = store.get(ids.get(0)).map(a -> firstSentence(a.text())).orElse("(no headline)");
    }
    return new Story(id, headline, ids, List.copyOf(outlets.values()), copies, first, last);
  }

  private static String firstSentence(String text) {
    List<String> sentences = FeatureExtractor.sentences(text);
    return sentences.isEmpty() ? "(no headline)" : sentences.get(0);
  }
}
