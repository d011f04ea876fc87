package org.crosscheck.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.crosscheck.SharedData;
import org.crosscheck.TestModels;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.Article;
import org.crosscheck.model.Story;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.report.StoryReport;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exports of the seed story (five outlets, one event), read back with the same CSV library. */
class ExportTest {
  private static Store store;
  private static StoryReport report;

  @BeforeAll
  static void seed() {
    store = Store.inMemory();
    Pipeline.builder().store(store).buildIngestor()
        .ingest(List.of(SharedData.path("seeds").toString()), new IngestListener() {});
    Story story = Stories.all(store).getFirst();
    report = Pipeline.builder().store(store).models(TestModels.STANDARD).buildReporter().report(store, story.id())
        .orElseThrow();
  }

  private static List<CSVRecord> csv(Export.Kind kind) throws IOException {
    StringWriter out = new StringWriter();
    Export.write(store, kind, Export.Format.CSV, s -> ReportBuilder.stored(store, s), out);
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(out.toString())).getRecords();
  }

  @Test
  void articlesParseBackWithEveryColumn() throws IOException {
    List<CSVRecord> rows = csv(Export.Kind.ARTICLES);
    assertThat(rows).hasSize((int) store.count());
    assertThat(rows.getFirst().getParser().getHeaderNames()).isEqualTo(Export.Kind.ARTICLES.columns());
    for (CSVRecord r : rows) {
      Article a = store.get(new org.crosscheck.model.ArticleId(r.get("article"))).orElseThrow();
      assertThat(r.get("title")).isEqualTo(a.title() == null ? "" : a.title());
      assertThat(r.get("outlet")).isEqualTo(store.outlets().name(a));
      assertThat(r.get("story")).isEqualTo(store.storyOf(a.id()).orElseThrow().value());
      assertThat(Integer.parseInt(r.get("characters"))).isEqualTo(a.text().length());
    }
  }

  @Test
  void quotesFactsAndConflictsComeFromTheReportsWithTheirEvidence() throws IOException {
    List<CSVRecord> quotes = csv(Export.Kind.QUOTES);
    List<String> expected = report.quotes().stream().flatMap(s -> s.quotes().stream()).map(StoryReport.Quote::text)
        .toList();
    assertThat(quotes).extracting(r -> r.get("quote")).containsExactlyElementsOf(expected);
    assertThat(expected).as("the seed's quotes hold commas and quote marks, which CSV must keep")
        .anyMatch(q -> q.contains(","));
    for (CSVRecord r : quotes) {
      assertThat(r.get("story")).isEqualTo(report.story().id());
      for (String article : r.get("articles").split(" ")) {
        assertThat(r.get("evidence")).contains(article + ":");
      }
    }
    List<CSVRecord> facts = csv(Export.Kind.FACTS);
    assertThat(facts).extracting(r -> r.get("fact"))
        .containsExactlyElementsOf(report.consensus().stream().map(StoryReport.Fact::text).toList());
    assertThat(csv(Export.Kind.CONFLICTS)).hasSize(report.conflicts().stream().mapToInt(c -> c.sides().size()).sum());
  }

  @Test
  void jsonLinesHaveTheSameNames() throws IOException {
    StringWriter out = new StringWriter();
    Export.Result r = Export.write(store, Export.Kind.STORIES, Export.Format.JSONL, s -> Optional.empty(), out);
    List<String> lines = out.toString().lines().toList();
    assertThat(r.rows()).isEqualTo(lines.size()).isEqualTo(1);
    JsonNode story = new ObjectMapper().readTree(lines.getFirst());
    assertThat(story.fieldNames()).toIterable().containsExactlyElementsOf(Export.Kind.STORIES.columns());
    assertThat(story.get("articles").asInt()).isEqualTo(5);
  }

  @Test
  void aStoryWithoutAReportIsCountedAndLeftOut() {
    StringWriter out = new StringWriter();
    Export.Result r = Export.write(store, Export.Kind.FACTS, Export.Format.CSV, s -> Optional.empty(), out);
    assertThat(r.rows()).isZero();
    assertThat(r.storiesWithoutReport()).isEqualTo(1);
    assertThat(out.toString().strip()).isEqualTo(String.join(",", Export.Kind.FACTS.columns()));
  }

  @Test
  void unknownKindsAndFormatsAreNamed() {
    assertThatThrownBy(() -> Export.Kind.of("tweets")).hasMessageContaining("nothing to export called 'tweets'");
    assertThatThrownBy(() -> Export.Format.of("xlsx")).hasMessageContaining("no export format 'xlsx': csv or jsonl");
    assertThat(Export.Kind.of("Quotes")).isEqualTo(Export.Kind.QUOTES);
  }
}
