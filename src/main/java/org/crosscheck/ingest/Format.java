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
  FEED
}
