package org.crosscheck.dedup;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * The LSH band index of the sketches checked so far: from a band key to the numbers of the sketches
 * that have it. Kept in memory, about 11 bytes per band (220 bytes per article with 20 bands): a
 * table of band keys in the store cost a third of ingest at 100,000 articles, its randomly keyed
 * rows spreading every batch's writes over the whole index. Keys are folded to 32 bits; a rare
 * collision only makes an unrelated sketch a candidate, which its signature then rules out. Most
 * keys belong to one sketch, so one map holds the first sketch of each key and a second one the
 * few others. Not thread-safe.
 */
final class BandIndex {
  private final Int2IntOpenHashMap first = new Int2IntOpenHashMap();
  private final Int2ObjectOpenHashMap<IntArrayList> more = new Int2ObjectOpenHashMap<>();

  /**
   * @param bandKeys the sketch's band keys
   * @param number the sketch's number in the store
   * @throws IllegalArgumentException when the number does not fit in 31 bits
   */
  void add(long[] bandKeys, long number) {
    if (number <= 0 || number > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("sketch number out of range: " + number);
    }
    int n = (int) number;
    for (long key : bandKeys) {
      int k = fold(key);
      int had = first.putIfAbsent(k, n);
      if (had != first.defaultReturnValue() && had != n) {
        IntArrayList others = more.computeIfAbsent(k, x -> new IntArrayList(1));
        if (!others.contains(n)) {
          others.add(n);
        }
      }
    }
  }

  /** @return the numbers of the sketches sharing a band key with these, ascending and distinct */
  long[] find(long[] bandKeys) {
    IntArrayList out = new IntArrayList();
    for (long key : bandKeys) {
      int k = fold(key);
      int n = first.get(k);
      if (n != first.defaultReturnValue()) {
        out.add(n);
        IntArrayList others = more.get(k);
        if (others != null) {
          out.addAll(others);
        }
      }
    }
    int[] sorted = out.toIntArray();
    Arrays.sort(sorted);
    return Arrays.stream(sorted).distinct().asLongStream().toArray();
  }

  void clear() {
    first.clear();
    more.clear();
  }

  /** Folds a 64-bit band key to 32 bits: the high half of its product with the golden ratio. */
  private static int fold(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32);
  }
}
