package org.crosscheck.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.model.Story;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.IngestSummary;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;

class StoriesTest {
  @Test
  void countsAnOutletThatOnlyCarriedACopyOnceAsAlsoCarriedBy() throws Exception {
    String text = Files.readString(SharedData.path("seeds/000_3e73613c10c7acdf.txt"), StandardCharsets.UTF_8);
    String body = text.substring(text.indexOf("(MENAFN)"));
    String jsonl = "{\"id\":\"orig\",\"source\":\"Wire\",\"title\":\"Original\",\"published\":\"2025-04-28\",\"text\":"
        + com.fasterxml.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body) + "}\n"
        + "{\"id\":\"copy\",\"source\":\"Local Paper\",\"title\":\"Same story, new headline\",\"published\":\"2025-04-28\","
        + "\"text\":" + com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
            .writeValueAsString(body.substring(0, body.length() - 300)) + "}\n";
    Store store = Store.inMemory();
    IngestSummary s = Pipeline.builder().store(store).stdin(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)))
        .buildIngestor().ingest(List.of("-"), new IngestListener() {});
    assertThat(s.duplicates()).isEqualTo(1);
    List<Story> stories = Stories.all(store);
    assertThat(stories).singleElement().satisfies(story -> {
      assertThat(story.articles()).hasSize(2);
      assertThat(story.outlets()).containsExactly("Wire");
      assertThat(story.copies()).isEqualTo(1);
      assertThat(story.headline()).isEqualTo("Original");
    });
  }

  @Test
  void countsEachBasilOutletOnceWhateverNameTheArticleGivesIt() {
    Store store = Store.inMemory();
    Pipeline.builder().store(store).buildIngestor()
        .ingest(List.of(SharedData.path("basil-2010-2016.jsonl").toString()), new IngestListener() {});
    List<Story> stories = Stories.all(store);
    // BASIL names its outlets "NYT", "FOX" and "HPO" in 12 articles, and in full in the rest
    assertThat(stories).flatMap(Story::outlets).containsOnly("The New York Times", "Fox News", "HuffPost");
    assertThat(stories).allSatisfy(s -> assertThat(s.outlets()).hasSizeLessThanOrEqualTo(3));
    assertThat(stories.stream().filter(s -> s.articles().size() == 3).filter(s -> s.outlets().size() == 3).count())
        .as("three-article stories with three outlets").isGreaterThanOrEqualTo(60);
  }

  @Test
  void theStoreRegistryMergesBasilsTwoSpellingsAndStoriesCountOutletsByIt(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path tmp) {
    try (var store = org.crosscheck.store.Store.open(tmp.resolve("data"))) {
      Pipeline.builder().store(store).buildIngestor()
          .ingest(List.of(SharedData.path("basil-2010-2016.jsonl").toString()), new IngestListener() {});
      // filled at ingest: one outlet per BASIL outlet, each holding both of BASIL's spellings
      var registry = store.outlets();
      assertThat(registry.registered()).extracting(org.crosscheck.outlet.Outlet::key)
          .containsExactlyInAnyOrder("nytimes.com", "foxnews.com", "huffpost.com");
      for (String[] spellings : new String[][] {{"NYT", "The New York Times"}, {"FOX", "Fox News"}, {"HPO", "HuffPost"}}) {
        assertThat(registry.find(spellings[0])).as(spellings[0]).isPresent().isEqualTo(registry.find(spellings[1]));
      }
      assertThat(store.articlesPerOutlet()).containsOnly(java.util.Map.entry("nytimes.com", 70L),
          java.util.Map.entry("foxnews.com", 70L), java.util.Map.entry("huffpost.com", 70L));
      // each story counts the BASIL outlets its own articles come from, whichever spelling they use
      java.util.Map<String, String> family = java.util.Map.of("NYT", "nyt", "The New York Times", "nyt", "FOX", "fox",
          "Fox News", "fox", "HPO", "hpo", "HuffPost", "hpo");
      List<Story> stories = Stories.all(store);
      for (Story story : stories) {
        java.util.Set<String> families = new java.util.HashSet<>();
        for (var id : story.articles()) {
          if (store.duplicateOf(id).filter(l -> story.articles().contains(l.original())).isEmpty()) {
            families.add(family.get(store.get(id).orElseThrow().outlet()));
          }
        }
        assertThat(story.outlets()).as(story.id().value()).hasSize(families.size())
            .isSubsetOf("The New York Times", "Fox News", "HuffPost");
      }
      assertThat(stories.stream().filter(s -> s.outlets().size() == 3).count()).as("stories of all three outlets")
          .isGreaterThanOrEqualTo(65);
      // renaming an outlet renames it in every story, without touching the stored articles
      store.rename("huffpost.com", "The Huffington Post");
      assertThat(Stories.all(store)).flatMap(Story::outlets).contains("The Huffington Post").doesNotContain("HuffPost");
      assertThat(store.findBySourceId(store.list(0, 210).stream().filter(a -> "HPO".equals(a.outlet())).findFirst()
          .orElseThrow().sourceId())).extracting(org.crosscheck.model.Article::outlet).contains("HPO");
    }
  }

  @Test
  void articlesIngestedAfterReopeningTheStoreJoinTheStoriesStoredBefore(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path first = Files.createDirectories(tmp.resolve("first"));
    java.nio.file.Path second = Files.createDirectories(tmp.resolve("second"));
    try (var files = Files.list(SharedData.path("seeds"))) {
      for (var f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        Files.copy(f, (name.startsWith("000") || name.startsWith("001") ? first : second).resolve(name));
      }
    }
    java.nio.file.Path data = tmp.resolve("data");
    try (var store = org.crosscheck.store.Store.open(data)) {
      Pipeline.builder().store(store).buildIngestor().ingest(List.of(first.toString()), new IngestListener() {});
    }
    try (var store = org.crosscheck.store.Store.open(data)) {
      IngestSummary s = Pipeline.builder().store(store).buildIngestor()
          .ingest(List.of(second.toString()), new IngestListener() {});
      assertThat(s.joinedStories()).isEqualTo(3);
      assertThat(s.newStories()).isZero();
      assertThat(Stories.all(store)).singleElement().satisfies(story -> assertThat(story.articles()).hasSize(5));
    }
  }

  @Test
  void keepsDifferentEventsApartAndRecordsNoMergeForThem() {
    Store store = Store.inMemory();
    Pipeline.builder().store(store).buildIngestor()
        .ingest(List.of(SharedData.path("basil-2010-2016.jsonl").toString()), new IngestListener() {});
    List<Story> stories = Stories.all(store);
    assertThat(stories.size()).isBetween(65, 80);
    assertThat(stories.get(0).outlets()).hasSizeGreaterThanOrEqualTo(3);
  }
}
