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
   * @param story its story id, or {@code null}
   */
  public void put(Article article, @Nullable String story) {
    Document d = new Document();
    d.add(new StringField("id", article.id().value(), Field.Store.YES));
    d.add(new StringField("kind", "article", Field.Store.YES));
    d.add(new StringField("story", story == null ? "" : story, Field.Store.YES));
    d.add(new StringField("outlet", article.displayOutlet() == null ? "" : article.displayOutlet(), Field.Store.YES));
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
    if (query.isBlank()) {
      throw new BadQueryException("the query is empty: give words to search for, e.g. ?q=Kursk");
    }
    Query q;
    try {
      q = new MultiFieldQueryParser(new String[] {"title", "text"}, analyzer).parse(query);
    } catch (ParseException | RuntimeException e) {
      try {
        q = new MultiFieldQueryParser(new String[] {"title", "text"}, analyzer).parse(QueryParser.escape(query));
      } catch (ParseException | RuntimeException again) {
        throw new BadQueryException("cannot read the query '" + query + "': " + e.getMessage());
      }
    }
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
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the index", e);
    }
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
