package org.crosscheck.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.IngestSummary;
import org.crosscheck.store.Store;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates story clustering the way it runs for users: the labelled JSONL files are ingested
 * into a new, temporary store, in file order or shuffled, through the real pipeline; the stories
 * found are then scored against the {@code story} labels. Articles without a label are ingested
 * (they can bridge stories) but not scored. A labelled page that ingest stores as not an article
 * (a login or paywall page) is in no story; it is scored as a story of its own, so that keeping it
 * out costs what it costs.
 */
public final class StoryClustererEvaluator {
  private StoryClustererEvaluator() {}

  /**
   * @param scores the clustering scores
   * @param articles articles ingested
   * @param seconds wall-clock seconds the ingest took (duplicate detection and clustering included)
   * @param merges story merges made during the run
   * @param splits story splits made during the run
   * @param notArticles labelled pages stored as not articles, each scored as a story of its own
   * @param baseline the single-pass TF-IDF centroid baseline on the same articles in the same order
   * @param copyLinks duplicate links made between labelled articles
   * @param crossingCopyLinks those of them that join articles of two different gold stories
   */
  public record Result(ClusteringScores scores, long articles, double seconds, long merges, long splits,
      long notArticles, CentroidBaseline.Result baseline, long copyLinks, long crossingCopyLinks) {
    /** @return articles ingested per second */
    public double articlesPerSecond() {
      return seconds == 0 ? 0 : articles / seconds;
    }
  }

  /**
   * @param files labelled JSONL files
   * @param shuffleSeed when not null, the articles of all files are ingested in a random order from this seed
   * @return the scores
   * @throws IllegalArgumentException when the files hold no labelled article
   */
  public static Result evaluate(List<Path> files, @Nullable Long shuffleSeed) {
    return evaluate(files, shuffleSeed, EvaluationEngine.EMBEDDED);
  }

  /**
   * @param files labelled JSONL files
   * @param shuffleSeed when not null, the articles of all files are ingested in a random order from this seed
   * @param engine what ingests them
   * @return the scores
   * @throws IllegalArgumentException when the files hold no labelled article
   */
  public static Result evaluate(List<Path> files, @Nullable Long shuffleSeed, EvaluationEngine engine) {
    try (TemporaryStore tmp = TemporaryStore.open()) {
      List<String> inputs = new ArrayList<>();
      if (shuffleSeed == null) {
        files.forEach(f -> inputs.add(f.toString()));
      } else {
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
          Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(lines::add);
        }
        Collections.shuffle(lines, new Random(shuffleSeed));
        Path shuffled = tmp.dir().resolve("shuffled.jsonl");
        Files.write(shuffled, lines, StandardCharsets.UTF_8);
        inputs.add(shuffled.toString());
      }
      long start = System.nanoTime();
      return engine.ingest(tmp.store(), tmp.dataDir(), inputs,
          (store, ingested) -> score(files, inputs, store, ingested, (System.nanoTime() - start) / 1e9));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the evaluation: " + e.getMessage(), e);
    }
  }

  /** Scores the stories of a store against the labels of its articles. */
  private static Result score(List<Path> files, List<String> inputs, Store store, EvaluationEngine.Ingested ingested,
      double seconds) {
    try {
      Map<ArticleId, StoryId> predicted = store.allAssignments();
      Map<ArticleId, Object> pred = new HashMap<>();
      Map<ArticleId, String> gold = new HashMap<>();
      long notArticles = 0;
      for (Article a : store.list(0, Integer.MAX_VALUE)) {
        if (a.goldStory() != null && predicted.containsKey(a.id())) {
          pred.put(a.id(), predicted.get(a.id()));
          gold.put(a.id(), a.goldStory());
        } else if (a.goldStory() != null && !a.isArticle()) {
          pred.put(a.id(), "not an article: " + a.id().value()); // a story of its own
          gold.put(a.id(), a.goldStory());
          notArticles++;
        }
      }
      if (gold.isEmpty()) {
        throw new IllegalArgumentException("no article in " + files + " carries a 'story' label to score against");
      }
      long copyLinks = 0;
      long crossing = 0;
      for (var link : ingested.links()) {
        String a = store.get(link.copy()).map(Article::goldStory).orElse(null);
        String b = store.get(link.original()).map(Article::goldStory).orElse(null);
        if (a != null && b != null) {
          copyLinks++;
          crossing += a.equals(b) ? 0 : 1;
        }
      }
      return new Result(ClusteringScores.of(pred, gold), store.count(), seconds, ingested.merges(), ingested.splits(),
          notArticles, CentroidBaseline.evaluate(org.crosscheck.ingest.JsonlArticleImporter.articles(inputs)), copyLinks, crossing);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the inputs for the baseline: " + e.getMessage(), e);
    }
  }


}
