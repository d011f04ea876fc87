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
 * The search entries of the embedded and in-memory stores: a Lucene index in memory, searched
 * through a near-real-time reader, so an entry is found as soon as it is indexed. Thread-safe.
 */
final class LuceneSearch implements AutoCloseable {
  /** Held so that the setting sticks: Lucene's note that the incubating vector module is not enabled is not for users. */
  private static final java.util.logging.Logger VECTOR_NOTE = quiet("org.apache.lucene.internal.vectorization");
  private final StandardAnalyzer analyzer = new StandardAnalyzer();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private static java.util.logging.Logger quiet(String name) {
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

  void index(List<Entry> entries) {
    try {
      for (Entry e : entries) {
        writer.updateDocument(new Term("id", e.id()), document(e, null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index " + entries.size() + " search entries", e);
    }
  }

  void indexReport(String story, List<Entry> entries) {
    try {
      writer.deleteDocuments(new Term("reportOf", story));
      for (Entry e : entries) {
        writer.addDocument(document(e, story));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index the report of " + story, e);
    }
  }

  private static Document document(Entry e, @Nullable String reportOf) {
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

  Map<String, List<Hit>> search(String query, int limit) {
    Query q = parse(query);
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
  private Query parse(String query) {
    SearchStore.checkQuery(query);
    try {
      return parser().parse(query);
    } catch (ParseException | RuntimeException | StackOverflowError e) {
      if (e instanceof IndexSearcher.TooManyClauses) {
        throw new BadQueryException("the query '" + SearchStore.shown(query) + "' has too many terms to search: use"
            + " fewer words");
      }
      try {
        return parser().parse(QueryParser.escape(query));
      } catch (ParseException | RuntimeException | StackOverflowError again) {
        throw new BadQueryException("cannot read the query '" + SearchStore.shown(query) + "': " + e.getMessage());
      }
    }
  }

  private MultiFieldQueryParser parser() {
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

  /** A store's search index, made on first use (most commands never search) and closed with the store. */
  static final class Lazy implements AutoCloseable {
    private @Nullable LuceneSearch index;

    /** @return the index, made now when it was not yet */
    synchronized LuceneSearch get() {
      if (index == null) {
        index = new LuceneSearch();
      }
      return index;
    }

    @Override
    public synchronized void close() {
      if (index != null) {
        index.close();
        index = null;
      }
    }
  }
}
