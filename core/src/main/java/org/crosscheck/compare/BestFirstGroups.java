package org.crosscheck.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Groups items by linking scored pairs best first: each pair joins the groups of its two items
 * unless they are one group already or the caller vetoes the join (one sentence per article per
 * fact; groups that do not hold together as a whole). Used to align claims into facts and values
 * into slots.
 */
final class BestFirstGroups {
  private BestFirstGroups() {}

  /**
   * Two items and their score.
   *
   * @param score how well they belong together
   * @param i one item
   * @param j the other
   */
  record Pair(double score, int i, int j) {}

  /**
   * @param n how many items
   * @param pairs the scored pairs, in any order
   * @param mayJoin whether two groups (item indexes) may become one
   * @return the groups, as item indexes; a group that joined another is left empty
   */
  static List<List<Integer>> of(int n, List<Pair> pairs, BiPredicate<List<Integer>, List<Integer>> mayJoin) {
    List<Pair> sorted = new ArrayList<>(pairs);
    sorted.sort(Comparator.comparingDouble(Pair::score).reversed());
    int[] group = new int[n];
    List<List<Integer>> groups = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      group[i] = i;
      groups.add(new ArrayList<>(List.of(i)));
    }
    for (Pair p : sorted) {
      if (group[p.i()] == group[p.j()]) {
        continue;
      }
      List<Integer> a = groups.get(group[p.i()]);
      List<Integer> b = groups.get(group[p.j()]);
      if (!mayJoin.test(a, b)) {
        continue;
      }
      int keep = group[p.i()];
      int gone = group[p.j()];
      for (int y : b) {
        group[y] = keep;
      }
      a.addAll(b);
      groups.set(gone, List.of());
    }
    return groups;
  }
}
