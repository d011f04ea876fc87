package org.crosscheck.analysis;

import org.crosscheck.TestModels;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import org.crosscheck.SharedData;
import org.crosscheck.model.TextSpan;
import org.junit.jupiter.api.Test;

class CoreNlpAnalyzerTest {
  private final CoreNlpAnalyzer analyzer = new CoreNlpAnalyzer(TestModels.STANDARD);

  @Test
  void resolvesTheSeedReportsDatesAgainstItsPublicationDate() throws Exception {
    String text = Files.readString(SharedData.path("seeds/000_3e73613c10c7acdf.txt"), StandardCharsets.UTF_8);
    Analysis a = analyzer.analyze(text, LocalDate.parse("2025-04-28"));
    assertThat(a.times()).anySatisfy(t -> {
      assertThat(t.text()).isEqualTo("Saturday");
      assertThat(t.value()).isEqualTo("2025-04-26");
    }).anySatisfy(t -> {
      assertThat(t.text()).isEqualTo("Monday");
      assertThat(t.value()).isEqualTo("2025-04-28");
    });
    assertThat(a.entities()).anySatisfy(e -> {
      assertThat(e.text()).isEqualTo("Kim Jong Un");
      assertThat(e.type()).isEqualTo("PERSON");
    });
    // every span points at the words it reports, inside its sentence
    for (Analysis.Entity e : a.entities()) {
      assertThat(e.span().of(text)).isEqualTo(e.text());
      assertThat(a.sentences().get(e.sentence()).overlaps(e.span())).isTrue();
    }
    for (Analysis.TimeMention t : a.times()) {
      assertThat(t.span().of(text)).isEqualTo(t.text());
    }
    // sentences in order, and a line break always ends one: the headline stands alone
    for (int i = 1; i < a.sentences().size(); i++) {
      assertThat(a.sentences().get(i).start()).isGreaterThanOrEqualTo(a.sentences().get(i - 1).end());
    }
    assertThat(a.sentences().getFirst().of(text)).doesNotContain("\n");
  }

  @Test
  void resolvesRelativeMonthsAndTellsWhatNumbersCount() {
    String text = "The treaty was signed in December last year.\nTroops arrived last August, officials said on Saturday.\n"
        + "More than 15,800 containers and around 12-thousand troops were sent, and the 6-year-old boy was fine.\n"
        + "They will meet on Tuesday.";
    Analysis a = analyzer.analyze(text, LocalDate.parse("2025-04-28"));
    assertThat(a.times()).extracting(Analysis.TimeMention::text, Analysis.TimeMention::value).containsExactly(
        org.assertj.core.groups.Tuple.tuple("December last year", "2024-12"),
        org.assertj.core.groups.Tuple.tuple("last August", "2024-08"),
        org.assertj.core.groups.Tuple.tuple("Saturday", "2025-04-26"),
        org.assertj.core.groups.Tuple.tuple("Tuesday", "2025-04-29"));
    assertThat(a.quantities()).extracting(Analysis.Quantity::value, Analysis.Quantity::counts).contains(
        org.assertj.core.groups.Tuple.tuple(">15800.0", "containers"),
        org.assertj.core.groups.Tuple.tuple("~12000.0", "troops"));
    assertThat(a.quantities()).noneMatch(q -> q.text().contains("6-year-old"));
  }

  @Test
  void aWeekdayDatingAPastVerbIsPastEvenWhenTheSentenceSpeaksOfTheFuture() {
    Analysis a = analyzer.analyze("The company said Friday it will close the plant next year.", LocalDate.parse("2025-04-28"));
    assertThat(a.times()).filteredOn(t -> t.text().equals("Friday")).singleElement()
        .satisfies(t -> assertThat(t.value()).isEqualTo("2025-04-25"));
    Analysis ahead = analyzer.analyze("The plant will close on Friday.", LocalDate.parse("2025-04-28"));
    assertThat(ahead.times()).filteredOn(t -> t.text().equals("Friday")).singleElement()
        .satisfies(t -> assertThat(t.value()).isEqualTo("2025-05-02"));
  }

