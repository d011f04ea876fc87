package org.crosscheck.cluster;

import java.util.Set;

/**
 * A set of years from 1950 to 2077 as a 128-bit mask: comparing the years of an article's lead
 * with a story's costs two ANDs.
 *
 * @param low years 1950-2013
 * @param high years 2014-2077
 */
record YearSet(long low, long high) {
  static final int FIRST = 1950;
  static final YearSet EMPTY = new YearSet(0, 0);

  /** @return the set of the years given as text; years out of range are left out */
  static YearSet of(Set<String> years) {
    long low = 0;
    long high = 0;
    for (String y : years) {
      int i = Integer.parseInt(y) - FIRST;
      if (i >= 0 && i < 64) {
        low |= 1L << i;
      } else if (i >= 64 && i < 128) {
        high |= 1L << (i - 64);
      }
    }
    return new YearSet(low, high);
  }

  boolean intersects(YearSet o) {
    return (low & o.low) != 0 || (high & o.high) != 0;
  }

  YearSet union(YearSet o) {
    return new YearSet(low | o.low, high | o.high);
  }
}
