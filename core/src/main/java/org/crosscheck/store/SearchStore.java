package org.crosscheck.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Full-text search over what readers look for: articles (title and text) and the entries drawn from
 * stories' reports (entities with their spellings, quotes with their wordings), highlighted, grouped
 * by story. The embedded store keeps the entries in a Lucene index in its data directory, which it
 * updates itself as articles are stored and put in stories, in whichever process writes it; the
 * in-memory store keeps them in a Lucene index in memory and the distributed engine's store in an
 * OpenSearch index, both filled by whoever stores articles ({@link #indexesItsWrites}). Entries
 * drawn from reports are indexed by whoever builds a report. Thread-safe.
 */
public interface SearchStore {
  /** The longest query read, in characters. */
  int MAX_QUERY_CHARS = 1000;
  /** The most words, phrases and operators in a query. */
  int MAX_QUERY_TERMS = 64;
  /** The most wildcard or fuzzy terms in a query, each of which may expand to many terms. */
  int MAX_QUERY_WILDCARDS = 16;
  /** The deepest nesting of parentheses. */
  int MAX_QUERY_DEPTH = 10;

  /**
   * A searchable entry.
   *
   * @param kind {@code article}, {@code entity} or {@code quote}
   * @param id the article id (for an entity or a quote: kind, story and name); an entry replaces the one of its id
   * @param title the article's title, the entity's name and type, or the quote's speaker
   * @param outlet the article's outlet, the outlets naming the entity, or the quote's outlet
   * @param story the story id, or empty
   * @param text what is searched with the title and shown in passages
   */
  record Entry(String kind, String id, String title, String outlet, String story, String text) {
    public Entry {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(outlet, "outlet");
      Objects.requireNonNull(story, "story");
      Objects.requireNonNull(text, "text");
    }

    /**
     * @param article the article
     * @param outlet the name its outlet is shown under
     * @param story its story id, or {@code null}
     * @return its entry: title and text, under the article's id
     */
    public static Entry ofArticle(org.crosscheck.model.Article article, String outlet,
        org.crosscheck.model.@org.jspecify.annotations.Nullable StoryId story) {
      return new Entry("article", article.id().value(), article.title() == null ? "" : article.title(), outlet,
          story == null ? "" : story.value(), article.text());
    }
  }

  /**
   * A search result.
   *
   * @param kind {@code article}, {@code entity} or {@code quote}
   * @param id the entry's id
   * @param title the entry's title
   * @param outlet the entry's outlet
   * @param story the story id, or empty
   * @param passages the best passages of the text, HTML-escaped, with the matches in {@code <mark>}
   */
  record Hit(String kind, String id, String title, String outlet, String story, String passages) {}

  /** Thrown when a query cannot be read; the message names the query and the problem. */
  final class BadQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadQueryException(String message) {
      super(message);
    }
  }

  /**
   * @return whether the store indexes its articles itself as they are stored and put in stories
   *     (and moved by merges and splits), so that an ingest need not call {@link #index}
   */
  default boolean indexesItsWrites() {
    return false;
  }

  /**
   * Adds entries, each replacing the entry of its id; searches see them when this returns.
   *
   * @param entries the entries
   */
  void index(List<Entry> entries);

  /**
   * Replaces the entries drawn from a story's report by these.
   *
   * @param story the story id
   * @param entries its report's entities and quotes
   */
  void indexReport(String story, List<Entry> entries);

  /**
   * @param query words, "phrases", AND/OR/NOT (Lucene's classic syntax); one that cannot be parsed is
   *     searched as plain words
   * @param limit most hits
   * @return the hits grouped by story, the story of the best hit first
   * @throws BadQueryException when the query is empty, too long or too complex
   */
  Map<String, List<Hit>> search(String query, int limit);

  /**
   * Refuses a query too large to search, before it reaches an index.
   *
   * @param query the query
   * @throws BadQueryException naming the query and the limit it passes
   */
  static void checkQuery(String query) {
    if (query.isBlank()) {
      throw new BadQueryException("the query is empty: give words to search for, e.g. ?q=Kursk");
    }
    if (query.length() > MAX_QUERY_CHARS) {
      throw new BadQueryException("the query is " + query.length() + " characters long, more than the "
          + MAX_QUERY_CHARS + " a query may have: search for fewer words");
    }
    String[] terms = query.strip().split("\\s+");
    if (terms.length > MAX_QUERY_TERMS) {
      throw new BadQueryException("the query has " + terms.length + " words, more than the " + MAX_QUERY_TERMS
          + " a query may have: search for fewer words");
    }
    long wildcards = java.util.Arrays.stream(terms).filter(t -> t.contains("*") || t.contains("?")
        || t.matches(".*~[0-9.]*\\)*$")).count();
    if (wildcards > MAX_QUERY_WILDCARDS) {
      throw new BadQueryException("the query has " + wildcards + " wildcard or fuzzy words ('" + shown(query)
          + "'), more than the " + MAX_QUERY_WILDCARDS + " a query may have");
    }
    int depth = 0;
    int deepest = 0;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      deepest = Math.max(deepest, depth);
    }
    if (deepest > MAX_QUERY_DEPTH) {
      throw new BadQueryException("the query nests parentheses " + deepest + " deep, more than the " + MAX_QUERY_DEPTH
          + " a query may: '" + shown(query) + "'");
    }
  }

  /** @return the query as shown in a message: at most 80 characters */
  static String shown(String query) {
    return query.length() <= 80 ? query : query.substring(0, 77) + "...";
  }

  /** @return the start of a text, HTML-escaped: the passage of a hit whose text the query did not match */
  static String opening(String text) {
    return org.jsoup.nodes.Entities.escape(text.length() <= 200 ? text : text.substring(0, 200) + " …");
  }
}
