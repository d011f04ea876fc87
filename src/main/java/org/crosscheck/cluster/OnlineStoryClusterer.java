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
 * <p>For each new article: its words and names that already occur in some story are ranked by
 * TF-IDF weight, the top {@link #QUERY_TERMS} are looked up in an index from term to stories (the
 * {@link #POSTINGS_PER_TERM} most recently changed stories per term), each story found gets the
 * IDF of every term it shares, and the {@link #CANDIDATES} best are scored by {@link
 * StorySimilarity}; stories dated more than a week from a dated article are skipped. The article
 * joins the best candidate when its score reaches {@link StorySimilarity#JOIN}, else starts a
 * story. A second candidate that scores at least {@link StorySimilarity#MERGE} is taken to be the
 * same event and merged into the first; the merge is recorded. The cost of one article depends on
 * its length and these bounds, not on the number of stories.
 *
 * <p>Not thread-safe: one ingest at a time.
 */
public final class OnlineStoryClusterer implements StoryClusterer {
  /** Most candidate stories scored per article. */
  static final int CANDIDATES = 30;
  /** Terms (words and names) looked up per article. */
  static final int QUERY_TERMS = 30;
  /** Stories read per posting list: the most recently changed. */
  static final int POSTINGS_PER_TERM = 200;
  private static final Field[] INDEXED = {Field.BODY, Field.NAMES};
  /**
   * Most stories kept in memory. Past it, the least recently changed tenth is set aside: those
   * stories stay in the store but new articles no longer join them. This bounds memory and the
   * cost per article however large the store grows; a story untouched while 20,000 others changed
   * is, for news, over.
   */
  static final int MAX_ACTIVE_STORIES = 20_000;

  private final StoryStore stories;
  private final Map<StoryId, StoryProfile> profiles = new HashMap<>();
  private final Map<String, LinkedHashMap<StoryId, Boolean>> postings = new HashMap<>();
  private final DocumentFrequencies df = new DocumentFrequencies();
  private long seen;

  /** @param stories where new story ids come from and merges are recorded */
  public OnlineStoryClusterer(StoryStore stories) {
    this.stories = Objects.requireNonNull(stories, "stories");
  }

  @Override
  public Assignment assign(Article article) {
    ArticleFeatures f = FeatureExtractor.extract(article);
    df.add(f);
    StorySimilarity.Query query = new StorySimilarity(df).query(f);
    StoryProfile best = null;
    double bestScore = -1;
    List<Map.Entry<StoryProfile, Double>> scored = new ArrayList<>();
    for (StoryProfile c : candidates(f)) {
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
      return new Assignment(id, true, List.of());
    }
    List<StoryId> merged = new ArrayList<>();
    for (var e : scored) {
      StoryProfile other = e.getKey();
      if (other != best && e.getValue() >= StorySimilarity.MERGE) {
        stories.merge(new StoryStore.Merge(other.id, best.id, article.id()));
        best.absorb(other, seen, df);
        profiles.remove(other.id);
        forget(other);
        index(best, best.sums.get(Field.BODY).keySet(), best.sums.get(Field.NAMES).keySet());
        merged.add(other.id);
      }
    }
    addTo(best, f);
    return new Assignment(best.id, false, merged);
  }

  @Override
  public void add(Article article, StoryId story) {
    ArticleFeatures f = FeatureExtractor.extract(article);
    df.add(f);
    addTo(profiles.computeIfAbsent(story, StoryProfile::new), f);
  }

  private void addTo(StoryProfile p, ArticleFeatures f) {
    seen++;
    p.add(f, seen, df);
    index(p, f.of(Field.BODY).keySet(), f.of(Field.NAMES).keySet());
    if (profiles.size() > MAX_ACTIVE_STORIES) {
      setAsideLeastRecent(MAX_ACTIVE_STORIES / 10);
    }
  }

  private void setAsideLeastRecent(int n) {
    List<StoryProfile> oldest = profiles.values().stream()
        .sorted(Comparator.comparingLong((StoryProfile p) -> p.touched))
        .limit(n)
        .toList();
    for (StoryProfile p : oldest) {
      profiles.remove(p.id);
      forget(p);
    }
    postings.values().removeIf(Map::isEmpty);
  }

  private void index(StoryProfile p, Iterable<String> words, Iterable<String> names) {
    for (String t : words) {
      post(key(Field.BODY, t), p.id);
    }
    for (String n : names) {
      post(key(Field.NAMES, n), p.id);
    }
  }

  private static String key(Field f, String term) {
    return f == Field.NAMES ? "\u0001" + term : term;
  }

  private void post(String key, StoryId id) {
    LinkedHashMap<StoryId, Boolean> list = postings.computeIfAbsent(key, k -> new LinkedHashMap<>());
    list.remove(id);
    list.put(id, Boolean.TRUE);
  }

  private void forget(StoryProfile p) {
    for (Field f : INDEXED) {
      for (String t : p.sums.get(f).keySet()) {
        LinkedHashMap<StoryId, Boolean> list = postings.get(key(f, t));
        if (list != null) {
          list.remove(p.id);
        }
      }
    }
  }

  /** A term of the article found in the index, with its IDF and its weight in the article. */
  private record QueryTerm(String key, double idf, double weight) {}

  /** @return the stories sharing the most IDF with the article's best-weighted indexed terms */
  private List<StoryProfile> candidates(ArticleFeatures f) {
    List<QueryTerm> terms = new ArrayList<>();
    for (Field field : INDEXED) {
      f.of(field).forEach((t, n) -> {
        String key = key(field, t);
        if (postings.containsKey(key)) {
          double idf = df.idf(field, t);
          terms.add(new QueryTerm(key, idf, (1 + Math.log(n)) * idf));
        }
      });
    }
    terms.sort(Comparator.comparingDouble(QueryTerm::weight).reversed());
    Map<StoryId, Double> votes = new HashMap<>();
    for (QueryTerm q : terms.subList(0, Math.min(QUERY_TERMS, terms.size()))) {
      int taken = 0;
      for (StoryId id : postings.get(q.key()).reversed().keySet()) {
        if (++taken > POSTINGS_PER_TERM) {
          break;
        }
        votes.merge(id, q.idf(), Double::sum);
      }
    }
    // keep the best CANDIDATES dated within the window, without sorting every story voted for
    java.util.PriorityQueue<Map.Entry<StoryProfile, Double>> best = new java.util.PriorityQueue<>(
        Map.Entry.<StoryProfile, Double>comparingByValue().thenComparing(e -> e.getKey().id, Comparator.reverseOrder()));
    for (var e : votes.entrySet()) {
      StoryProfile p = profiles.get(e.getKey());
      if (p == null || p.daysFrom(f.day()) > StorySimilarity.WINDOW_DAYS) {
        continue;
      }
      best.add(Map.entry(p, e.getValue()));
      if (best.size() > CANDIDATES) {
        best.poll();
      }
    }
    return best.stream().map(Map.Entry::getKey).toList();
  }
}
