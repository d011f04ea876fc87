package org.crosscheck.cluster;

/**
 * An article's terms of one field as parallel arrays.
 *
 * @param ids term ids from {@link DocumentFrequencies}, each once
 * @param weights each term's weight {@code 1 + ln tf}
 */
record TermVector(int[] ids, double[] weights) {
  int size() {
    return ids.length;
  }
}
