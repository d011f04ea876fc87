package org.crosscheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimexConventionsTest {
  private static final LocalDate MONDAY = LocalDate.parse("2025-04-28");

  @Test
  void aBareWeekdayIsTheLastOneUnlessTheSentenceSpeaksOfTheFuture() {
    assertThat(TimexConventions.value("Saturday", "2025-05-03", MONDAY, "They arrived on Saturday.", Tense.NONE, false, null))
        .isEqualTo("2025-04-26");
    assertThat(TimexConventions.value("Friday", "2025-04-25", MONDAY, "They will leave Friday.", Tense.NONE, true, null))
        .isEqualTo("2025-05-02");
    assertThat(TimexConventions.value("Monday", "2025-04-28", MONDAY, "It said on Monday.", Tense.NONE, false, null))
        .isEqualTo("2025-04-28");
    assertThat(TimexConventions.value("Sunday night", "2025-05-04TNI", MONDAY, "It fell on Sunday night.", Tense.NONE, false, null))
        .isEqualTo("2025-04-27TNI");
    // more than a weekday: left as SUTime resolved it
    assertThat(TimexConventions.value("last Tuesday", "2025-04-22", MONDAY, "It was last Tuesday.", Tense.NONE, false, null))
        .isEqualTo("2025-04-22");
    assertThat(TimexConventions.value("Tuesday, May 6", "2025-05-06", MONDAY, "Set for Tuesday, May 6.", Tense.NONE, false, null))
        .isEqualTo("2025-05-06");
  }

  @Test
  void weekendsAndQuartersReportedOnAreTheLastOnes() {
    assertThat(TimexConventions.value("the weekend", "2025-W18-WE", MONDAY, "Talks went on over the weekend.", Tense.NONE, false, null))
        .isEqualTo("2025-W17-WE");
    assertThat(TimexConventions.value("the quarter", "2025-Q2", MONDAY, "Profit rose in the quarter.", Tense.NONE, false, null))
        .isEqualTo("2025-Q1");
    assertThat(TimexConventions.value("the latest quarter", "PXM", MONDAY, "Sales fell in the latest quarter.", Tense.NONE, false, null))
        .isEqualTo("2025-Q1");
    assertThat(TimexConventions.value("a year earlier", "2024-04-28", MONDAY,
        "Third-quarter profit rose to $5 million from $4 million a year earlier.", Tense.NONE, false, null)).isEqualTo("2023-Q3");
    // "N years/months/weeks ago" names a year, a month, a week: not a day
    assertThat(TimexConventions.value("a year earlier", "2024-04-28", MONDAY, "He had left a year earlier.", Tense.NONE, false, null))
        .isEqualTo("2024");
    assertThat(TimexConventions.value("five months ago", "2024-11-28", MONDAY, "It began five months ago.", Tense.NONE, false, null))
        .isEqualTo("2024-11");
    assertThat(TimexConventions.value("six weeks ago", "2025-03-17", MONDAY, "It began six weeks ago.", Tense.NONE, false, null))
        .isEqualTo("2025-W12");
    assertThat(TimexConventions.value("the year-earlier quarter", null, MONDAY,
        "Profit rose from the year-earlier quarter.", Tense.NONE, false, null)).isEqualTo("2024-Q1");
  }

  @Test
  void decadesCenturiesRecentTimesAndFiscalYearsAreWrittenAsTimeMlDoes() {
    assertThat(TimexConventions.value("the 1990s", "199X", MONDAY, "Prices rose in the 1990s.", Tense.NONE, false, null)).isEqualTo("199");
    assertThat(TimexConventions.value("20th century", "19XX", MONDAY, "It was built in the 20th century.", Tense.NONE, false, null))
        .isEqualTo("19");
    assertThat(TimexConventions.value("recent years", "PXY", MONDAY, "Sales fell in recent years.", Tense.NONE, false, null))
        .isEqualTo("PAST_REF");
    assertThat(TimexConventions.value("fiscal 1989", null, MONDAY, "Profit for fiscal 1989 rose.", Tense.NONE, false, null))
        .isEqualTo("1989");
  }

  @Test
  void lastMonthIsTheLatestOneBeforeTheAnchorsMonth() {
    assertThat(TimexConventions.value("last August", "2024-08", MONDAY, "Ukraine attacked last August.", Tense.NONE, false, null))
        .isEqualTo("2024-08");
    LocalDate october = LocalDate.parse("1989-10-27");
    assertThat(TimexConventions.value("last April", "1988-04", october, "Sales fell last April.", Tense.NONE, false, null))
        .isEqualTo("1989-04");
    assertThat(TimexConventions.value("last October", "1988-10", october, "It opened last October.", Tense.NONE, false, null))
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
}