  @Test
  void leavesRelativeDatesUnresolvedWithoutAnAnchor() {
    Analysis a = analyzer.analyze("Officials said on Saturday that troops had arrived.", null);
    assertThat(a.anchor()).isNull();
    assertThat(a.times()).singleElement().satisfies(t -> assertThat(t.value()).doesNotMatch("\\d{4}-\\d{2}-\\d{2}"));
    assertThat(a.sentences()).containsExactly(new TextSpan(0, 51));
  }

  @Test
  void earningsReportsDateTheirComparisonsByTheQuarterReported() {
    String text = "Oshkosh said its third-quarter net income rose to $5 million. A year earlier, net was $4 million.\n"
        + "The year-ago results included a charge. In the latest period, sales rose. In fiscal 1989, it earned $7.8 "
        + "million.";
    Analysis a = analyzer.analyze(text, LocalDate.parse("1989-10-26"));
    assertThat(a.times()).extracting(Analysis.TimeMention::text, Analysis.TimeMention::value).contains(
        org.assertj.core.groups.Tuple.tuple("third-quarter", "1989-Q3"),
        org.assertj.core.groups.Tuple.tuple("A year earlier", "1988-Q3"),
        org.assertj.core.groups.Tuple.tuple("The year-ago", "1988-Q3"),
        org.assertj.core.groups.Tuple.tuple("the latest period", "1989-Q3"),
        org.assertj.core.groups.Tuple.tuple("fiscal 1989", "1989"));
  }

  @Test
  void joinsWhatSutimeSplitsAndSplitsWhatItJoins() {
    Analysis a = analyzer.analyze("Elian was found Thanksgiving Day clinging to an inner tube. The INS extended its "
        + "deadline until 9 a.m. EST Tuesday. She took the stand for more than four hours Friday. They lived in camps "
        + "for 2 1/2 years.", LocalDate.parse("2000-03-31"));
    assertThat(a.times()).extracting(Analysis.TimeMention::text).contains("Thanksgiving Day", "9 a.m. EST Tuesday",
        "more than four hours", "Friday", "2 1/2 years").doesNotContain("Day", "Tuesday", "years");
    assertThat(a.times()).filteredOn(t -> t.text().equals("more than four hours")).singleElement()
        .satisfies(t -> assertThat(t.value()).isEqualTo("PT4H"));
    assertThat(a.times()).filteredOn(t -> t.text().equals("Friday")).singleElement()
        .satisfies(t -> assertThat(t.value()).isEqualTo("2000-03-31"));
    assertThat(a.times()).filteredOn(t -> t.text().startsWith("9 a.m.")).singleElement()
        .satisfies(t -> assertThat(t.value()).doesNotContain("-0500"));
  }

  @Test
  void resolvesWhatRefersBackAgainstTheText() {
    Analysis a = analyzer.analyze("Munero fled to Florida in June 1998 and returned to Cuba later that year. "
        + "In March, American Medical received an offer. The following month, the company put itself up for sale. "
        + "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.", LocalDate.parse("1989-10-27"));
    assertThat(a.times()).extracting(Analysis.TimeMention::text, Analysis.TimeMention::value).contains(
        org.assertj.core.groups.Tuple.tuple("later that year", "1998"),
        org.assertj.core.groups.Tuple.tuple("March", "1989-03"),
        org.assertj.core.groups.Tuple.tuple("The following month", "1989-04"),
        org.assertj.core.groups.Tuple.tuple("about 10:35 a.m.", "1989-10-27T10:35"));
  }

  @Test
  void titlesAgesAndFutureBeforeANounAreNoTimes() {
    Analysis a = analyzer.analyze("Baker, speaking on ABC News' \"This Week,\" said Mr. Schwarz, 52 years old, "
        + "is confident about future earnings.", LocalDate.parse("1990-08-13"));
    assertThat(a.times()).isEmpty();
  }

  @Test
  void thisWeekendInThePastIsTheWeekendJustPast() {
    Analysis a = analyzer.analyze("He grabbed the student this weekend. They will meet again this weekend.",
        LocalDate.parse("2010-06-14"));
    assertThat(a.times()).extracting(Analysis.TimeMention::value).containsExactly("2010-W23-WE", "2010-W24-WE");
  }
}
