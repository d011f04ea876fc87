package org.crosscheck.store;

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
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.crosscheck.store.SearchStore.BadQueryException;
import org.crosscheck.store.SearchStore.Entry;
import org.crosscheck.store.SearchStore.Hit;
import org.jspecify.annotations.Nullable;

/**
 * The search entries of the in-memory store (and of an embedded store opened for reading only): a
 * Lucene index in memory, searched through a near-real-time reader, so an entry is found as soon as
 * it is indexed. Also the document shape, query parsing and searching that {@link DiskSearch}
 * shares. Thread-safe.
 */
final class LuceneSearch implements SearchIndex {
  /** Held so that the setting sticks: Lucene's note that the incubating vector module is not enabled is not for users. */
  static final java.util.logging.Logger VECTOR_NOTE = quiet("org.apache.lucene.internal.vectorization");
  private final StandardAnalyzer analyzer = new StandardAnalyzer();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final IndexWriter writer;
  private final SearcherManager searchers;

  static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
    l.setLevel(java.util.logging.Level.SEVERE);
    return l;
  }

  LuceneSearch() {
    try {
      writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the search index", e);
    }
  }

  /**
   * @param source a store opened for reading only
   * @return an index in memory holding the entries of the store's articles
   */
  static LuceneSearch filled(SearchSource source) {
    LuceneSearch index = new LuceneSearch();
    SearchSource.Mark now = source.committed();
    long upTo = now == null ? Long.MAX_VALUE : now.articles();
    for (long after = 0; ; ) {
      List<SearchSource.Sequenced> page = source.articlesBetween(after, upTo, 1000);
      if (page.isEmpty()) {
        return index;
      }
      index.index(page.stream().map(SearchSource.Sequenced::entry).toList());
      after = page.get(page.size() - 1).sequence();
    }
  }

  @Override
  public void index(List<Entry> entries) {
    try {
      for (Entry e : entries) {
        writer.updateDocument(new Term("id", e.id()), document(e, null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index " + entries.size() + " search entries", e);
    }
  }

  @Override
  public void indexReport(String story, List<Entry> entries) {
    try {
      writer.deleteDocuments(new Term("reportOf", story));
      for (Entry e : entries) {
        writer.addDocument(document(e, story));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index the report of " + story, e);
    }
  }

  /** @return the entry as a document; {@code reportOf} names the story whose report it was drawn from */
  static Document document(Entry e, @Nullable String reportOf) {
    Document d = new Document();
    d.add(new StringField("id", e.id(), Field.Store.YES));
    d.add(new StringField("kind", e.kind(), Field.Store.YES));
    if (reportOf != null) {
      d.add(new StringField("reportOf", reportOf, Field.Store.NO));
    }
    d.add(new StringField("story", e.story(), Field.Store.YES));
    d.add(new StringField("outlet", e.outlet(), Field.Store.YES));
    d.add(new TextField("title", e.title(), Field.Store.YES));
    d.add(new TextField("text", e.text(), Field.Store.YES));
    return d;
  }

  @Override
  public Map<String, List<Hit>> search(String query, int limit) {
    return search(searchers, analyzer, query, limit);
  }

  /**
   * @param searchers the index's searchers, refreshed first
   * @param analyzer the analyzer it was written with
   * @param query the query
   * @param limit most hits
   * @return the hits grouped by story
   */
  static Map<String, List<Hit>> search(SearcherManager searchers, StandardAnalyzer analyzer, String query, int limit) {
    Query q = parse(query, analyzer);
    IndexSearcher searcher = null;
    try {
      searchers.maybeRefreshBlocking();
      searcher = searchers.acquire();
      TopDocs top = searcher.search(q, limit);
      UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
          .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true)).withMaxLength(1_000_000)
          .build();
      String[] passages = highlighter.highlight("text", q, top, 2);
      Map<String, List<Hit>> out = new LinkedHashMap<>();
      ScoreDoc[] docs = top.scoreDocs;
      for (int i = 0; i < docs.length; i++) {
        Document d = searcher.storedFields().document(docs[i].doc);
        String p = passages[i] != null ? passages[i] : SearchStore.opening(d.get("text"));
        out.computeIfAbsent(d.get("story"), s -> new ArrayList<>()).add(new Hit(d.get("kind"), d.get("id"),
            d.get("title"), d.get("outlet"), d.get("story"), p));
      }
      return out;
    } catch (IndexSearcher.TooManyClauses e) {
      throw new BadQueryException("the query '" + SearchStore.shown(query) + "' expands to too many terms to search ("
          + e.getMessage() + "): use fewer words or wildcards");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the index", e);
    } finally {
      if (searcher != null) {
        try {
          searchers.release(searcher);
        } catch (IOException ignored) {
          // the searcher is closed with the index
        }
      }
    }
  }

  /** @return the query, parsed; one Lucene cannot parse is searched as words */
  private static Query parse(String query, StandardAnalyzer analyzer) {
    SearchStore.checkQuery(query);
    try {
      return parser(analyzer).parse(query);
    } catch (ParseException | RuntimeException | StackOverflowError e) {
      if (e instanceof IndexSearcher.TooManyClauses) {
        throw new BadQueryException("the query '" + SearchStore.shown(query) + "' has too many terms to search: use"
            + " fewer words");
      }
      try {
        return parser(analyzer).parse(QueryParser.escape(query));
      } catch (ParseException | RuntimeException | StackOverflowError again) {
        throw new BadQueryException("cannot read the query '" + SearchStore.shown(query) + "': " + e.getMessage());
      }
    }
  }

  private static MultiFieldQueryParser parser(StandardAnalyzer analyzer) {
    return new MultiFieldQueryParser(new String[] {"title", "text"}, analyzer);
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the search index", e);
    }
  }
}
