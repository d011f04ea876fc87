package org.crosscheck.cluster;

/**
 * An article's terms of one field as parallel arrays.
 *
 * @param ids term ids from {@link Vocabulary}, each once, ascending
 * @param weights each term's weight {@code 1 + ln tf}
 * @param shares each term's share of background articles holding it (0 for names and numbers)
 */
record TermVector(int[] ids, double[] weights, double[] shares) {
  int size() {
    return ids.length;
  }
}
