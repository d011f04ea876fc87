-- Every version of each story's report (the table reports keeps the latest, for the fingerprint check).
-- A store's existing reports become their stories' first versions.
CREATE TABLE IF NOT EXISTS report_versions (
  story INTEGER NOT NULL, version INTEGER NOT NULL, fingerprint TEXT NOT NULL, built_at TEXT NOT NULL,
  json TEXT NOT NULL, PRIMARY KEY (story, version)) WITHOUT ROWID;

INSERT OR IGNORE INTO report_versions (story, version, fingerprint, built_at, json)
  SELECT story, 1, fingerprint, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), json FROM reports;

-- Watches (saved searches, followed stories and speakers), the alerts they raised (once per watch,
-- story and key), webhooks, and each alert's delivery to each webhook.
CREATE TABLE IF NOT EXISTS watches (
  id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, value TEXT NOT NULL, created_at TEXT NOT NULL,
  UNIQUE (kind, value));

CREATE TABLE IF NOT EXISTS alerts (
  id INTEGER PRIMARY KEY AUTOINCREMENT, watch INTEGER NOT NULL, story TEXT NOT NULL, kind TEXT NOT NULL,
  key TEXT NOT NULL, title TEXT NOT NULL, json TEXT NOT NULL, created_at TEXT NOT NULL,
  UNIQUE (watch, story, key));

CREATE TABLE IF NOT EXISTS webhooks (
  id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE, secret TEXT NOT NULL, created_at TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS deliveries (
  webhook INTEGER NOT NULL, alert INTEGER NOT NULL, attempts INTEGER NOT NULL, next_attempt INTEGER,
  delivered_at TEXT, last_error TEXT, PRIMARY KEY (webhook, alert)) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (next_attempt);
