package org.crosscheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimexConventionsTest {
  private static final LocalDate MONDAY = LocalDate.parse("2025-04-28");
  private static final LocalDate OCTOBER_1989 = LocalDate.parse("1989-10-26");

  /** @return the value in a sentence whose verbs tell no tense nor the future, with no quarter reported on */
  private static String value(String text, String sutime, LocalDate anchor, String sentence) {
    return TimexConventions.value(text, sutime, anchor, sentence, Tense.NONE, false, null);
  }

  @Test
  void aBareWeekdayIsTheLastOneUnlessTheSentenceSpeaksOfTheFuture() {
    assertThat(value("Saturday", "2025-05-03", MONDAY, "They arrived on Saturday."))
        .isEqualTo("2025-04-26");
    assertThat(TimexConventions.value("Friday", "2025-04-25", MONDAY, "They will leave Friday.", Tense.NONE, true, null))
        .isEqualTo("2025-05-02");
    assertThat(value("Monday", "2025-04-28", MONDAY, "It said on Monday."))
        .isEqualTo("2025-04-28");
    assertThat(value("Sunday night", "2025-05-04TNI", MONDAY, "It fell on Sunday night."))
        .isEqualTo("2025-04-27TNI");
    // more than a weekday: left as SUTime resolved it
    assertThat(value("last Tuesday", "2025-04-22", MONDAY, "It was last Tuesday."))
        .isEqualTo("2025-04-22");
    assertThat(value("Tuesday, May 6", "2025-05-06", MONDAY, "Set for Tuesday, May 6."))
        .isEqualTo("2025-05-06");
  }

  @Test
  void weekendsAndQuartersReportedOnAreTheLastOnes() {
    assertThat(value("the weekend", "2025-W18-WE", MONDAY, "Talks went on over the weekend."))
        .isEqualTo("2025-W17-WE");
    assertThat(value("the quarter", "2025-Q2", MONDAY, "Profit rose in the quarter."))
        .isEqualTo("2025-Q1");
    assertThat(value("the latest quarter", "PXM", MONDAY, "Sales fell in the latest quarter."))
        .isEqualTo("2025-Q1");
    assertThat(value("a year earlier", "2024-04-28", MONDAY,
        "Third-quarter profit rose to $5 million from $4 million a year earlier.")).isEqualTo("2023-Q3");
    // "N years/months/weeks ago" names a year, a month, a week: not a day
    assertThat(value("a year earlier", "2024-04-28", MONDAY, "He had left a year earlier."))
        .isEqualTo("2024");
    assertThat(value("five months ago", "2024-11-28", MONDAY, "It began five months ago."))
        .isEqualTo("2024-11");
    assertThat(value("six weeks ago", "2025-03-17", MONDAY, "It began six weeks ago."))
        .isEqualTo("2025-W12");
    assertThat(value("the year-earlier quarter", null, MONDAY,
        "Profit rose from the year-earlier quarter.")).isEqualTo("2024-Q1");
  }

  @Test
  void decadesCenturiesRecentTimesAndFiscalYearsAreWrittenAsTimeMlDoes() {
    assertThat(value("the 1990s", "199X", MONDAY, "Prices rose in the 1990s.")).isEqualTo("199");
    assertThat(value("20th century", "19XX", MONDAY, "It was built in the 20th century."))
        .isEqualTo("19");
    assertThat(value("recent years", "PXY", MONDAY, "Sales fell in recent years."))
        .isEqualTo("PAST_REF");
    assertThat(value("fiscal 1989", null, MONDAY, "Profit for fiscal 1989 rose."))
        .isEqualTo("1989");
  }

  @Test
  void lastMonthIsTheLatestOneBeforeTheAnchorsMonth() {
    assertThat(value("last August", "2024-08", MONDAY, "Ukraine attacked last August."))
        .isEqualTo("2024-08");
    LocalDate october = LocalDate.parse("1989-10-27");
    assertThat(value("last April", "1988-04", october, "Sales fell last April."))
        .isEqualTo("1989-04");
    assertThat(value("last October", "1988-10", october, "It opened last October."))
        .isEqualTo("1988-10");
  }

  @Test
  void agesAndWordsThatNameNoTimeAreNotTimes() {
    assertThat(TimexConventions.notATime("6-year-old")).isTrue();
    assertThat(TimexConventions.notATime("once")).isTrue();
    assertThat(TimexConventions.notATime("night")).isTrue();
    assertThat(TimexConventions.notATime("quarterly")).isTrue();
    assertThat(TimexConventions.notATime("last night")).isFalse();
    assertThat(TimexConventions.notATime("six years")).isFalse();
  }

  @Test
  void aMonthWithoutAYearIsTheLatestOneInThePastAndTheNextOneInTheFuture() {
    assertThat(TimexConventions.value("March", "1990-03", OCTOBER_1989,
        "James A. Taylor stepped down as chairman in March for health reasons.", Tense.PAST, false, null))
        .isEqualTo("1989-03");
    assertThat(TimexConventions.value("Jan. 2", "1989-01-02", OCTOBER_1989,
        "The reduced dividend will be paid Jan. 2.", Tense.FUTURE, true, null)).isEqualTo("1990-01-02");
    assertThat(TimexConventions.value("early March", "1998-03", LocalDate.parse("1999-02-10"),
        "The accession was planned for early March.", Tense.FUTURE, false, null)).isEqualTo("1999-03");
    // the verbs tell nothing: SUTime's year stands
    assertThat(value("February", "1990-02", OCTOBER_1989, "It agreed to buy the line in February."))
        .isEqualTo("1990-02");
  }

  @Test
  void aWeekdayInThePresentIsTheComingOne() {
    assertThat(TimexConventions.value("Monday", "1998-04-27", LocalDate.parse("1998-05-01"),
        "He and Arafat meet separately Monday with Albright.", Tense.PRESENT, false, null)).isEqualTo("1998-05-04");
    assertThat(TimexConventions.value("Friday", "1998-08-14", LocalDate.parse("1998-08-08"),
        "A bomb ripped through an office building next to the embassy Friday.", Tense.PAST, true, null))
        .isEqualTo("1998-08-07");
  }

  @Test
  void earningsReportsCompareWithTheReportedQuarterAYearBefore() {
    String q = "1989-Q3";
    assertThat(TimexConventions.value("a year earlier", "1988", OCTOBER_1989,
        "Revenue declined 8% to $85.7 million, from $93.3 million a year earlier.", Tense.NONE, false, q))
        .isEqualTo("1988-Q3");
    assertThat(TimexConventions.value("a year earlier", "1988", OCTOBER_1989,
        "EDS was 45% of the total in the latest nine months, compared with 40% a year earlier.", Tense.NONE, false, q))
        .isEqualTo("1988");
    assertThat(TimexConventions.value("the quarter a year ago", "1988-Q4", OCTOBER_1989,
        "For the quarter a year ago, Columbia reported earnings of $16.3 million.", Tense.NONE, false, q))
        .isEqualTo("1988-Q3");
    assertThat(TimexConventions.value("last year's quarter", null, OCTOBER_1989,
        "U.K. sales for last year's quarter were about $3 million.", Tense.NONE, false, q)).isEqualTo("1988-Q3");
    assertThat(TimexConventions.value("the 1988 quarter", "P5964M", OCTOBER_1989,
        "It earned $376,000 on revenue of $14.5 million in the 1988 quarter.", Tense.NONE, false, q))
        .isEqualTo("1988-Q3");
    assertThat(TimexConventions.reportPeriod("the year-ago period", q)).isEqualTo("1988-Q3");
    assertThat(TimexConventions.reportPeriod("The latest period", q)).isEqualTo(q);
  }

  @Test
  void aNamedQuarterIsTheLatestBegunAndTheCurrentOneIsTheAnchors() {
    assertThat(value("the fiscal first quarter", "1990-Q1", OCTOBER_1989,
        "Delta posted record earnings in the fiscal first quarter.")).isEqualTo("1989-Q1");
    assertThat(value("third-quarter", "1990-Q3", OCTOBER_1989, "It said its third-quarter earnings will be lower."))
        .isEqualTo("1989-Q3");
    assertThat(value("the current quarter", "1989-Q3", OCTOBER_1989,
        "Business is conducted in the fourth quarter, with the current quarter having begun well.")).isEqualTo("1989-Q4");
  }

  @Test
  void stretchesOfTimeAreWrittenAsLengths() {
    assertThat(value("the first nine months of the year", null, OCTOBER_1989,
        "Net fell through the first nine months of the year.")).isEqualTo("P9M");
    assertThat(value("the year", "1989", OCTOBER_1989, "Revenue was $76 million for the year ended March 31."))
        .isEqualTo("P1Y");
    assertThat(value("Three days later", "1989-11-02", OCTOBER_1989, "Three days later, the bid was raised."))
        .isEqualTo("P3D");
    assertThat(value("an hour later", "1998-10-25", OCTOBER_1989, "He called an hour later.")).isEqualTo("PT1H");
    assertThat(value("A few days later", "1989-10-28", OCTOBER_1989, "A few days later it fell.")).isEqualTo("PXD");
    assertThat(TimexConventions.lengthOf("more than four hours")).isEqualTo("PT4H");
    assertThat(TimexConventions.countedLength("2 1/2 years")).isEqualTo("P2Y6M");
    assertThat(TimexConventions.countedLength("two more weeks")).isEqualTo("P2W");
    assertThat(TimexConventions.countBefore("years", "lived in refugee camps for 2 1/2 ")).isEqualTo(6);
    assertThat(TimexConventions.countBefore("years", "for many ")).isZero();
  }

  @Test
  void thePastYearAndTheWeekOfADayAreNamedAsTimeMlDoes() {
    assertThat(value("the past year", "1989", OCTOBER_1989, "It was investigated in the past year.")).isEqualTo("1988");
    assertThat(value("the week of March 6", null, LocalDate.parse("2000-02-24"),
        "It may be resolved in a court hearing the week of March 6.")).isEqualTo("2000-W10");
    assertThat(TimexConventions.withoutZone("1989-11-09T17:00-0500")).isEqualTo("1989-11-09T17:00");
    assertThat(TimexConventions.withoutZone("1989-11-09")).isEqualTo("1989-11-09");
  }

  @Test
  void agesInYearsFractionsAndBareUnitsAreNotTimes() {
    assertThat(TimexConventions.notATime("52 years old")).isTrue();
    assertThat(TimexConventions.notATime("about three-quarters")).isTrue();
    assertThat(TimexConventions.notATime("days")).isTrue();
    assertThat(TimexConventions.notATime("decades")).isTrue();
    assertThat(TimexConventions.notATime("two days")).isFalse();
  }
}
