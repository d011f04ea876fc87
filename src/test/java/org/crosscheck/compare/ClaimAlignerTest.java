package org.crosscheck.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimAlignerTest {
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
