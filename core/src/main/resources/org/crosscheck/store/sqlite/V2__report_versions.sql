-- Every version of each story's report (the table reports keeps the latest, for the fingerprint check).
-- A store's existing reports become their stories' first versions.
CREATE TABLE IF NOT EXISTS report_versions (
  story INTEGER NOT NULL, version INTEGER NOT NULL, fingerprint TEXT NOT NULL, built_at TEXT NOT NULL,
  json TEXT NOT NULL, PRIMARY KEY (story, version)) WITHOUT ROWID;

INSERT OR IGNORE INTO report_versions (story, version, fingerprint, built_at, json)
  SELECT story, 1, fingerprint, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), json FROM reports;
