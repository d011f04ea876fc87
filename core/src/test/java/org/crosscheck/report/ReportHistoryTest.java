package org.crosscheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.crosscheck.SharedData;
import org.crosscheck.TestModels;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.Story;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;

class ReportHistoryTest {
  @Test
  void aStoryThatGainsAnArticleShowsItsOutletAndTheFactsItBringsAsChanges() throws Exception {
    List<String> files = SharedData.seedFiles();
    Store store = Store.inMemory();
    Pipeline.Builder pipeline = Pipeline.builder().store(store).models(TestModels.STANDARD);
    pipeline.buildIngestor().ingest(files.subList(0, files.size() - 1), new IngestListener() {});
    ReportBuilder reporter = pipeline.buildReporter();
    Story story = Stories.all(store).getFirst();
    StoryReport before = reporter.report(store, story.id()).orElseThrow();
    reporter.report(store, story.id()).orElseThrow(); // nothing changed: no new version
    assertThat(store.reportVersions(story.id())).hasSize(1);
    assertThat(ReportHistory.log(store, story.id())).isEmpty();

    pipeline.buildIngestor().ingest(List.of(files.getLast()), new IngestListener() {});
    assertThat(Stories.all(store)).hasSize(1);
    StoryReport after = reporter.report(store, story.id()).orElseThrow();
    assertThat(store.reportVersions(story.id())).hasSize(2);

    List<ReportChanges> log = ReportHistory.log(store, story.id());
    assertThat(log).hasSize(1);
    ReportChanges c = log.getFirst();
    assertThat(c.from()).isEqualTo(1);
    assertThat(c.to()).isEqualTo(2);
    Set<String> had = new TreeSet<>();
    before.story().articles().forEach(a -> had.add(a.id()));
    List<StoryReport.ArticleRef> added = after.story().articles().stream().filter(a -> !had.contains(a.id())).toList();
    assertThat(added).hasSize(1);
    String newArticle = added.getFirst().id();
    assertThat(c.newArticles()).extracting(StoryReport.ArticleRef::id).containsExactly(newArticle);
    assertThat(c.removedArticles()).isEmpty();
    Set<String> oldOutlets = new TreeSet<>();
    before.story().articles().forEach(a -> oldOutlets.add(a.outlet()));
    assertThat(oldOutlets).doesNotContain(added.getFirst().outlet());
    assertThat(c.newOutlets()).containsExactly(added.getFirst().outlet());

    // every new fact, newly corroborated fact, exclusive and quote rests on the new article
    assertThat(c.newFacts()).isNotEmpty().allSatisfy(f -> assertThat(f.evidence()).anySatisfy(e ->
        assertThat(e.article()).isEqualTo(newArticle)));
    assertThat(c.corroborated()).allSatisfy(f -> assertThat(f.newOutlets()).containsExactly(added.getFirst().outlet()));
    assertThat(c.newExclusives()).allSatisfy(x -> assertThat(x.evidence().getFirst().article()).isEqualTo(newArticle));
    assertThat(c.newQuotes()).allSatisfy(q -> assertThat(q.quote().evidence().getFirst().article())
        .isEqualTo(newArticle));
    // and every fact the new outlet now states is listed as new or more widely stated
    List<StoryReport.Fact> stated = after.consensus().stream()
        .filter(f -> f.outlets().contains(added.getFirst().outlet())).toList();
    List<StoryReport.Fact> listed = new ArrayList<>(c.newFacts());
    c.corroborated().forEach(x -> listed.add(x.fact()));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(stated);

    String md = ReportRenderer.changesMarkdown(log, Citations.of(after, store));
    String shown = Citations.outlet(added.getFirst().outlet());
    assertThat(md).contains("Version 1 → 2").contains("**New outlets:** " + shown).contains("[" + shown + " ¶");

    ReportChanges sinceFirst = ReportHistory.since(store, story.id(), "1");
    assertThat(sinceFirst.newArticles()).extracting(StoryReport.ArticleRef::id).containsExactly(newArticle);
    ReportChanges sinceLongAgo = ReportHistory.since(store, story.id(), "2000-01-01");
    assertThat(sinceLongAgo.from()).isZero();
    assertThat(sinceLongAgo.newArticles()).hasSameSizeAs(after.story().articles());
    assertThat(ReportHistory.since(store, story.id(), "2").isEmpty()).isTrue();
    assertThatThrownBy(() -> ReportHistory.since(store, story.id(), "7")).hasMessageContaining("no report version 7");
    assertThatThrownBy(() -> ReportHistory.since(store, story.id(), "yesterday"))
        .hasMessageContaining("'yesterday' is neither");
  }
}
