-- The schema as Crosscheck kept it before versioned migrations (PRAGMA user_version 9): articles,
-- sketches and copy links, stories with their merges and splits, analyses, reports, outlets'
-- recurring lines, the outlet registry, followed sources and their items. Every statement is
-- idempotent, so a store of any earlier version that has no migration history is brought up to
-- this one by running it over what it has.

CREATE TABLE IF NOT EXISTS articles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  outlet TEXT, url TEXT, title TEXT,
  published TEXT NOT NULL,
  published_date TEXT,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  text_kind TEXT NOT NULL,
  source_kind TEXT NOT NULL,
  source_location TEXT NOT NULL,
  source_locator TEXT,
  importer TEXT NOT NULL,
  gold_story TEXT,
  notes TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  source_id TEXT);

CREATE INDEX IF NOT EXISTS articles_source_id ON articles(source_id);

CREATE INDEX IF NOT EXISTS articles_published ON articles(published_date);

CREATE TABLE IF NOT EXISTS sketches (
  id TEXT PRIMARY KEY, signature BLOB NOT NULL, text_hash INTEGER NOT NULL);

DROP INDEX IF EXISTS sketch_bands_key;

DROP TABLE IF EXISTS sketch_bands;

CREATE TABLE IF NOT EXISTS duplicates (
  copy TEXT PRIMARY KEY, original TEXT NOT NULL, similarity REAL NOT NULL, exact INTEGER NOT NULL);

CREATE INDEX IF NOT EXISTS duplicates_original ON duplicates(original);

CREATE TABLE IF NOT EXISTS story_articles (
  article_id TEXT PRIMARY KEY, story INTEGER NOT NULL, seq INTEGER NOT NULL);

CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story);

CREATE TABLE IF NOT EXISTS story_merges (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, from_story INTEGER NOT NULL, into_story INTEGER NOT NULL,
  bridge TEXT NOT NULL, merged_at TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS story_splits (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, from_story INTEGER NOT NULL, into_story INTEGER NOT NULL,
  moved TEXT NOT NULL, trigger_article TEXT NOT NULL, split_at TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS analyses (
  article_id TEXT PRIMARY KEY, version TEXT NOT NULL, json TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS reports (
  story INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL, json TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS outlet_lines (
  outlet TEXT NOT NULL, line INTEGER NOT NULL, articles INTEGER NOT NULL, PRIMARY KEY (outlet, line))
  WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS outlets (key TEXT PRIMARY KEY, name TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS outlet_aliases (
  alias TEXT PRIMARY KEY, spelling TEXT NOT NULL, outlet TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS followed_sources (
  id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, title TEXT,
  etag TEXT, last_modified TEXT, last_poll TEXT, last_new_item TEXT, items INTEGER NOT NULL,
  errors INTEGER NOT NULL, consecutive_failures INTEGER NOT NULL, last_error TEXT, next_poll TEXT NOT NULL,
  interval_ms INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS followed_items (
  source INTEGER NOT NULL, item TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (source, item))
  WITHOUT ROWID;
