package org.crosscheck.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crosscheck.model.Article;
import org.crosscheck.model.StoryId;
import org.crosscheck.store.StoryStore;

/**
 * Single-pass story clustering with an inverted index for candidates.
 *
 * <p>For each new article: its rarest content words and names are looked up in an index from
 * term to the stories that contain it (most recently changed stories first, a bounded number per
 * term), the stories sharing the most rare terms become candidates (at most {@link
 * #CANDIDATES}), and each candidate is scored by {@link StorySimilarity}. The article joins the
 * best candidate when its score reaches {@link StorySimilarity#JOIN}, else starts a story. A
 * second candidate that also scores at least {@link StorySimilarity#MERGE} is the same event: it
 * is merged into the first, and the merge recorded. The cost of one article depends on its own
 * length and these bounds, not on the number of stories.
 *
 * <p>Not thread-safe: one ingest at a time.
 */
public final class OnlineStoryClusterer implements StoryClusterer {
  /** Most candidate stories scored per article. */
  static final int CANDIDATES = Integer.getInteger("cc.CANDIDATES", 15);
  /** Query terms looked up per article (its highest-weighted words and names). */
  static final int QUERY_TERMS = Integer.getInteger("cc.QUERY_TERMS", 20);
  /** Stories read per posting list: the most recently changed. */
  static final int POSTINGS_PER_TERM = Integer.getInteger("cc.POSTINGS", 100);

  private final StoryStore stories;
  private final Map<StoryId, StoryProfile> profiles = new HashMap<>();
  private final Map<String, LinkedHashMap<StoryId, Boolean>> postings = new HashMap<>();
  private final DocumentFrequencies df = new DocumentFrequencies();
  private long seen;

  /** @param stories where new story ids come from and merges are recorded */
  public OnlineStoryClusterer(StoryStore stories) {
    this.stories = Objects.requireNonNull(stories, "stories");
  }

  /** Words kept per article: its highest-weighted ones (TF-IDF), which carry nearly all of its cosine. */
  static final int ARTICLE_TERMS = Integer.getInteger("cc.ARTICLE_TERMS", 1000);

  /** @return the features with only the article's {@link #ARTICLE_TERMS} highest-weighted words */
  private ArticleFeatures truncated(ArticleFeatures f) {
    if (f.terms().size() <= ARTICLE_TERMS) {
      return f;
    }
    List<Map.Entry<String, Integer>> all = new ArrayList<>(f.terms().entrySet());
    all.sort(Comparator.comparingDouble((Map.Entry<String, Integer> e) ->
        (1 + Math.log(e.getValue())) * df.idf(e.getKey())).reversed());
    Map<String, Integer> kept = new HashMap<>();
    for (var e : all.subList(0, ARTICLE_TERMS)) {
      kept.put(e.getKey(), e.getValue());
    }
    return new ArticleFeatures(kept, f.leadTerms(), f.names(), f.numbers(), f.date());
  }

  @Override
  public Assignment assign(Article article) {
    ArticleFeatures f = FeatureExtractor.extract(article);
    df.add(f);
    f = truncated(f);
    StorySimilarity.Query query = new StorySimilarity(df).query(f);
    List<StoryProfile> candidates = candidates(f);
    StoryProfile best = null;
    double bestScore = -1;
    List<Map.Entry<StoryProfile, Double>> scored = new ArrayList<>();
    for (StoryProfile c : candidates) {
      double s = query.score(c);
      scored.add(Map.entry(c, s));
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    if (best == null || bestScore < StorySimilarity.JOIN) {
      StoryId id = stories.newStoryId();
      StoryProfile p = new StoryProfile(id);
      profiles.put(id, p);
      addTo(p, f);
      return new StoryClusterer.Assignment(id, true, List.of());
    }
    List<StoryId> merged = new ArrayList<>();
    for (var e : scored) {
      StoryProfile other = e.getKey();
      if (other != best && e.getValue() >= StorySimilarity.MERGE) {
        stories.merge(new StoryStore.Merge(other.id, best.id, article.id()));
        best.absorb(other, seen);
        profiles.remove(other.id);
        reindex(other, best);
        merged.add(other.id);
      }
    }
    addTo(best, f);
    return new StoryClusterer.Assignment(best.id, false, merged);
  }

  @Override
  public void add(Article article, StoryId story) {
    ArticleFeatures f = FeatureExtractor.extract(article);
    df.add(f);
    f = truncated(f);
    addTo(profiles.computeIfAbsent(story, StoryProfile::new), f);
  }

  private void addTo(StoryProfile p, ArticleFeatures f) {
    seen++;
    p.add(f, seen);
    for (String t : p.prune(df)) {
      LinkedHashMap<StoryId, Boolean> list = postings.get(t);
      if (list != null) {
        list.remove(p.id);
      }
    }
    for (String t : f.terms().keySet()) {
      if (p.terms.containsKey(t)) {
        post(t, p.id);
      }
    }
    for (String n : f.names()) {
      post(StorySimilarity.NAME + n, p.id);
    }
  }

  private void post(String term, StoryId id) {
    LinkedHashMap<StoryId, Boolean> list = postings.computeIfAbsent(term, k -> new LinkedHashMap<>());
    list.remove(id);
    list.put(id, Boolean.TRUE);
  }

  private void reindex(StoryProfile from, StoryProfile into) {
    for (String t : from.terms.keySet()) {
      LinkedHashMap<StoryId, Boolean> list = postings.get(t);
      if (list != null) {
        list.remove(from.id);
      }
    }
    for (String n : from.names.keySet()) {
      LinkedHashMap<StoryId, Boolean> list = postings.get(StorySimilarity.NAME + n);
      if (list != null) {
        list.remove(from.id);
      }
    }
    into.terms.keySet().forEach(t -> post(t, into.id));
    into.names.keySet().forEach(n -> post(StorySimilarity.NAME + n, into.id));
  }

  /** @return the stories that share the most (IDF-weighted) rare terms with the article */
  private List<StoryProfile> candidates(ArticleFeatures f) {
    List<Map.Entry<String, Double>> query = new ArrayList<>();
    f.terms().forEach((t, n) -> query.add(Map.entry(t, df.idf(t) * (1 + Math.log(n)))));
    f.names().forEach(n -> query.add(Map.entry(StorySimilarity.NAME + n, 1.5 * df.idfName(n))));
    query.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    Map<StoryId, Double> votes = new HashMap<>();
    for (var q : query.subList(0, Math.min(QUERY_TERMS, query.size()))) {
      LinkedHashMap<StoryId, Boolean> list = postings.get(q.getKey());
      if (list == null) {
        continue;
      }
      int taken = 0;
      for (StoryId id : list.reversed().keySet()) {
        if (++taken > POSTINGS_PER_TERM) {
          break;
        }
        votes.merge(id, q.getValue(), Double::sum);
      }
    }
    return votes.entrySet().stream()
        .sorted(Map.Entry.<StoryId, Double>comparingByValue().reversed())
        .limit(CANDIDATES)
        .map(e -> profiles.get(e.getKey()))
        .filter(Objects::nonNull)
        .sorted(Comparator.comparing(p -> p.id))
        .toList();
  }
}
