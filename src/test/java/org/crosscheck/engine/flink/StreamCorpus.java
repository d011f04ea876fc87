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

/** A slice of the shared local-news stream, and what the embedded engine makes of it: the reference. */
final class StreamCorpus {
  final Path file;
  final List<Article> articles = new ArrayList<>();

  /** @param first how many of the first lines of gva-2013-2015.jsonl to take */
  StreamCorpus(Path dir, int first) throws IOException {
    List<String> lines = Files.readAllLines(SharedData.path("gva-2013-2015.jsonl"), StandardCharsets.UTF_8);
    file = dir.resolve("slice.jsonl");
    Files.write(file, lines.subList(0, first), StandardCharsets.UTF_8);
    new JsonlArticleImporter().read(new FileInput(file), item -> {
      if (item instanceof Imported.Parsed p) {
        articles.add(p.article());
      }
    });
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
