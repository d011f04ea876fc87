package org.crosscheck.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimAlignerTest {
  @Test
  void aDayInsideTheWeekAnotherOutletNamesIsNoConflict() {
    // "Saturday" in an article of Monday 2025-04-28 and "last week" in the same story
    assertThat(ClaimAligner.compatible("2025-04-26", "2025-W17")).isTrue();
    assertThat(ClaimAligner.compatible("2025-W17", "2025-04-26")).isTrue();
    assertThat(ClaimAligner.compatible("2025-04-19", "2025-W17")).isFalse();
    assertThat(ClaimAligner.compatible("2025-04-28", "2025-W17")).isFalse();
  }

  @Test
  void periodsThatOverlapFitAndOthersConflict() {
    assertThat(ClaimAligner.compatible("2024", "2024-12")).isTrue();
    assertThat(ClaimAligner.compatible("2024-06", "2024-12")).isFalse();
    assertThat(ClaimAligner.compatible("2025-W18", "2025-05")).isTrue(); // 28 April to 4 May
    assertThat(ClaimAligner.compatible("2025-W18", "2025-03")).isFalse();
    assertThat(ClaimAligner.compatible("2024-12-31", "2025")).isFalse();
    // ISO week 1 of 2026 starts on Monday 29 December 2025
    assertThat(ClaimAligner.period("2026-W01")[0]).hasToString("2025-12-29");
  }

  @Test
  void attributionWordsAreLeftOutOfWhatIsCompared() {
    assertThat(ClaimAligner.content("According to the North Korean Central News Agency (KCNA), leader Kim Jong-un"
        + " personally ordered the deployment of troops.")).isEqualTo("leader Kim Jong-un personally ordered the"
        + " deployment of troops.");
    assertThat(ClaimAligner.content("(MENAFN) North Korea officially confirmed on Monday that it sent troops to Russia,"
        + " according to media reports.")).isEqualTo("North Korea officially confirmed on Monday that it sent troops to"
        + " Russia");
    // nothing left but the attribution: the sentence is kept whole
    assertThat(ClaimAligner.content("According to KCNA, it did.")).isEqualTo("According to KCNA, it did.");
  }
}
