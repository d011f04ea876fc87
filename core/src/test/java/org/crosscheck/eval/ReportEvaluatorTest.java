package org.crosscheck.eval;

import org.crosscheck.TestModels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.eval.ReportEvaluator.Category;
import org.crosscheck.report.StoryReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportEvaluatorTest {
  /**
   * Accuracy guard: floors at what the reports reach on the 14 BASIL stories of the report gold
   * (measured: consensus 76/81, conflicts 15/20 with 16 of 19 reported real, exclusives 57/69,
   * quotes 62/67, dates 56/56, overall 266/293).
   */
  @Test
  void scoresTheBasilReportsAboveTheFloors() {
    ReportEvaluator.Gold gold = ReportEvaluator.read(SharedData.path("basil-dev-gold.json"));
    ReportEvaluator.Result r = ReportEvaluator.evaluate(gold, List.of(SharedData.path("basil-2010-2016.jsonl")),
        TestModels.STANDARD);
    assertThat(r.events()).isEqualTo(14);
    assertThat(r.unheld()).as("events whose articles are not one story").isEmpty();
    assertThat(r.recall().get(Category.CONSENSUS).gold()).isEqualTo(81);
    assertThat(r.recall().get(Category.CONSENSUS).recall()).as("consensus").isGreaterThanOrEqualTo(0.92);
    assertThat(r.recall().get(Category.CONFLICTS).recall()).as("conflicts").isGreaterThanOrEqualTo(0.75);
    assertThat(r.conflictPrecision()).as("conflict precision").isGreaterThanOrEqualTo(0.80);
    assertThat(r.recall().get(Category.EXCLUSIVES).recall()).as("exclusives").isGreaterThanOrEqualTo(0.80);
    assertThat(r.recall().get(Category.QUOTES).recall()).as("quotes").isGreaterThanOrEqualTo(0.92);
    assertThat(r.recall().get(Category.DATES).recall()).as("dates").isGreaterThanOrEqualTo(0.98);
    assertThat(r.overall().recall()).as("overall").isGreaterThanOrEqualTo(0.90);
    assertThat(r.missed()).hasSize(r.overall().gold() - r.overall().matched());
    assertThat(r.wrong()).hasSize(r.conflictsReported() - r.conflictsRight());
  }

  @Test
  void matchesEachCategoryByTheGoldRules() {
    ReportEvaluator.Event event = new ReportEvaluator.Event("g-1", List.of("a1", "a2"), "Debate",
        List.of(new ReportEvaluator.Consensus("held on Tuesday", List.of("tuesday", "debate"), List.of("A", "B")),
            new ReportEvaluator.Consensus("stated by one outlet only in the report", List.of("lonely"), List.of("A", "B"))),
        List.of(new ReportEvaluator.Conflict("pages released", List.of(
            new ReportEvaluator.Side("A", "55,000", List.of("55,000")),
            new ReportEvaluator.Side("B", "50,000", List.of("50,000", "fifty thousand"))))),
        List.of(new ReportEvaluator.Exclusive("A", "the moderator", List.of("lester holt"))),
        List.of(new ReportEvaluator.Quote("A", "we will win this", "smith"),
            new ReportEvaluator.Quote("B", "no comment at all", "jones")),
        List.of(new ReportEvaluator.Date("A", "on Tuesday", "2016-09-27"), new ReportEvaluator.Date("B", "last year", "2015")));
    StoryReport report = new StoryReport(new StoryReport.Header("s-1", "Debate", List.of(), null), List.of(),
        List.of(fact("The Debate is on Tuesday.", "A", "B"), fact("A lonely fact.", "A")),
        List.of(conflict("55,000", "50,000"), conflict("Tuesday", "Thursday")),
        List.of(new StoryReport.Sentence("Lester Holt will moderate.", List.of("A"), List.of())),
        List.of(new StoryReport.Speaker("Jane Smith", "PERSON", List.of(quote("We will win this, she said"))),
            new StoryReport.Speaker("a spokesman", null, List.of(quote("No comment at all")))),
        List.of(new StoryReport.Date("2016-09-27", false, List.of("A"), List.of())), List.of());

    ReportEvaluator.Scorer scorer = new ReportEvaluator.Scorer();
    scorer.score(event, report);
    ReportEvaluator.Result r = scorer.result(1, 0);

    assertThat(r.recall().get(Category.CONSENSUS)).as("one outlet is not consensus")
        .isEqualTo(new ReportEvaluator.Tally(1, 2));
    assertThat(r.recall().get(Category.CONFLICTS)).isEqualTo(new ReportEvaluator.Tally(1, 1));
    assertThat(r.conflictsReported()).isEqualTo(2);
    assertThat(r.conflictsRight()).as("Tuesday vs Thursday is no gold conflict").isEqualTo(1);
    assertThat(r.conflictPrecision()).isEqualTo(0.5);
    assertThat(r.recall().get(Category.EXCLUSIVES)).isEqualTo(new ReportEvaluator.Tally(1, 1));
    assertThat(r.recall().get(Category.QUOTES)).as("the speaker must contain the gold speaker")
        .isEqualTo(new ReportEvaluator.Tally(1, 2));
    assertThat(r.recall().get(Category.DATES)).isEqualTo(new ReportEvaluator.Tally(1, 2));
    assertThat(r.overall()).isEqualTo(new ReportEvaluator.Tally(5, 8));
    assertThat(r.missed()).containsExactly("Debate / consensus: stated by one outlet only in the report",
        "Debate / quotes: jones: \"no comment at all\"", "Debate / dates: B: last year = 2015");
    assertThat(r.wrong()).singleElement().asString().startsWith("Debate: {").contains("thursday");
  }

  @Test
  void missesEveryItemOfAnEventNoStoryHolds() {
    ReportEvaluator.Event event = new ReportEvaluator.Event("g-2", List.of("a1"), null,
        List.of(new ReportEvaluator.Consensus("x", List.of("x"), List.of("A", "B"))), List.of(), List.of(), List.of(),
        List.of(new ReportEvaluator.Date("A", "today", "2016-01-01")));
    ReportEvaluator.Scorer scorer = new ReportEvaluator.Scorer();
    scorer.score(event, null);
    ReportEvaluator.Result r = scorer.result(1, 0);
    assertThat(r.overall()).isEqualTo(new ReportEvaluator.Tally(0, 2));
    assertThat(r.missed()).containsExactly("g-2 / consensus: x", "g-2 / dates: A: today = 2016-01-01");
  }

  @Test
  void namesTheFileOfGoldItCannotRead(@TempDir Path tmp) throws Exception {
    Path notJson = Files.writeString(tmp.resolve("bad.json"), "{\"events\": [");
    assertThatThrownBy(() -> ReportEvaluator.read(notJson)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.json: not report gold");
    Path noArticles = Files.writeString(tmp.resolve("empty.json"), "{\"events\": [{\"story\": \"s\", \"articles\": []}]}");
    assertThatThrownBy(() -> ReportEvaluator.read(noArticles)).hasMessageContaining("empty.json: event 1 has no");
    Path none = Files.writeString(tmp.resolve("none.json"), "{\"events\": []}");
    assertThatThrownBy(() -> ReportEvaluator.read(none)).hasMessageContaining("none.json: no events");
  }

  private static StoryReport.Fact fact(String text, String... outlets) {
    return new StoryReport.Fact(text, List.of(outlets), List.of(), List.of());
  }

  private static StoryReport.Conflict conflict(String a, String b) {
    return new StoryReport.Conflict("NUMBER", List.of(new StoryReport.Side(a, List.of("A"), List.of()),
        new StoryReport.Side(b, List.of("B"), List.of())));
  }

  private static StoryReport.Quote quote(String text) {
    return new StoryReport.Quote(text, "A", null, List.of(), List.of());
  }
}
