package org.crosscheck.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How well a predicted clustering matches a gold one, by two standard measures.
 *
 * <p><b>BCubed</b> (Bagga and Baldwin 1998) scores each item: its precision is the share of the
 * items in its predicted cluster that share its gold cluster, its recall the share of its gold
 * cluster found in its predicted cluster; both are averaged over all items. <b>Pairwise</b>
 * scores pairs of items: precision is the share of pairs put together that belong together,
 * recall the share of pairs that belong together that were put together. F1 is the harmonic mean.
 *
 * @param bcubedPrecision BCubed precision, 0..1
 * @param bcubedRecall BCubed recall, 0..1
 * @param pairwisePrecision pairwise precision, 0..1 (1 when no pair was put together)
 * @param pairwiseRecall pairwise recall, 0..1 (1 when no pair belongs together)
 * @param predictedClusters number of predicted clusters
 * @param goldClusters number of gold clusters
 * @param items number of items scored
 * @param largestPredicted items in the largest predicted cluster
 * @param largestGold items in the largest gold cluster
 */
public record ClusteringScores(
    double bcubedPrecision,
    double bcubedRecall,
    double pairwisePrecision,
    double pairwiseRecall,
    int predictedClusters,
    int goldClusters,
    int items,
    int largestPredicted,
    int largestGold) {

  /** @return BCubed F1 */
  public double bcubedF1() {
    return f1(bcubedPrecision, bcubedRecall);
  }

  /** @return pairwise F1 */
  public double pairwiseF1() {
    return f1(pairwisePrecision, pairwiseRecall);
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /**
   * Scores a predicted clustering against a gold one over the same items.
   *
   * @param predicted item to predicted cluster
   * @param gold item to gold cluster; must have exactly the same items
   * @param <I> item type
   * @return the scores
   * @throws IllegalArgumentException when the two do not cover the same items, or are empty
   */
  public static <I> ClusteringScores of(Map<I, ?> predicted, Map<I, ?> gold) {
    Objects.requireNonNull(predicted, "predicted");
    Objects.requireNonNull(gold, "gold");
    if (!predicted.keySet().equals(gold.keySet())) {
      throw new IllegalArgumentException("predicted and gold clusterings cover different items ("
          + predicted.size() + " and " + gold.size() + ")");
    }
    if (gold.isEmpty()) {
      throw new IllegalArgumentException("nothing to score: no items");
    }
    Map<Object, Integer> predSize = new HashMap<>();
    Map<Object, Integer> goldSize = new HashMap<>();
    Map<Map.Entry<Object, Object>, Integer> cell = new HashMap<>();
    for (var e : gold.entrySet()) {
      Object p = predicted.get(e.getKey());
      Object g = e.getValue();
      predSize.merge(p, 1, Integer::sum);
      goldSize.merge(g, 1, Integer::sum);
      cell.merge(Map.entry(p, g), 1, Integer::sum);
    }
    double precisionSum = 0;
    double recallSum = 0;
    long truePairs = 0;
    for (var e : cell.entrySet()) {
      int n = e.getValue();
      precisionSum += (double) n * n / predSize.get(e.getKey().getKey());
      recallSum += (double) n * n / goldSize.get(e.getKey().getValue());
      truePairs += pairs(n);
    }
    long predPairs = predSize.values().stream().mapToLong(ClusteringScores::pairs).sum();
    long goldPairs = goldSize.values().stream().mapToLong(ClusteringScores::pairs).sum();
    int n = gold.size();
    return new ClusteringScores(precisionSum / n, recallSum / n,
        predPairs == 0 ? 1 : (double) truePairs / predPairs, goldPairs == 0 ? 1 : (double) truePairs / goldPairs,
        predSize.size(), goldSize.size(), n, max(predSize), max(goldSize));
  }

  private static int max(Map<Object, Integer> sizes) {
    return sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  private static long pairs(long n) {
    return n * (n - 1) / 2;
  }
}
