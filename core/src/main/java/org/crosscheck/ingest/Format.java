package org.crosscheck.ingest;

/** The formats Crosscheck imports, each read by one {@link ArticleImporter}. */
public enum Format {
  /** Plain text: one article a file, loose date and outlet lines. */
  TEXT,
  /** JSON Lines: one article object a line. */
  JSONL,
  /** An HTML page holding one article. */
  HTML,
  /** An RSS or Atom feed. */
  FEED,
  /** A web archive (WARC 1.0 or 1.1, plain or gzip-compressed record by record), e.g. Common Crawl CC-NEWS. */
  WARC
}
