package org.crosscheck.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.crosscheck.model.Article;
import org.jspecify.annotations.Nullable;

/**
 * Full-text search with Lucene over the stored articles (title and text) and over the entities
 * and quotes of the stories' reports, highlighted, results grouped by story. Kept in memory and
 * filled from the store when the server starts; articles ingested through the server are added as
 * they are stored, and a story's entities and quotes whenever its report is built or read. Thread-safe.
 */
public final class SearchIndex implements AutoCloseable {
  /** Held so that the setting sticks: Lucene's note that the incubating vector module is not enabled is not for users. */
  private static final java.util.logging.Logger VECTOR_NOTE = quiet("org.apache.lucene.internal.vectorization");
  private final StandardAnalyzer analyzer = new StandardAnalyzer();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final IndexWriter writer;

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
    l.setLevel(java.util.logging.Level.SEVERE);
    return l;
  }

  /** Creates an empty index. */
  public SearchIndex() {
    try {
      writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the search index", e);
    }
  }

  /**
   * Adds or replaces an article.
   *
   * @param article the article
   * @param outlet the name its outlet is shown under
   * @param story its story id, or {@code null}
   */
  public void put(Article article, String outlet, @Nullable String story) {
    Document d = new Document();
    d.add(new StringField("id", article.id().value(), Field.Store.YES));
    d.add(new StringField("kind", "article", Field.Store.YES));
    d.add(new StringField("story", story == null ? "" : story, Field.Store.YES));
    d.add(new StringField("outlet", outlet, Field.Store.YES));
    d.add(new TextField("title", article.title() == null ? "" : article.title(), Field.Store.YES));
    d.add(new TextField("text", article.text(), Field.Store.YES));
    try {
      writer.updateDocument(new Term("id", article.id().value()), d);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index " + article.id(), e);
    }
  }

  /**
   * Indexes a story's entities (name and spellings) and quotes (with their variants and speaker),
   * replacing what its earlier report gave.
   *
   * @param story the story id
   * @param report its report
   */
  public void putReport(String story, org.crosscheck.report.StoryReport report) {
    List<Document> docs = new ArrayList<>();
    for (var e : report.entities()) {
      docs.add(derived(story, "entity", e.name() + " (" + e.type().toLowerCase(java.util.Locale.ROOT) + ")",
          String.join(" / ", e.variants()), e.outlets().isEmpty() ? "" : String.join(", ", e.outlets())));
    }
    for (var speaker : report.quotes()) {
      for (var q : speaker.quotes()) {
        StringBuilder text = new StringBuilder(q.text());
        q.variants().forEach(v -> text.append(" / ").append(v.text()));
        docs.add(derived(story, "quote", speaker.speaker() == null ? "unattributed" : speaker.speaker(),
            text.toString(), q.outlet() == null ? "" : q.outlet()));
      }
    }
    try {
      writer.deleteDocuments(new Term("reportOf", story));
      writer.addDocuments(docs);
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index the report of " + story, e);
    }
  }

  private static Document derived(String story, String kind, String title, String text, String outlet) {
    Document d = new Document();
    d.add(new StringField("id", kind + ":" + story + ":" + title, Field.Store.YES));
    d.add(new StringField("kind", kind, Field.Store.YES));
    d.add(new StringField("reportOf", story, Field.Store.NO));
    d.add(new StringField("story", story, Field.Store.YES));
    d.add(new StringField("outlet", outlet, Field.Store.YES));
    d.add(new TextField("title", title, Field.Store.YES));
    d.add(new TextField("text", text, Field.Store.YES));
    return d;
  }

  /** Makes what was put visible to searches. */
  public void commit() {
    try {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the search index", e);
    }
  }

  /**
   * @param kind {@code article}, {@code entity} or {@code quote}
   * @param id the article id (for an entity or a quote: kind, story and name)
   * @param title the article's title, the entity's name and type, or the quote's speaker
   * @param outlet the article's outlet, the outlets naming the entity, or the quote's outlet
   * @param story the story id, or empty
   * @param passages the best passages of the text (the entity's spellings, the quote's wordings), HTML-escaped, with
   *     the matches in {@code <mark>}
   */
  public record Hit(String kind, String id, String title, String outlet, String story, String passages) {}

  /** Thrown when a query cannot be read; the message names the query and the problem. */
  public static final class BadQueryException extends RuntimeException {
    BadQueryException(String message) {
      super(message);
    }
  }

  /**
   * @param query words, "phrases", AND/OR/NOT (Lucene's classic syntax)
   * @param limit most hits
   * @return the hits grouped by story, the story of the best hit first
   */
  public Map<String, List<Hit>> search(String query, int limit) {
    Query q = parse(query);
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs top = searcher.search(q, limit);
      UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
          .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true)).withMaxLength(1_000_000)
          .build();
      String[] passages = highlighter.highlight("text", q, top, 2);
      Map<String, List<Hit>> out = new LinkedHashMap<>();
      ScoreDoc[] docs = top.scoreDocs;
      for (int i = 0; i < docs.length; i++) {
        Document d = searcher.storedFields().document(docs[i].doc);
        String p = passages[i] != null ? passages[i] : escape(first(d.get("text")));
        out.computeIfAbsent(d.get("story"), s -> new ArrayList<>()).add(new Hit(d.get("kind"), d.get("id"),
            d.get("title"), d.get("outlet"), d.get("story"), p));
      }
      return out;
    } catch (IndexSearcher.TooManyClauses e) {
      throw new BadQueryException("the query '" + shown(query) + "' expands to too many terms to search ("
          + e.getMessage() + "): use fewer words or wildcards");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the index", e);
    }
  }

  /** The longest query read, in characters. */
  static final int MAX_QUERY_CHARS = 1000;
  /** The most words, phrases and operators in a query. */
  static final int MAX_QUERY_TERMS = 64;
  /** The most wildcard or fuzzy terms in a query, each of which may expand to many terms. */
  static final int MAX_QUERY_WILDCARDS = 16;
  /** The deepest nesting of parentheses. */
  static final int MAX_QUERY_DEPTH = 10;

  /** @return the query, parsed; one Lucene cannot parse is searched as words */
  private Query parse(String query) {
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
    try {
      return parser().parse(query);
    } catch (ParseException | RuntimeException | StackOverflowError e) {
      if (e instanceof IndexSearcher.TooManyClauses) {
        throw new BadQueryException("the query '" + shown(query) + "' has too many terms to search: use fewer words");
      }
      try {
        return parser().parse(QueryParser.escape(query));
      } catch (ParseException | RuntimeException | StackOverflowError again) {
        throw new BadQueryException("cannot read the query '" + shown(query) + "': " + e.getMessage());
      }
    }
  }

  private MultiFieldQueryParser parser() {
    return new MultiFieldQueryParser(new String[] {"title", "text"}, analyzer);
  }

  /** @return the query as shown in a message: at most 80 characters */
  private static String shown(String query) {
    return query.length() <= 80 ? query : query.substring(0, 77) + "...";
  }

  private static String first(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + " …";
  }

  static String escape(String s) {
    return org.jsoup.nodes.Entities.escape(s);
  }

  @Override
  public void close() {
    try {
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the search index", e);
    }
  }
}
