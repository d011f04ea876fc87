package org.crosscheck.eval;

import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.crosscheck.model.Article;
import org.jspecify.annotations.Nullable;

/**
 * The baseline that {@code eval clusters} prints beside Crosscheck's own scores: single-pass
 * clustering on TF-IDF centroids, in memory, storing nothing. Each article, in arrival order,
 * joins the most similar story (cosine of its TF-IDF vector to the story's centroid) if that
 * similarity is at least the threshold and, where both have dates, the story's latest article is
 * within the window; otherwise it starts a story. Term weights are raw counts times smoothed IDF
 * over the whole file ({@code ln((1 + n) / (1 + df)) + 1}), vectors L2-normalized; words are
 * Lucene's standard tokens, lower-cased, without the clusterer's stop words. Not thread-safe.
 */
public final class CentroidBaseline {
  /** The similarity an article needs to join a story. */
  public static final double THRESHOLD = 0.2;
  /** How far, in days, an article may be from a story's latest article and still join it. */
  public static final int WINDOW_DAYS = 7;

  private static final CharArraySet STOP = stopWords();

  /**
   * @param scores the clustering scores of the labelled articles
   * @param stories stories made
   * @param seconds wall-clock seconds, tokenizing included
   */
  public record Result(ClusteringScores scores, int stories, double seconds) {
    /** @return articles per second over {@code articles} */
    public double perSecond(long articles) {
      return seconds == 0 ? 0 : articles / seconds;
    }
  }

  private CentroidBaseline() {}

  /** A story: the sum of its members' vectors, its squared norm and its latest date. */
  private static final class Centroid {
    final int id;
    final Int2DoubleOpenHashMap sum = new Int2DoubleOpenHashMap();
    double normSquared;
    @Nullable LocalDate latest;

    Centroid(int id) {
      this.id = id;
    }

    void add(Int2DoubleOpenHashMap v, @Nullable LocalDate day) {
      for (Int2DoubleMap.Entry e : v.int2DoubleEntrySet()) {
        double old = sum.get(e.getIntKey());
        double now = old + e.getDoubleValue();
        normSquared += now * now - old * old;
        sum.put(e.getIntKey(), now);
      }
      if (day != null && (latest == null || day.isAfter(latest))) {
        latest = day;
      }
    }

    double cosine(Int2DoubleOpenHashMap v) {
      double dot = 0;
      for (Int2DoubleMap.Entry e : v.int2DoubleEntrySet()) {
        dot += e.getDoubleValue() * sum.get(e.getIntKey());
      }
      return normSquared <= 0 ? 0 : dot / Math.sqrt(normSquared);
    }
  }

  /**
   * Clusters the articles in the given order and scores the labelled ones.
   *
   * @param articles the articles in arrival order; those with a gold story are scored
   * @return the scores, the number of stories and the time taken
   */
  public static Result evaluate(List<Article> articles) {
    long start = System.nanoTime();
    Object2IntOpenHashMap<String> vocabulary = new Object2IntOpenHashMap<>();
    List<Int2IntOpenHashMap> counts = new ArrayList<>(articles.size());
    Int2IntOpenHashMap df = new Int2IntOpenHashMap();
    try (StandardAnalyzer analyzer = new StandardAnalyzer(STOP)) {
      for (Article a : articles) {
        Int2IntOpenHashMap tf = new Int2IntOpenHashMap();
        try (TokenStream ts = analyzer.tokenStream("text", (a.title() == null ? "" : a.title() + "\n") + a.text())) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            String t = term.toString();
            if (t.length() > 1 && !t.chars().allMatch(Character::isDigit)) {
              int id = vocabulary.computeIfAbsent(t, k -> vocabulary.size());
              tf.addTo(id, 1);
            }
          }
          ts.end();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        tf.keySet().forEach(id -> df.addTo(id, 1));
        counts.add(tf);
      }
    }
    int n = articles.size();
    List<Centroid> stories = new ArrayList<>();
    Map<Object, Object> predicted = new HashMap<>();
    Map<Object, Object> gold = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Article a = articles.get(i);
      Int2DoubleOpenHashMap v = new Int2DoubleOpenHashMap();
      double norm = 0;
      for (var e : counts.get(i).int2IntEntrySet()) {
        double w = e.getIntValue() * (Math.log((1.0 + n) / (1.0 + df.get(e.getIntKey()))) + 1);
        v.put(e.getIntKey(), w);
        norm += w * w;
      }
      if (norm > 0) {
        double scale = 1 / Math.sqrt(norm);
        v.replaceAll((k, w) -> w * scale);
      }
      LocalDate day = a.published().localDate().orElse(null);
      Centroid best = null;
      double bestScore = THRESHOLD;
      for (Centroid c : stories) {
        if (day != null && c.latest != null && Math.abs(ChronoUnit.DAYS.between(c.latest, day)) > WINDOW_DAYS) {
          continue;
        }
        double score = c.cosine(v);
        if (score >= bestScore) {
          best = c;
          bestScore = score;
        }
      }
      if (best == null) {
        best = new Centroid(stories.size());
        stories.add(best);
      }
      best.add(v, day);
      if (a.goldStory() != null) {
        predicted.put(i, best.id);
        gold.put(i, a.goldStory());
      }
    }
    return new Result(ClusteringScores.of(predicted, gold), stories.size(), (System.nanoTime() - start) / 1e9);
  }

  private static CharArraySet stopWords() {
    InputStream in = CentroidBaseline.class.getResourceAsStream("/org/crosscheck/cluster/stopwords-en.txt");
    if (in == null) {
      throw new IllegalStateException("the stop word list is missing from the build");
    }
    List<String> words = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          words.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CharArraySet(words, true);
  }
}
