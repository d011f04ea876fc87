package org.crosscheck.engine.flink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crosscheck.SharedData;
import org.crosscheck.ingest.FileInput;
import org.crosscheck.ingest.Imported;
import org.crosscheck.ingest.JsonlArticleImporter;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;

/**
 * Real articles read in place from the shared data, and what the embedded engine makes of them: the
 * reference. Two slices, chosen because the embedded engine finds in them pages that are not
 * articles, copies, a story merge and story splits: 90 articles of ECB+ (from line 401 of
 * ecbplus-train-dev.jsonl), then 90 of the local-news stream (from line 301 of gva-2013-2015.jsonl).
 */
final class StreamCorpus {
  final Path file;
  final List<Article> articles = new ArrayList<>();

  /** @param dir where the slices are written, as one JSON Lines file */
  StreamCorpus(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.addAll(slice("ecbplus-train-dev.jsonl", 400));
    lines.addAll(slice("gva-2013-2015.jsonl", 300));
    file = dir.resolve("slices.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    new JsonlArticleImporter().read(new FileInput(file), item -> {
      if (item instanceof Imported.Parsed p) {
        articles.add(p.article());
      }
    });
  }

  private static List<String> slice(String name, int from) throws IOException {
    return Files.readAllLines(SharedData.path(name), StandardCharsets.UTF_8).subList(from, from + 90);
  }

  /** @return the store the embedded pipeline fills from the same file */
  Store embedded() {
    Store store = Store.inMemory();
    Pipeline.builder().store(store).buildIngestor().ingest(List.of(file.toString()), new IngestListener() {});
    return store;
  }

  /** @return the stories as sets of articles, whatever their ids */
  static Set<Set<ArticleId>> partition(Map<ArticleId, StoryId> assignments) {
    Map<StoryId, Set<ArticleId>> byStory = new HashMap<>();
    assignments.forEach((a, s) -> byStory.computeIfAbsent(s, k -> new HashSet<>()).add(a));
    return new HashSet<>(byStory.values());
  }
}
