package org.crosscheck.compare;

import org.crosscheck.TestModels;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.analysis.Analysis;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.TextSpan;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.report.StoryReport;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlotAlignerTest {
  @Test
  void aDayInsideTheWeekOrWeekendAnotherOutletNamesIsNoConflict() {
    // "Saturday" in an article of Monday 2025-04-28 and "last week" in the same story
    assertThat(SlotAligner.compatible(date("2025-04-26"), date("2025-W17"))).isTrue();
    assertThat(SlotAligner.compatible(date("2025-W17"), date("2025-04-26"))).isTrue();
    assertThat(SlotAligner.compatible(date("2025-04-19"), date("2025-W17"))).isFalse();
    assertThat(SlotAligner.compatible(date("2025-04-28"), date("2025-W17"))).isFalse();
    assertThat(SlotAligner.compatible(date("2010-06-12"), date("2010-W23-WE"))).isTrue();
    assertThat(SlotAligner.compatible(date("2010-06-11"), date("2010-W23-WE"))).as("a Friday").isFalse();
  }

  @Test
  void periodsThatOverlapFitAndOthersConflict() {
    assertThat(SlotAligner.compatible(date("2024"), date("2024-12"))).isTrue();
    assertThat(SlotAligner.compatible(date("2024-06"), date("2024-12"))).isFalse();
    assertThat(SlotAligner.compatible(date("2025-W18"), date("2025-05"))).isTrue(); // 28 April to 4 May
    assertThat(SlotAligner.compatible(date("2025-W18"), date("2025-03"))).isFalse();
    assertThat(SlotAligner.compatible(date("2024-12-31"), date("2025"))).isFalse();
    // ISO week 1 of 2026 starts on Monday 29 December 2025
    assertThat(SlotAligner.period("2026-W01")[0]).hasToString("2025-12-29");
    assertThat(SlotAligner.period("2010-W23-WE")).containsExactly(LocalDate.parse("2010-06-12"), LocalDate.parse("2010-06-13"));
    assertThat(SlotAligner.period("P3D")).isNull();
  }

  @Test
  void theSameWordsResolvedToDifferentDaysAreNoConflict() {
    SlotAligner.Value thursday = new SlotAligner.Value(claim("a-1"), "DATE", "2013-01-24", new TextSpan(0, 8),
        day("2013-01-24"), day("2013-01-24"), "thursday");
    SlotAligner.Value alsoThursday = new SlotAligner.Value(claim("a-2"), "DATE", "2013-01-31", new TextSpan(0, 8),
        day("2013-01-31"), day("2013-01-31"), "thursday");
    assertThat(SlotAligner.compatible(thursday, alsoThursday)).isTrue();
  }

  @Test
  void hedgesAndRoundingFollowTheDocumentedRule() {
    assertThat(compatible("more than 250,000 people", "250000.0", "about 250,000 people", "250000.0")).isTrue();
    assertThat(compatible("roughly $141 million", "141000000.0", "$139 million", "139000000.0")).isFalse();
    assertThat(compatible("$43 million", "43000000.0", "$43,885,310", "43885310.0")).as("rounded").isTrue();
    assertThat(compatible("55,000 pages", "55000.0", "50,000 pages", "50000.0")).as("plain amounts are exact").isFalse();
    assertThat(compatible("$1 million", "1000000.0", "$500,000", "500000.0")).isFalse();
    assertThat(compatible("nearly two-dozen steps", "14.0", "23 steps", "23.0")).as("two dozen is 24").isTrue();
    assertThat(compatible("some 16 measures", "16.0", "15 bills", "15.0")).isFalse();
    assertThat(compatible("$5,587.75", "5587.75", "$5,687.75", "5687.75")).isFalse();
  }

  @Test
  void ranksAgesAndOddsAreNoAmounts() {
    String text = "Steny Hoyer, 77, of Maryland kept the No. 2 job.";
    assertThat(SlotAligner.range(quantity(text, "77", "77.0"), text)).isNull();
    assertThat(SlotAligner.range(quantity(text, "2", "2.0"), text)).isNull();
    String odds = "Boehner admitted there's a \"1 in 3\" chance, or a one-in-three chance, of losing 25 seats.";
    assertThat(SlotAligner.range(quantity(odds, "3", "3.0"), odds)).as("odds").isNull();
    assertThat(SlotAligner.range(quantity(odds, "one-in-three", "3.0"), odds)).isNull();
    assertThat(SlotAligner.range(quantity(odds, "25", "25.0"), odds)).isNotNull();
  }

  @Test
  void onlyCloseValuesCanBeOneSlot() {
    assertThat(SlotAligner.plausible(amount(15), amount(16))).isTrue();
    assertThat(SlotAligner.plausible(amount(35), amount(194))).isFalse();
    assertThat(SlotAligner.plausible(date("2016-11-30"), date("2016-W47"))).isTrue();
    assertThat(SlotAligner.plausible(date("2009"), date("2013-01-29"))).isFalse();
  }

  private static boolean compatible(String textA, String valueA, String textB, String valueB) {
    String a = "They said " + textA + " was the figure.";
    String b = "They said " + textB + " was the figure.";
    return SlotAligner.compatible(amount(a, textA, valueA), amount(b, textB, valueB));
  }

  private static SlotAligner.Value amount(String text, String words, String value) {
    double[] range = SlotAligner.range(quantity(text, words, value), text);
    return new SlotAligner.Value(claim("a-1"), "NUMBER", words, new TextSpan(0, 1), range[0], range[1], words);
  }

  private static SlotAligner.Value amount(double v) {
    return new SlotAligner.Value(claim("a-1"), "NUMBER", String.valueOf(v), new TextSpan(0, 1), v, v, String.valueOf(v));
  }

  private static Analysis.Quantity quantity(String text, String words, String value) {
    int at = text.indexOf(words);
    return new Analysis.Quantity(words, value, null, "NUMBER", new TextSpan(at, at + words.length()), 0);
  }

  private static SlotAligner.Value date(String timex) {
    LocalDate[] p = SlotAligner.period(timex);
    return new SlotAligner.Value(claim("a-1"), "DATE", timex, new TextSpan(0, 1), p[0].toEpochDay(), p[1].toEpochDay(),
        "");
  }

  private static double day(String iso) {
    return LocalDate.parse(iso).toEpochDay();
  }

  private static ClaimAligner.Claim claim(String article) {
    return new ClaimAligner.Claim(new ArticleId(article), "Outlet", new TextSpan(0, 1), "x", null);
  }

  @Test
  void almostTheSameValuesAreNearMisses() {
    assertThat(SlotAligner.nearMiss(amount(5587.75), amount(5687.75))).isTrue();
    assertThat(SlotAligner.nearMiss(amount(15), amount(19))).isFalse();
    assertThat(SlotAligner.nearMiss(amount(23), amount(23))).as("the same value").isFalse();
    assertThat(SlotAligner.nearMiss(date("2018"), date("2019"))).isTrue();
    assertThat(SlotAligner.nearMiss(date("2016"), date("2019"))).isFalse();
    assertThat(SlotAligner.nearMiss(date("2018-05-01"), date("2019"))).as("a day and a year").isFalse();
  }

  @Test
  void namesAlmostAlikeAreValuesOfOneSlotAndOtherNamesAreNot() {
    assertThat(SlotAligner.nameKey("Rep. Linda T. Sánchez")).isEqualTo("linda sanchez");
    assertThat(SlotAligner.nameKey("Jesse Jackson Jr.")).isEqualTo("jesse jackson");
    assertThat(SlotAligner.nearName("stacy", "stacey")).as("one letter apart").isTrue();
    assertThat(SlotAligner.nearName("loretta sanchez", "linda sanchez")).as("sisters").isTrue();
    assertThat(SlotAligner.nearName("linda sanchez", "linda sanchez")).as("one name").isFalse();
    assertThat(SlotAligner.nearName("jim clyburn", "james clyburn")).as("a nickname").isFalse();
    assertThat(SlotAligner.nearName("ken fredette", "kenneth fredette")).isFalse();
    assertThat(SlotAligner.nearName("ted kennedy", "edward kennedy")).isFalse();
    assertThat(SlotAligner.nearName("chuck grassley", "charles grassley")).isFalse();
    assertThat(SlotAligner.nearName("vicente fox", "vincente fox")).as("a given name misspelled").isTrue();
    assertThat(SlotAligner.nearName("james smith", "james smyth")).as("a surname misspelled").isTrue();
    assertThat(SlotAligner.nearName("maria lopez", "maria sanchez")).isFalse();
    assertThat(SlotAligner.oneEditApart("linda", "linda")).isFalse();
    assertThat(SlotAligner.oneEditApart("stacy", "stacey")).isTrue();
    assertThat(SlotAligner.oneEditApart("stacey", "stacy")).isTrue();
    assertThat(SlotAligner.oneEditApart("stace", "stacy")).isTrue();
    assertThat(SlotAligner.oneEditApart("stac", "stacey")).isFalse();
    assertThat(SlotAligner.nearName("christopher smith", "chris smith")).isFalse();
    assertThat(SlotAligner.nearName("mark", "mary")).as("too short to tell a misspelling").isFalse();
    assertThat(SlotAligner.nearName("barbara lee", "tim ryan")).isFalse();
  }

  @Test
  void aTimeOfDayDatesItsDay() {
    assertThat(SlotAligner.dateOf(time("TIME", "2012-10-11TNI"))).isEqualTo("2012-10-11");
    assertThat(SlotAligner.dateOf(time("TIME", "2012-10-11T20:00"))).isEqualTo("2012-10-11");
    assertThat(SlotAligner.dateOf(time("DATE", "2012-W40"))).isEqualTo("2012-W40");
    assertThat(SlotAligner.dateOf(time("DATE", "PRESENT_REF"))).isNull();
    assertThat(SlotAligner.dateOf(time("DURATION", "P3D"))).isNull();
    assertThat(SlotAligner.dateOf(time("TIME", "T20:00"))).as("no day").isNull();
  }

  @Test
  void aNameSpelledTwoWaysIsAConflictAndANicknameIsNot(@TempDir Path tmp) throws Exception {
    // the BASIL story of Mo Cowan's appointment: Fox News names his wife Stacy, The New York Times Stacey;
    // both name Ted Kennedy and "Mo" Cowan also as Edward Kennedy and William Cowan
    StoryReport report = basilReport("d3a1ce0a-fc48-4827-a278-8f0ce8c7a519", tmp);
    var names = report.conflicts().stream().filter(c -> c.kind().equals("PERSON")).toList();
    assertThat(names).singleElement().satisfies(c -> {
      assertThat(c.heading()).isEqualTo("Names differ");
      assertThat(c.sides()).extracting(StoryReport.Side::value).containsExactlyInAnyOrder("Stacy", "Stacey");
      assertThat(c.sides()).allSatisfy(side -> assertThat(side.evidence().getLast().text()).contains("sons"));
    });
  }

  @Test
  void whatAnAmountCountsIsReadAfterItAndEachSideCitesEveryStatementOfItsValue(@TempDir Path tmp)
      throws Exception {
    // the BASIL story of Obama's gun-violence plan: The New York Times counts 19 separate actions the
    // president could take by invoking the power of his office; Fox News "23 steps he took without
    // congressional action" and "nearly two-dozen executive actions"; HuffPost "23 executive actions"
    StoryReport report = basilReport("526cabb7-02a3-4adb-8e90-ec781c40c498", tmp);
    assertThat(report.conflicts()).filteredOn(c -> c.sides().stream().anyMatch(s -> s.value().startsWith("19 ")))
        .singleElement().satisfies(c -> {
          StoryReport.Side nineteen = c.sides().stream().filter(s -> s.value().startsWith("19 ")).findFirst().orElseThrow();
          assertThat(nineteen.outlets()).containsExactly("The New York Times");
          String others = c.sides().stream().filter(s -> s != nineteen)
              .flatMap(s -> s.evidence().stream()).map(e -> e.text()).toList().toString();
          assertThat(others).contains("23 steps he took without congressional action", "23 executive actions");
          assertThat(c.sides().stream().flatMap(s -> s.outlets().stream()))
              .containsExactlyInAnyOrder("The New York Times", "Fox News", "Fox News", "HuffPost");
        });
  }

  /** @return the report of one BASIL story, ingested alone from the shared file */
  private static StoryReport basilReport(String storyId, Path tmp) throws Exception {
    Path story = tmp.resolve("story.jsonl");
    try (var lines = Files.lines(SharedData.path("basil-2010-2016.jsonl"))) {
      Files.write(story, lines.filter(l -> l.contains(storyId)).toList());
    }
    var store = Store.inMemory();
    Pipeline.builder().store(store).buildIngestor().ingest(List.of(story.toString()), new IngestListener() {});
    var stories = Stories.all(store);
    assertThat(stories).hasSize(1);
    return Pipeline.builder().store(store).models(TestModels.STANDARD).buildReporter().build(store, stories.getFirst().id()).orElseThrow();
  }

  private static Analysis.TimeMention time(String type, String value) {
    return new Analysis.TimeMention("Thursday night", type, value, new TextSpan(0, 14), 0);
  }
}
