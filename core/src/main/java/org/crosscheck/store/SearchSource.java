package org.crosscheck.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crosscheck.model.ArticleId;
import org.crosscheck.store.SearchStore.Entry;
import org.jspecify.annotations.Nullable;

/**
 * What a persistent search index is kept up to date from: the store's committed articles and story
 * membership, and counters that only grow with each change of them, by any process. Implemented by
 * the embedded store over SQLite. Thread-safe.
 */
interface SearchSource {
  /**
   * How far the store's changes go, or how far an index has indexed them: the highest article
   * sequence number, assignment row, merge and split. Every committed change has a higher number
   * than any committed before it, so an index that recorded a mark has indexed everything up to it.
   *
   * @param articles highest article sequence number
   * @param assignments highest row of the article-to-story table (an assignment inserts a row)
   * @param merges highest merge number
   * @param splits highest split number
   */
  record Mark(long articles, long assignments, long merges, long splits) {
    /** The mark of an empty store, and of an index that has indexed nothing. */
    static final Mark ZERO = new Mark(0, 0, 0, 0);
    private static final String PREFIX = "crosscheck.search.";

    /** @return whether everything up to {@code other} is within this mark */
    boolean covers(Mark other) {
      return articles >= other.articles && assignments >= other.assignments && merges >= other.merges
          && splits >= other.splits;
    }

    /** @return the higher of each counter */
    Mark max(Mark other) {
      return new Mark(Math.max(articles, other.articles), Math.max(assignments, other.assignments),
          Math.max(merges, other.merges), Math.max(splits, other.splits));
    }

    /** @return the mark as the user data of an index commit, with the index's version */
    Map<String, String> userData(String version) {
      Map<String, String> out = new HashMap<>();
      out.put(PREFIX + "version", version);
      out.put(PREFIX + "articles", Long.toString(articles));
      out.put(PREFIX + "assignments", Long.toString(assignments));
      out.put(PREFIX + "merges", Long.toString(merges));
      out.put(PREFIX + "splits", Long.toString(splits));
      return out;
    }

    /** @return the index version recorded in a commit's user data, or {@code null} when none is */
    static @Nullable String version(Map<String, String> userData) {
      return userData.get(PREFIX + "version");
    }

    /** @return the mark recorded in a commit's user data, {@link #ZERO} when there is none or it cannot be read */
    static Mark of(Map<String, String> userData) {
      try {
        return new Mark(Long.parseLong(userData.getOrDefault(PREFIX + "articles", "0")),
            Long.parseLong(userData.getOrDefault(PREFIX + "assignments", "0")),
            Long.parseLong(userData.getOrDefault(PREFIX + "merges", "0")),
            Long.parseLong(userData.getOrDefault(PREFIX + "splits", "0")));
      } catch (NumberFormatException e) {
        return ZERO;
      }
    }
  }

  /** @return how far the store's committed changes go, or {@code null} inside a transaction of this store, whose writes are not committed yet */
  @Nullable Mark committed();

  /** @return the number of stored articles */
  long count();

  /**
   * @param after the highest article sequence number already read
   * @param upTo the highest to read
   * @param limit the most entries to return
   * @return the entries of the articles stored after {@code after}, up to {@code upTo}, in their
   *     stories now, in storing order, at most {@code limit}, each with its sequence number
   */
  List<Sequenced> articlesBetween(long after, long upTo, int limit);

  /**
   * An article's entry and its sequence number.
   *
   * @param sequence the article's sequence number
   * @param entry its search entry
   */
  record Sequenced(long sequence, Entry entry) {}

  /**
   * @param from what the index has indexed
   * @param to how far the store's changes go
   * @return the articles stored at or before {@code from} whose story has changed since: assigned
   *     again, in a story merged into another, or moved by a split
   */
  List<ArticleId> movedBetween(Mark from, Mark to);

  /** @return the entries of these articles, in their stories now; an unknown id is left out */
  List<Entry> entries(List<ArticleId> ids);
}
