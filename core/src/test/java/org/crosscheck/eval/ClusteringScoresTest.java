package org.crosscheck.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusteringScoresTest {
  @Test
  void perfectClusteringScoresOne() {
    Map<String, String> gold = Map.of("a", "x", "b", "x", "c", "y");
    ClusteringScores s = ClusteringScores.of(Map.of("a", 1, "b", 1, "c", 2), gold);
    assertThat(s.bcubedF1()).isEqualTo(1.0);
    assertThat(s.pairwiseF1()).isEqualTo(1.0);
    assertThat(s.predictedClusters()).isEqualTo(2);
  }

  @Test
  void matchesHandComputedValues() {
    // gold: {a,b,c} {d,e}; predicted: {a,b} {c,d,e}
    Map<String, String> gold = Map.of("a", "G1", "b", "G1", "c", "G1", "d", "G2", "e", "G2");
    Map<String, String> pred = Map.of("a", "P1", "b", "P1", "c", "P2", "d", "P2", "e", "P2");
    ClusteringScores s = ClusteringScores.of(pred, gold);
    assertThat(s.largestPredicted()).isEqualTo(3);
    assertThat(s.largestGold()).isEqualTo(3);
    assertThat(ClusteringScores.of(Map.of("a", 1, "b", 2), Map.of("a", "x", "b", "x")).largestPredicted()).isEqualTo(1);
    // precision per item: a 1, b 1, c 1/3, d 2/3, e 2/3 -> 11/15
    assertThat(s.bcubedPrecision()).isCloseTo(11.0 / 15, within(1e-12));
    // recall per item: a 2/3, b 2/3, c 1/3, d 1, e 1 -> 11/15
    assertThat(s.bcubedRecall()).isCloseTo(11.0 / 15, within(1e-12));
    // pairs together in pred: ab, cd, ce, de = 4; correct: ab, de = 2; gold pairs: ab ac bc de = 4
    assertThat(s.pairwisePrecision()).isEqualTo(0.5);
    assertThat(s.pairwiseRecall()).isEqualTo(0.5);
  }

  @Test
  void agreesWithBruteForceOnRandomClusterings() {
    Random r = new Random(7);
    for (int round = 0; round < 50; round++) {
      int n = 1 + r.nextInt(40);
      Map<Integer, Integer> gold = new HashMap<>();
      Map<Integer, Integer> pred = new HashMap<>();
      for (int i = 0; i < n; i++) {
        gold.put(i, r.nextInt(1 + r.nextInt(8)));
        pred.put(i, r.nextInt(1 + r.nextInt(8)));
      }
      double p = 0;
      double rec = 0;
      long together = 0;
      long belong = 0;
      long both = 0;
      for (int i = 0; i < n; i++) {
        int samePred = 0;
        int sameGold = 0;
        int sameBoth = 0;
        for (int j = 0; j < n; j++) {
          boolean sp = pred.get(i).equals(pred.get(j));
          boolean sg = gold.get(i).equals(gold.get(j));
          samePred += sp ? 1 : 0;
          sameGold += sg ? 1 : 0;
          sameBoth += sp && sg ? 1 : 0;
          if (j > i) {
            together += sp ? 1 : 0;
            belong += sg ? 1 : 0;
            both += sp && sg ? 1 : 0;
          }
        }
        p += (double) sameBoth / samePred;
        rec += (double) sameBoth / sameGold;
      }
      ClusteringScores s = ClusteringScores.of(pred, gold);
      assertThat(s.bcubedPrecision()).isCloseTo(p / n, within(1e-9));
      assertThat(s.bcubedRecall()).isCloseTo(rec / n, within(1e-9));
      assertThat(s.pairwisePrecision()).isCloseTo(together == 0 ? 1 : (double) both / together, within(1e-9));
      assertThat(s.pairwiseRecall()).isCloseTo(belong == 0 ? 1 : (double) both / belong, within(1e-9));
    }
  }

  @Test
  void refusesMismatchedItems() {
    assertThatThrownBy(() -> ClusteringScores.of(Map.of("a", 1), Map.of("b", 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different items");
  }
}
