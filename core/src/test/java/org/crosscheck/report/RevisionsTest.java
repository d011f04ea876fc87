package org.crosscheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crosscheck.SharedData;
import org.crosscheck.TestModels;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.StoryId;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionsTest {
  @TempDir Path tmp;

  private static String body(String seed) throws Exception {
    List<String> lines = Files.readAllLines(SharedData.path("seeds").resolve(seed), StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(2, lines.size()));
  }

  private Path jsonl(String name, List<Map<String, String>> articles) throws Exception {
    ObjectMapper json = new ObjectMapper();
    StringBuilder b = new StringBuilder();
    for (Map<String, String> a : articles) {
      b.append(json.writeValueAsString(a)).append('\n');
    }
    return Files.writeString(tmp.resolve(name), b.toString());
  }

  @Test
  void thePageFetchedAgainIsTheRevisionTheReportReadsAndItsChangesShowIt() throws Exception {
    String defence = body("003_f081b1e3fe4d48df.txt");
    String other = body("004_0b0ccfb8523443b8.txt");
    String added = "A ministry official said about 1,500 North Korean soldiers remained in the Kursk area on Monday.";
    String revised = defence.replace("said in a briefing Monday.", "said in a briefing Monday, updating an earlier"
        + " statement.") + "\n" + added;
    Path first = jsonl("first.jsonl", List.of(
        Map.of("id", "d1", "outlet", "Daily Defence", "url", "https://Defence.example/news/troops?id=7",
            "published", "2025-04-28", "title", "South Korea condemns deployment", "text", defence),
        Map.of("id", "o1", "outlet", "Other Wire", "url", "https://wire.example/a/1", "published", "2025-04-28",
            "title", "North Korea confirms troops", "text", other)));
    Path again = jsonl("again.jsonl", List.of(Map.of("id", "d1-rev", "outlet", "Daily Defence",
        "url", "https://defence.example/news/troops?id=7#top", "published", "2025-04-28",
        "title", "South Korea condemns deployment (updated)", "text", revised)));

    Store store = Store.inMemory();
    Pipeline.Builder pipeline = Pipeline.builder().store(store).models(TestModels.STANDARD);
    pipeline.buildIngestor().ingest(List.of(first.toString()), new IngestListener() {});
    ReportBuilder reports = pipeline.buildReporter();
    List<StoryId> stories = Stories.all(store).stream().map(s -> s.id()).toList();
    for (StoryId s : stories) {
      reports.report(store, s);
    }
    pipeline.buildIngestor().ingest(List.of(again.toString()), new IngestListener() {});
    StoryId story = store.storyOf(store.findBySourceId("d1-rev").getFirst().id()).orElseThrow();
    String oldId = store.findBySourceId("d1").getFirst().id().value();
    String newId = store.findBySourceId("d1-rev").getFirst().id().value();
    assertThat(store.storyOf(store.findBySourceId("d1").getFirst().id())).contains(story);

    StoryReport r = reports.report(store, story).orElseThrow();
    StoryReport.ArticleRef older = r.story().articles().stream().filter(a -> a.id().equals(oldId)).findFirst().orElseThrow();
    StoryReport.ArticleRef newer = r.story().articles().stream().filter(a -> a.id().equals(newId)).findFirst().orElseThrow();
    assertThat(older.revision()).isEqualTo(1);
    assertThat(older.supersededBy()).isEqualTo(newId);
    assertThat(older.copyOf()).isNull();
    assertThat(newer.revision()).isEqualTo(2);
    assertThat(newer.supersededBy()).isNull();
    assertThat(r.citations()).as("the report cites the latest revision only").isNotEmpty()
        .noneSatisfy(e -> assertThat(e.article()).isEqualTo(oldId))
        .anySatisfy(e -> assertThat(e.article()).isEqualTo(newId));
    assertThat(r.citations()).anySatisfy(e -> assertThat(e.text()).contains("1,500"));
    assertThat(ReportRenderer.markdown(r)).contains("revision 1 of the page, superseded by " + newId)
        .contains("revision 2 of the page");

    ReportChanges c = ReportHistory.log(store, story).getLast();
    assertThat(c.newArticles()).extracting(StoryReport.ArticleRef::id).containsExactly(newId);
    assertThat(c.newOutlets()).isEmpty();
  }

  @Test
  void urlsThatDifferOnlyInCaseOfTheHostOrFragmentAreOnePage() {
    assertThat(Revisions.key("https://Defence.example/news/troops?id=7"))
        .isEqualTo(Revisions.key("https://defence.example/news/troops?id=7#top"));
    assertThat(Revisions.key("https://defence.example/news/troops?id=8"))
        .isNotEqualTo(Revisions.key("https://defence.example/news/troops?id=7"));
    assertThat(Revisions.key(null)).isNull();
    assertThat(Revisions.key("not a url")).isNull();
  }
}
