package org.crosscheck.report;

import org.crosscheck.TestModels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crosscheck.SharedData;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Story;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {
  private static Store ingest(String path) {
    Store store = Store.inMemory();
    Pipeline.builder().store(store).buildIngestor().ingest(List.of(SharedData.path(path).toString()),
        new IngestListener() {});
    return store;
  }

  /** @return every piece of evidence in the report */
  private static List<StoryReport.Evidence> evidence(StoryReport r) {
    List<StoryReport.Evidence> all = new ArrayList<>(r.citations());
    r.entities().forEach(e -> all.addAll(e.evidence()));
    return all;
  }

  private static void assertEvidencePointsAtItsText(Store store, StoryReport r) {
    for (StoryReport.Evidence e : evidence(r)) {
      Article a = store.get(new ArticleId(e.article())).orElseThrow();
      assertThat(a.text().substring(e.start(), e.end())).as("evidence in " + e.article()).isEqualTo(e.text());
    }
  }

  @Test
  void theSeedReportResolvesTheTimelineAndCreditsTheQuotes() {
    Store store = ingest("seeds");
    Story story = Stories.all(store).getFirst();
    StoryReport r = Pipeline.builder().store(store).models(TestModels.STANDARD).buildReporter().build(store, story.id()).orElseThrow();
    assertThat(r.story().articles()).hasSize(5);
    assertThat(r.timeline()).extracting(StoryReport.Date::date).contains("2025-04-26", "2025-04-28", "2024-06",
        "2024-12");
    assertThat(r.timeline()).filteredOn(d -> d.date().equals("2025-04-26")).singleElement()
        .satisfies(d -> assertThat(d.evidence()).anySatisfy(e -> assertThat(e.text()).contains("Saturday")));
    // "December last year" comes from an undated article, read against the story's date: inferred
    assertThat(r.timeline()).filteredOn(d -> d.date().equals("2024-12")).singleElement()
        .satisfies(d -> assertThat(d.inferred()).isTrue());
    assertThat(r.story().inferredDate()).isEqualTo("2025-04-28");
    assertThat(r.quotes()).extracting(StoryReport.Speaker::speaker).contains("Koo Byung-sam", "Jeon Ha-kyu");
    // “... a clear illegal act ...,” Jeon Ha-kyu, spokesperson for the Ministry of National Defense, said
    assertThat(r.quotes()).filteredOn(s -> "Jeon Ha-kyu".equals(s.speaker())).singleElement()
        .satisfies(s -> assertThat(s.quotes()).anySatisfy(q -> assertThat(q.text()).contains("a clear illegal act")));
    assertThat(r.entities()).anySatisfy(e -> assertThat(e.variants()).contains("KCNA", "Korean Central News Agency"));
    assertEvidencePointsAtItsText(store, r);
  }

  @Test
  void theSeedReportFindsTheConsensusTheTreatyDateConflictAndTheContainersExclusive() {
    Store store = ingest("seeds");
    Story story = Stories.all(store).getFirst();
    StoryReport r = Pipeline.builder().store(store).models(TestModels.STANDARD).buildReporter().build(store, story.id()).orElseThrow();
    // the facts the outlets share, each relayed from KCNA alone: the confirmation, Kim's order, Article 4, Kursk
    String kcna = "Korean Central News Agency";
    Set<String> sharing = new HashSet<>();
    for (String[] fact : new String[][] {{"confirmed"}, {"Kim Jong", "order"}, {"Article 4"}, {"Kursk"}}) {
      List<StoryReport.Fact> stating = r.consensus().stream().filter(f -> f.outlets().size() >= 4
          && f.evidence().stream().filter(e -> java.util.Arrays.stream(fact).allMatch(e.text()::contains)).count() >= 2)
          .filter(f -> f.origins().size() == 1 && f.origins().getFirst().name().equals(kcna)).toList();
      assertThat(stating).as(String.join(" ", fact)).isNotEmpty();
      stating.forEach(f -> sharing.addAll(f.outlets()));
    }
    assertThat(sharing).hasSize(5);
    assertThat(r.consensus()).anySatisfy(f -> {
      assertThat(f.outlets()).hasSize(5);
      assertThat(f.origins()).singleElement().satisfies(o -> {
        assertThat(o.name()).isEqualTo(kcna);
        assertThat(o.outlets()).hasSize(5);
      });
    });
    // what South Korea's ministry says is its own origin, not KCNA's
    assertThat(r.consensus()).anySatisfy(f -> {
      assertThat(f.evidence()).anySatisfy(e -> assertThat(e.text()).contains("mocking the international community"));
      assertThat(f.origins()).extracting(StoryReport.Origin::name).containsExactly("Ministry of Foreign Affairs");
    });
    assertThat(r.consensus()).allSatisfy(f -> assertThat(f.origins().size()).isLessThanOrEqualTo(f.outlets().size()));
    // the treaty: June 2024 in The Gaze, December last year (2024-12) in the undated report
    assertThat(r.conflicts()).anySatisfy(c -> {
      assertThat(c.kind()).isEqualTo("DATE");
      assertThat(c.sides()).extracting(StoryReport.Side::value).containsExactlyInAnyOrder("2024-06", "2024-12");
      assertThat(c.sides()).filteredOn(side -> side.value().equals("2024-06")).singleElement()
          .satisfies(side -> assertThat(side.outlets()).containsExactly("The Gaze"));
      assertThat(c.sides()).filteredOn(side -> side.value().equals("2024-12")).singleElement()
          .satisfies(side -> assertThat(side.evidence().getFirst().text()).isEqualTo("December last year"));
    });
    assertThat(r.exclusives()).anySatisfy(x -> {
      assertThat(x.text()).contains("15,800 containers");
      assertThat(x.outlets()).containsExactly("The Gaze");
    });
    // the same quote in two wordings is one quote with its variant
    assertThat(r.quotes()).flatMap(StoryReport.Speaker::quotes).anySatisfy(q -> {
      assertThat(q.text()).contains("unlawful military cooperation");
      assertThat(q.variants()).singleElement().satisfies(v -> {
        assertThat(v.text()).contains("illegal military cooperation");
        assertThat(v.outlet()).isNotEqualTo(q.outlet());
      });
    });
    assertThat(r.summary()).hasSizeBetween(3, 6);
    assertThat(r.summary().getFirst().outlets()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void quotesAreOneInTwoWordingsOnlyWhenMostOfTheirContentWordsAgree() {
    assertThat(ReportBuilder.sameQuote("immediately cease their unlawful military cooperation,",
        "The government urges North Korea and Russia to immediately cease their illegal military cooperation")).isTrue();
    assertThat(ReportBuilder.sameQuote("completely in accordance with international law",
        "while claiming they are fully in accordance with international law, they are once again mocking")).isFalse();
    assertThat(ReportBuilder.sameQuote("We will respond firmly to any provocation from the North",
        "The talks ended without any agreement on the disputed border crossings")).isFalse();
  }

  @Test
  void aReportIsKeptAndRebuiltOnlyWhenItsStoryChanges() {
    Store store = ingest("seeds");
    Story story = Stories.all(store).getFirst();
    ReportBuilder builder = Pipeline.builder().store(store).models(TestModels.STANDARD).buildReporter();
    StoryReport first = builder.report(store, story.id()).orElseThrow();
    assertThat(store.report(story.id(), ReportBuilder.fingerprint(story))).isPresent();
    assertThat(builder.report(store, story.id()).orElseThrow()).isEqualTo(first);
    // the story changes: one of its articles moves out, so its fingerprint changes and the report is rebuilt
    ArticleId moved = story.articles().getLast();
    store.split(new org.crosscheck.store.StoryStore.Split(story.id(), store.newStoryId(), List.of(moved), moved));
    Story changed = Stories.get(store, story.id()).orElseThrow();
    assertThat(ReportBuilder.fingerprint(changed)).isNotEqualTo(ReportBuilder.fingerprint(story));
    StoryReport rebuilt = builder.report(store, story.id()).orElseThrow();
    assertThat(rebuilt.story().articles()).hasSize(4);
    assertThat(store.report(story.id(), ReportBuilder.fingerprint(changed))).isPresent();
  }

  @Test
  void basilReportsAreBuiltWithEvidenceThatPointsAtTheText() throws Exception {
    Store store = ingest("basil-2010-2016.jsonl");
    ReportBuilder builder = Pipeline.builder().store(store).models(TestModels.STANDARD).buildReporter();
    List<Story> stories = Stories.all(store);
    ObjectMapper json = new ObjectMapper();
    for (Story s : stories.subList(0, 4)) {
      StoryReport r = builder.build(store, s.id()).orElseThrow();
      assertThat(r.entities()).isNotEmpty();
      assertEvidencePointsAtItsText(store, r);
      JsonNode node = json.readTree(ReportRenderer.json(r));
      for (String key : List.of("story", "summary", "consensus", "conflicts", "exclusives", "quotes", "timeline",
          "entities")) {
        assertThat(node.has(key)).as("key " + key).isTrue();
      }
      assertThat(node.at("/story/articles/0/id").asText()).startsWith("a-");
      assertThat(ReportRenderer.markdown(r)).startsWith("# ").contains("## Summary", "## Consensus", "## Conflicts",
          "## Exclusives", "## Timeline", "## Quotes", "## Entities");
    }
  }

  @Test
  void aCopyOfAnArticleIsListedButNotAnalysedOrCountedAgain() throws Exception {
    Store store = ingest("seeds");
    String gaze = java.nio.file.Files.readString(SharedData.path("seeds").resolve("002_eafdf2b0443dfe1b.txt"));
    String line = new ObjectMapper().writeValueAsString(java.util.Map.of("id", "copy-1", "source", "Copy Wire",
        "published", "2025-04-29", "title", "North Korea Confirms Deployment of Troops to Support Russia Against Ukraine",
        "text", gaze.substring(gaze.indexOf('\n') + 1))) + "\n";
    Pipeline.builder().store(store).buildIngestor().ingestInputs(List.of(new org.crosscheck.ingest.BytesInput("copy.jsonl",
        org.crosscheck.model.Provenance.Kind.FILE, line.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "application/x-ndjson")), new IngestListener() {});
    Story story = Stories.all(store).getFirst();
    assertThat(story.articles()).hasSize(6);
    StoryReport r = Pipeline.builder().store(store).models(TestModels.STANDARD).buildReporter().build(store, story.id()).orElseThrow();
    assertThat(r.story().articles()).hasSize(6).filteredOn(a -> a.copyOf() != null).singleElement()
        .satisfies(a -> assertThat(a.outlet()).isEqualTo("Copy Wire"));
    assertThat(r.consensus()).allSatisfy(f -> assertThat(f.outlets()).doesNotContain("Copy Wire"));
    assertThat(r.exclusives()).anySatisfy(x -> assertThat(x.outlets()).containsExactly("The Gaze"));
  }

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp;

  @Test
  void whatAnOutletPrintsOnEveryPageIsNoClaimOfTheStory() throws Exception {
    String footer = "Copyright 2025 Riverside Daily Post, all 12 rights reserved and 3 newsletters sent daily.";
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    String[] earlier = {"The city council voted on Tuesday to close the public library on Oak Street for repairs.",
        "A truck overturned on the interstate near exit 12 early Monday, spilling oranges across three lanes.",
        "The high school robotics team won the state championship with a machine that sorts mail."};
    for (int i = 0; i < earlier.length; i++) {
      lines.add(json.writeValueAsString(java.util.Map.of("source", "Riverside Daily Post",
          "published", "2025-01-0" + (i + 1), "text", earlier[i] + "\n" + footer)));
    }
    lines.add(json.writeValueAsString(java.util.Map.of("source", "Riverside Daily Post", "published", "2025-04-28",
        "title", "North Korea confirms its troops fought in Russia's Kursk region",
        "text", "North Korea confirmed on Monday that it had sent troops to Russia's Kursk region to fight Ukraine."
            + " Kim Jong Un authorized the deployment under the mutual defense treaty with Moscow, KCNA said.\n"
            + footer)));
    java.nio.file.Path file = java.nio.file.Files.write(tmp.resolve("riverside.jsonl"), lines);
    Store store = Store.inMemory();
    Pipeline.builder().store(store).buildIngestor().ingest(List.of(file.toString(),
        SharedData.path("seeds").toString()), new IngestListener() {});
    Story story = Stories.all(store).stream().filter(x -> x.articles().size() >= 5).findFirst().orElseThrow();
    assertThat(story.articles()).as("the outlet's report of the event is in the story").hasSize(6);
    StoryReport r = Pipeline.builder().store(store).models(TestModels.STANDARD).buildReporter().build(store, story.id()).orElseThrow();
    List<String> claims = new ArrayList<>();
    r.consensus().forEach(f -> claims.add(f.text()));
    r.exclusives().forEach(e -> claims.add(e.text()));
    r.conflicts().forEach(c -> c.sides().forEach(side -> side.evidence().forEach(e -> claims.add(e.text()))));
    assertThat(claims).isNotEmpty().noneMatch(c -> c.contains("Riverside") || c.contains("newsletters"));
    List<List<String>> outlets = new ArrayList<>();
    r.consensus().forEach(f -> outlets.add(f.outlets()));
    r.exclusives().forEach(e -> outlets.add(e.outlets()));
    assertThat(outlets).as("the outlet's own sentences still count").anySatisfy(o ->
        assertThat(o).contains("Riverside Daily Post"));
  }
}
