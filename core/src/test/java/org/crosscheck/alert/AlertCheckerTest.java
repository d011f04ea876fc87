package org.crosscheck.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.TestModels;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.StoryId;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.report.ReportHistory;
import org.crosscheck.report.StoryReport;
import org.crosscheck.store.AlertStore.Alert;
import org.crosscheck.store.AlertStore.Watch;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;

class AlertCheckerTest {
  @Test
  void raisesANewMatchingStoryThenTheOutletAndConflictsAnArticleBringsEachOnce() throws Exception {
    List<String> files = SharedData.seedFiles();
    Store store = Store.inMemory();
    Pipeline.Builder pipeline = Pipeline.builder().store(store).models(TestModels.STANDARD);
    pipeline.buildIngestor().ingest(files.subList(0, files.size() - 1), new IngestListener() {});
    ReportBuilder reports = pipeline.buildReporter();
    AlertChecker checker = new AlertChecker(store, reports, Clock.systemUTC());
    StoryId story = Stories.all(store).getFirst().id();

    Watch search = store.addWatch(Watch.Kind.WORDS, "Kursk");
    Watch unrelated = store.addWatch(Watch.Kind.WORDS, "harbour bridge");
    Watch followed = store.addWatch(Watch.Kind.STORY, story.value());
    List<Alert> first = checker.check();
    assertThat(first).singleElement().satisfies(a -> {
      assertThat(a.watch()).isEqualTo(search.id());
      assertThat(a.kind()).isEqualTo("new-story");
      assertThat(a.story()).isEqualTo(story.value());
      assertThat(a.title()).contains("Kursk").contains("North Korea");
    });
    assertThat(checker.check()).as("checked again: nothing new").isEmpty();
    assertThat(store.alerts(unrelated.id(), 10)).isEmpty();

    Thread.sleep(5); // the versions built from now on are later than the watches
    StoryReport before = reports.report(store, story).orElseThrow();
    pipeline.buildIngestor().ingest(List.of(files.getLast()), new IngestListener() {});
    List<Alert> second = checker.check();
    StoryReport after = reports.report(store, story).orElseThrow();
    String newOutlet = after.story().articles().stream().map(StoryReport.ArticleRef::outlet)
        .filter(o -> before.story().articles().stream().noneMatch(a -> o.equals(a.outlet()))).findFirst().orElseThrow();
    int conflicts = ReportHistory.log(store, story).getLast().newConflicts().size();
    for (Watch w : List.of(search, followed)) {
      List<Alert> mine = second.stream().filter(a -> a.watch() == w.id()).toList();
      assertThat(mine).filteredOn(a -> a.kind().equals("new-outlet")).singleElement()
          .satisfies(a -> assertThat(a.title()).isEqualTo(newOutlet + " now reports " + story.value()));
      assertThat(mine).filteredOn(a -> a.kind().equals("new-conflict")).hasSize(conflicts);
      assertThat(mine).extracting(Alert::kind).containsOnly("new-outlet", "new-conflict");
    }
    JsonNode event = new ObjectMapper().readTree(second.getFirst().json());
    assertThat(event.get("story").asText()).isEqualTo(story.value());
    assertThat(event.get("watch").get("kind").asText()).isIn("words", "story");
    assertThat(checker.check()).isEmpty();
  }

  @Test
  void raisesTheNewQuotesOfAFollowedSpeakerAndStoriesOfAnEntityAndAnOutlet() throws Exception {
    List<String> files = SharedData.seedFiles();
    String defence = files.stream().filter(f -> f.contains("003_")).findFirst().orElseThrow(); // quotes Jeon Ha-kyu
    List<String> others = files.stream().filter(f -> !f.equals(defence)).toList();
    Store store = Store.inMemory();
    Pipeline.Builder pipeline = Pipeline.builder().store(store).models(TestModels.STANDARD);
    pipeline.buildIngestor().ingest(others, new IngestListener() {});
    AlertChecker checker = new AlertChecker(store, pipeline.buildReporter(), Clock.systemUTC());
    StoryId story = Stories.all(store).getFirst().id();
    checker.check(); // no watch yet: nothing, but the story's report is built
    Watch speaker = store.addWatch(Watch.Kind.SPEAKER, "Jeon Ha-kyu");
    Watch entity = store.addWatch(Watch.Kind.ENTITY, "Kim Jong Un");
    Watch outlet = store.addWatch(Watch.Kind.OUTLET, "menafn");
    Watch nobody = store.addWatch(Watch.Kind.OUTLET, "Riverside Daily Post");
    List<Alert> first = checker.check();
    assertThat(first).filteredOn(a -> a.watch() == speaker.id()).isEmpty();
    assertThat(first).filteredOn(a -> a.watch() == entity.id()).extracting(Alert::kind).containsExactly("new-story");
    assertThat(first).filteredOn(a -> a.watch() == outlet.id()).extracting(Alert::story)
        .containsExactly(story.value());
    assertThat(first).filteredOn(a -> a.watch() == nobody.id()).isEmpty();

    Thread.sleep(5);
    pipeline.buildIngestor().ingest(List.of(defence), new IngestListener() {});
    List<Alert> quotes = checker.check().stream().filter(a -> a.watch() == speaker.id()).toList();
    assertThat(quotes).isNotEmpty().allSatisfy(a -> {
      assertThat(a.kind()).isEqualTo("new-quote");
      assertThat(a.title()).startsWith("Jeon Ha-kyu in " + story.value() + ": “");
    });
    assertThat(quotes).anySatisfy(a -> assertThat(a.title()).contains("clear illegal act"));
    assertThat(checker.check()).filteredOn(a -> a.watch() == speaker.id()).isEmpty();
  }
}
