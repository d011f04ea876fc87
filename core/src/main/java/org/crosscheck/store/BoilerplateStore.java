package org.crosscheck.store;

import java.util.List;
import java.util.Map;

/**
 * Counts, per outlet, in how many of its articles each line occurs (lines by a 64-bit hash), so
 * that lines an outlet puts on many pages can be told from the text of each article. Writes made
 * inside {@link SketchStore#inTransaction} of the same store are part of that transaction.
 * Thread-safe.
 */
public interface BoilerplateStore {
  /**
   * Counts one more article of the outlet for each line.
   *
   * @param outlet the article's outlet, as articles name it
   * @param lines the hashes of the article's distinct lines
   * @param atLeast a count of interest
   * @return the lines among them that have now occurred in at least {@code atLeast} of the outlet's articles
   */
  List<Long> countLines(String outlet, long[] lines, int atLeast);

  /**
   * @param atLeast a count
   * @return per outlet, the lines that have occurred in at least {@code atLeast} of its articles
   */
  Map<String, List<Long>> linesSeenAtLeast(int atLeast);

  /**
   * @param outlet an outlet, as articles name it
   * @param atLeast a count
   * @return the outlet's lines that have occurred in at least {@code atLeast} of its articles
   */
  List<Long> linesOf(String outlet, int atLeast);
}
