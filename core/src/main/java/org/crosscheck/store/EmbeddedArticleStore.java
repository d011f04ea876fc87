package org.crosscheck.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.FollowedSource;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.StoryId;
import org.crosscheck.model.TextKind;
import org.crosscheck.outlet.Outlet;
import org.crosscheck.outlet.Outlets;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The embedded default {@link ArticleStore}: one SQLite database ({@code crosscheck.db}) in a
 * data directory, in write-ahead-log mode with full sync, so a committed batch survives a crash
 * of the process or of the machine, and a crash mid-batch leaves the batch out entirely.
 * Several processes may use one directory; writers wait for each other. Thread-safe: one
 * connection, methods synchronize on the store.
 */
public final class EmbeddedArticleStore
    implements Store, LuceneSearching, SearchSource {
  /** File name of the database inside the data directory. */
  public static final String DB_FILE = "crosscheck.db";
  // PRAGMA user_version before the schema was kept by SchemaMigrations: 6, articles of text kind NOT_ARTICLE
  // and outlets' recurring lines; 7, no table of sketch band keys; 8, the outlet registry, filled from the stored
  // articles when an older store is opened for writing; 9, followed sources and their items.
  /** How long a writer waits for another process's write transaction before giving up. */
  public static final java.time.Duration BUSY_TIMEOUT = java.time.Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, content_hash, outlet, url, title, published, published_date, language, text, text_kind,"
          + " source_kind, source_location, source_locator, importer, gold_story, notes, ingested_at, source_id";

  private final Path dir;
  private final Connection conn;
  /** Statements of the per-article paths, prepared once; closed with the connection. */
  private final java.util.Map<String, PreparedStatement> statements = new java.util.HashMap<>();
  private final boolean readOnly;

  private EmbeddedArticleStore(Path dir, Connection conn, boolean readOnly) {
    this.dir = dir;
    this.conn = conn;
    this.readOnly = readOnly;
  }

  /**
   * Opens the store in {@code dir} for reading and writing, creating the directory and the
   * database when missing.
   *
   * @param dir the data directory
   * @return the open store
   * @throws StoreException naming the directory when it cannot be created or written, or holds
   *     something that is not a Crosscheck store
   */
  public static EmbeddedArticleStore open(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (FileSystemException e) {
      throw new StoreException("cannot create the data directory " + dir + ": " + reason(e), e);
    } catch (IOException e) {
      throw new StoreException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
    }
    if (!Files.isDirectory(dir)) {
      throw new StoreException("the data directory " + dir + " is not a directory");
    }
    if (!Files.isWritable(dir)) {
      throw new StoreException("the data directory " + dir
          + " is read-only; choose a writable one with --data DIR or CROSSCHECK_DATA");
    }
    Path db = dir.resolve(DB_FILE);
    String url = "jdbc:sqlite:" + db;
    Connection conn = connect(url, dir);
    try (Statement st = conn.createStatement()) {
      st.execute("PRAGMA journal_mode = WAL");
      st.execute("PRAGMA synchronous = FULL");
      // 64 MiB of page cache instead of 2: the duplicate index's look-ups stay in memory as the store grows
      st.execute("PRAGMA cache_size = -65536");
      int before = userVersion(conn);
      checkVersion(before, dir);
      SchemaMigrations.migrate(url, config(), dir);
      if (before != SchemaMigrations.MIGRATED_USER_VERSION) {
        st.execute("PRAGMA user_version = " + SchemaMigrations.MIGRATED_USER_VERSION);
      }
      EmbeddedArticleStore store = new EmbeddedArticleStore(dir, conn, false);
      if (before > 0 && before < 8) {
        store.registerStoredOutlets();
      }
      store.indexWrites(); // the search index: made with the store, rebuilt or caught up when it must be
      return store;
    } catch (SQLException e) {
      closeQuietly(conn);
      throw failure("cannot open the store in " + dir, e);
    }
  }

  /**
   * Opens an existing store for reading only; works on a read-only directory.
   *
   * @param dir the data directory
   * @return the open store, or empty when {@code dir} holds no store yet
   * @throws StoreException when the directory holds something that is not a Crosscheck store
   */
  public static Optional<EmbeddedArticleStore> openForReading(Path dir) {
    Path db = dir.resolve(DB_FILE);
    if (!Files.isRegularFile(db)) {
      return Optional.empty();
    }
    boolean writable = Files.isWritable(dir);
    String url = "jdbc:sqlite:file:" + db.toAbsolutePath() + (writable ? "?mode=ro" : "?immutable=1");
    Connection conn = connect(url, dir);
    try (Statement st = conn.createStatement()) {
      int version = userVersion(conn);
      checkVersion(version, dir);
      if (version == 0) {
        closeQuietly(conn);
        return Optional.empty();
      }
      if (version == SchemaMigrations.MIGRATED_USER_VERSION) {
        SchemaMigrations.checkReadable(url, config(), dir);
      }
      return Optional.of(new EmbeddedArticleStore(dir, conn, true));
    } catch (SQLException e) {
      closeQuietly(conn);
      throw failure("cannot read the store in " + dir, e);
    }
  }

  /**
   * Opens a connection whose transactions begin with {@code BEGIN IMMEDIATE}: a writer takes the
   * write lock when its transaction starts, so two writers wait for each other (up to the busy
   * timeout) instead of one failing at once with {@code SQLITE_BUSY} when it turns from reader to
   * writer after the other has committed.
   */
  private static Connection connect(String url, Path dir) {
    try {
      return DriverManager.getConnection(url, config().toProperties());
    } catch (SQLException e) {
      throw failure("cannot open the store in " + dir, e);
    }
  }

  /** @return the connection settings of the store and of its migrations */
  private static org.sqlite.SQLiteConfig config() {
    org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
    config.setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
    config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
    return config;
  }

  private static int userVersion(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static void checkVersion(int version, Path dir) {
    if (version > SchemaMigrations.MIGRATED_USER_VERSION) {
      throw new StoreException("the store in " + dir + " has schema version " + version
          + ", written by a newer Crosscheck; this version reads up to " + SchemaMigrations.latestVersion());
    }
  }

  @Override
  public String location() {
    return dir.toString();
  }

  /** @return the data directory */
  public Path directory() {
    return dir;
  }

  @Override
  public List<PutResult> putAll(List<Article> batch) {
    List<PutResult> results = store(batch);
    indexWrites();
    return results;
  }

  private synchronized List<PutResult> store(List<Article> batch) {
    writable();
    List<PutResult> results = new ArrayList<>(batch.size());
    if (batch.isEmpty()) {
      return results;
    }
    String now = Instant.now().toString();
    try {
      begin();
      try (PreparedStatement byHash = conn.prepareStatement("SELECT id FROM articles WHERE content_hash = ?");
          PreparedStatement byId = conn.prepareStatement("SELECT 1 FROM articles WHERE id = ?");
          PreparedStatement insert = conn.prepareStatement(
              "INSERT INTO articles (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        for (Article a : batch) {
          String hash = a.contentHash();
          byHash.setString(1, hash);
          try (ResultSet rs = byHash.executeQuery()) {
            if (rs.next()) {
              results.add(new PutResult.AlreadyStored(new ArticleId(rs.getString(1))));
              continue;
            }
          }
          byId.setString(1, a.id().value());
          try (ResultSet rs = byId.executeQuery()) {
            if (rs.next()) {
              results.add(new PutResult.IdTaken(a.id()));
              continue;
            }
          }
          bind(insert, a, hash, now);
          insert.executeUpdate();
          results.add(new PutResult.Added(a.id()));
        }
      }
      commit();
      return results;
    } catch (SQLException e) {
      rollback();
      throw failure("cannot write to the store in " + dir + "; nothing of the last " + batch.size()
          + " articles was stored", e);
    } catch (RuntimeException e) {
      rollback();
      throw e;
    }
  }

  private static void bind(PreparedStatement ps, Article a, String hash, String now) throws SQLException {
    int i = 1;
    ps.setString(i++, a.id().value());
    ps.setString(i++, hash);
    ps.setString(i++, a.outlet());
    ps.setString(i++, a.url());
    ps.setString(i++, a.title());
    ps.setString(i++, a.published().iso());
    ps.setString(i++, a.published().localDate().map(Object::toString).orElse(null));
    ps.setString(i++, a.language());
    ps.setString(i++, a.text());
    ps.setString(i++, a.textKind().name());
    ps.setString(i++, a.provenance().kind().name());
    ps.setString(i++, a.provenance().location());
    ps.setString(i++, a.provenance().locator());
    ps.setString(i++, a.provenance().importer());
    ps.setString(i++, a.goldStory());
    try {
      ps.setString(i++, JSON.writeValueAsString(a.notes()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write notes as JSON", e);
    }
    ps.setString(i++, now);
    ps.setString(i, a.sourceId());
  }

  @Override
  public synchronized Optional<Article> get(ArticleId id) {
    try {
      PreparedStatement ps = statement("SELECT " + COLUMNS + " FROM articles WHERE id = ?");
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("cannot read article " + id + " from the store in " + dir, e);
    }
  }

  @Override
  public synchronized List<Article> findBySourceId(String sourceId) {
    return query("WHERE source_id = ? ORDER BY seq", "look up source id " + sourceId + " in", sourceId);
  }

  @Override
  public synchronized List<Article> list(int offset, int limit) {
    return query("ORDER BY seq LIMIT ? OFFSET ?", "list the articles in", limit, offset);
  }

  /** Runs {@code SELECT COLUMNS FROM articles <tail>} with the given parameters. */
  private List<Article> query(String tail, String what, Object... params) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM articles " + tail)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<Article> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot " + what + " the store in " + dir, e);
    }
  }

  @Override
  public synchronized long count() {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM articles")) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw failure("cannot count the articles in the store in " + dir, e);
    }
  }

  /**
   * Runs SQLite's full integrity check.
   *
   * @return {@code ok}, or the problems found
   */
  @Override
  public synchronized String checkIntegrity() {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
      List<String> lines = new ArrayList<>();
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
      return String.join("\n", lines);
    } catch (SQLException e) {
      throw failure("cannot check the store in " + dir, e);
    }
  }

  private static Article read(ResultSet rs) throws SQLException {
    List<String> notes;
    try {
      notes = JSON.readValue(rs.getString("notes"), new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new SQLException("stored notes are not a JSON array of strings", e);
    }
    Provenance provenance = new Provenance(Provenance.Kind.valueOf(rs.getString("source_kind")),
        rs.getString("source_location"), rs.getString("source_locator"), rs.getString("importer"));
    return new Article(new ArticleId(rs.getString("id")), rs.getString("outlet"), rs.getString("url"),
        rs.getString("title"), Published.parse(rs.getString("published")), rs.getString("language"),
        rs.getString("text"), TextKind.valueOf(rs.getString("text_kind")), provenance, rs.getString("gold_story"),
        notes, rs.getString("source_id"));
  }

  @Override
  public void inTransaction(Runnable work) {
    transact(work);
    indexWrites();
  }

  private synchronized void transact(Runnable work) {
    write("write to the store", () -> {
      work.run();
      return null;
    });
  }

  /** Open transactions of this connection: nested ones join the outermost, which alone commits. */
  private int transactionDepth;

  private void begin() throws SQLException {
    if (transactionDepth++ == 0) {
      conn.setAutoCommit(false);
    }
  }

  private void commit() throws SQLException {
    if (transactionDepth == 1) {
      conn.commit();
      conn.setAutoCommit(true);
    }
    transactionDepth--;
  }

  /** Ends this level of transaction; the outermost level rolls everything back (a failure inside undoes it all). */
  private void rollback() {
    if (--transactionDepth == 0) {
      rollbackQuietly();
      try {
        conn.setAutoCommit(true);
      } catch (SQLException ignored) {
        // the connection is broken; the next call reports it
      }
    }
  }

  @Override
  public synchronized long putSketch(Sketch sketch) {
    writable();
    try {
      PreparedStatement put = statement(
          "INSERT OR IGNORE INTO sketches (id, signature, text_hash) VALUES (?, ?, ?) RETURNING rowid");
      put.setString(1, sketch.id().value());
      put.setBytes(2, toBytes(sketch.signature()));
      put.setLong(3, sketch.textHash());
      try (ResultSet rs = put.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
      // an article's text never changes, so neither does its sketch: the first one stays
      PreparedStatement existing = statement("SELECT rowid FROM sketches WHERE id = ?");
      existing.setString(1, sketch.id().value());
      try (ResultSet rs = existing.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw failure("cannot store the sketch of " + sketch.id() + " in " + dir, e);
    }
  }

  @Override
  public synchronized void sketchesAfter(long after, java.util.function.Consumer<Numbered> sink) {
    try {
      PreparedStatement ps = statement(
          "SELECT rowid, id, signature, text_hash FROM sketches WHERE rowid > ? ORDER BY rowid");
      ps.setLong(1, after);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(numbered(rs));
        }
      }
    } catch (SQLException e) {
      throw failure("cannot read the sketches of " + dir, e);
    }
  }

  /** @return the sketch on the row, read as {@code SELECT rowid, id, signature, text_hash} */
  private static Numbered numbered(ResultSet rs) throws SQLException {
    return new Numbered(rs.getLong(1),
        new Sketch(new ArticleId(rs.getString(2)), fromBytes(rs.getBytes(3)), rs.getLong(4)));
  }

  @Override
  public synchronized List<Numbered> sketches(long[] numbers) {
    if (numbers.length == 0) {
      return List.of();
    }
    String marks = String.join(",", java.util.Collections.nCopies(numbers.length, "?"));
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT rowid, id, signature, text_hash FROM sketches WHERE rowid IN (" + marks + ") ORDER BY rowid")) {
      for (int i = 0; i < numbers.length; i++) {
        ps.setLong(i + 1, numbers[i]);
      }
      List<Numbered> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(numbered(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot look up sketches in " + dir, e);
    }
  }

  @Override
  public synchronized void putDuplicate(DuplicateLink link) {
    writable();
    try {
      PreparedStatement ps = statement(
          "INSERT OR REPLACE INTO duplicates (copy, original, similarity, exact) VALUES (?, ?, ?, ?)");
      ps.setString(1, link.copy().value());
      ps.setString(2, link.original().value());
      ps.setDouble(3, link.similarity());
      ps.setInt(4, link.exact() ? 1 : 0);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("cannot store the duplicate link of " + link.copy() + " in " + dir, e);
    }
  }

  @Override
  public synchronized Optional<DuplicateLink> duplicateOf(ArticleId copy) {
    List<DuplicateLink> found = links("copy", copy);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public synchronized List<DuplicateLink> copiesOf(ArticleId original) {
    return links("original", original);
  }

  private List<DuplicateLink> links(String column, ArticleId id) {
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT copy, original, similarity, exact FROM duplicates WHERE " + column + " = ? ORDER BY rowid")) {
      ps.setString(1, id.value());
      List<DuplicateLink> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new DuplicateLink(new ArticleId(rs.getString(1)), new ArticleId(rs.getString(2)), rs.getDouble(3),
              rs.getInt(4) == 1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read duplicate links of " + id + " in " + dir, e);
    }
  }

  @Override
  public synchronized StoryId newStoryId() {
    writable();
    try {
      PreparedStatement up = statement("INSERT INTO counters (name, value) VALUES ('story', 1)"
          + " ON CONFLICT(name) DO UPDATE SET value = value + 1");
      PreparedStatement get = statement("SELECT value FROM counters WHERE name = 'story'");
      up.executeUpdate();
      try (ResultSet rs = get.executeQuery()) {
        rs.next();
        return StoryId.of(rs.getLong(1));
      }
    } catch (SQLException e) {
      throw failure("cannot allocate a story id in " + dir, e);
    }
  }

  @Override
  public synchronized void assign(ArticleId article, StoryId story) {
    writable();
    try {
      PreparedStatement ps = statement("INSERT OR REPLACE INTO story_articles (article_id, story, seq) VALUES (?, ?, 0)");
      ps.setString(1, article.value());
      ps.setLong(2, story.number());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("cannot put article " + article + " in story " + story + " in " + dir, e);
    }
  }

  @Override
  public synchronized Optional<StoryId> storyOf(ArticleId article) {
    try {
      PreparedStatement ps = statement("SELECT story FROM story_articles WHERE article_id = ?");
      ps.setString(1, article.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(StoryId.of(rs.getLong(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("cannot read the story of " + article + " in " + dir, e);
    }
  }

  @Override
  public synchronized List<ArticleId> articlesOf(StoryId story) {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT article_id FROM story_articles WHERE story = ? ORDER BY rowid")) {
      ps.setLong(1, story.number());
      List<ArticleId> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ArticleId(rs.getString(1)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read the articles of story " + story + " in " + dir, e);
    }
  }

  @Override
  public synchronized List<Long> countLines(String outlet, long[] lines, int atLeast) {
    writable();
    try {
      // one statement per line that also returns the new count: no second query, and no bound on how many lines
      PreparedStatement ps = statement("INSERT INTO outlet_lines (outlet, line, articles) VALUES (?, ?, 1)"
          + " ON CONFLICT(outlet, line) DO UPDATE SET articles = articles + 1 RETURNING articles");
      List<Long> out = new ArrayList<>();
      for (long line : lines) {
        ps.setString(1, outlet);
        ps.setLong(2, line);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getInt(1) >= atLeast) {
            out.add(line);
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot count the lines of " + outlet + " in " + dir, e);
    }
  }

  @Override
  public synchronized java.util.Map<String, List<Long>> linesSeenAtLeast(int atLeast) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT outlet, line FROM outlet_lines WHERE articles >= ?")) {
      ps.setInt(1, atLeast);
      java.util.Map<String, List<Long>> out = new java.util.HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), o -> new ArrayList<>()).add(rs.getLong(2));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read the outlets' recurring lines in " + dir, e);
    }
  }

  @Override
  public synchronized List<Long> linesOf(String outlet, int atLeast) {
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT line FROM outlet_lines WHERE outlet = ? AND articles >= ?")) {
      ps.setString(1, outlet);
      ps.setInt(2, atLeast);
      List<Long> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read the recurring lines of " + outlet + " in " + dir, e);
    }
  }

  @Override
  public synchronized long storiesVersion() {
    // every assignment of a new article inserts a row in story_articles with a higher rowid than any
    // before, and every merge and split a row of its own, so the sum of the highest row numbers grows
    // with each change of membership that ingest makes
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT"
        + " (SELECT COALESCE(MAX(rowid), 0) FROM story_articles) + (SELECT COALESCE(MAX(seq), 0) FROM story_merges)"
        + " + (SELECT COALESCE(MAX(seq), 0) FROM story_splits)")) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw failure("cannot read the stories' version in " + dir, e);
    }
  }

  @Override
  public synchronized List<ArticleId> unassigned() {
    return ids("SELECT id FROM articles WHERE text_kind <> 'NOT_ARTICLE' AND NOT EXISTS"
        + " (SELECT 1 FROM story_articles WHERE article_id = articles.id) ORDER BY seq", "the articles outside any story");
  }

  @Override
  public synchronized List<ArticleId> uncheckedForDuplicates() {
    return ids("SELECT id FROM articles WHERE text_kind <> 'NOT_ARTICLE'"
        + " AND NOT EXISTS (SELECT 1 FROM sketches WHERE sketches.id = articles.id)"
        + " AND NOT EXISTS (SELECT 1 FROM duplicates WHERE copy = articles.id) ORDER BY seq",
        "the articles duplicate detection has not seen");
  }

  private List<ArticleId> ids(String sql, String what) {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<ArticleId> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new ArticleId(rs.getString(1)));
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read " + what + " in " + dir, e);
    }
  }

  @Override
  public synchronized java.util.Map<ArticleId, StoryId> allAssignments() {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT article_id, story FROM story_articles ORDER BY rowid")) {
      java.util.Map<ArticleId, StoryId> out = new java.util.LinkedHashMap<>();
      while (rs.next()) {
        out.put(new ArticleId(rs.getString(1)), StoryId.of(rs.getLong(2)));
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read the stories in " + dir, e);
    }
  }

  @Override
  public synchronized void merge(Merge merge) {
    writable();
    try (PreparedStatement move = conn.prepareStatement("UPDATE story_articles SET story = ? WHERE story = ?");
        PreparedStatement log = conn.prepareStatement(
            "INSERT INTO story_merges (from_story, into_story, bridge, merged_at) VALUES (?, ?, ?, ?)")) {
      move.setLong(1, merge.into().number());
      move.setLong(2, merge.from().number());
      move.executeUpdate();
      log.setLong(1, merge.from().number());
      log.setLong(2, merge.into().number());
      log.setString(3, merge.bridge().value());
      log.setString(4, Instant.now().toString());
      log.executeUpdate();
    } catch (SQLException e) {
      throw failure("cannot merge story " + merge.from() + " into " + merge.into() + " in " + dir, e);
    }
  }

  @Override
  public synchronized List<Merge> merges() {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT from_story, into_story, bridge FROM story_merges ORDER BY seq")) {
      List<Merge> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new Merge(StoryId.of(rs.getLong(1)), StoryId.of(rs.getLong(2)), new ArticleId(rs.getString(3))));
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read story merges in " + dir, e);
    }
  }

  @Override
  public synchronized void split(Split split) {
    writable();
    try (PreparedStatement move = conn.prepareStatement("UPDATE story_articles SET story = ? WHERE article_id = ?");
        PreparedStatement log = conn.prepareStatement(
            "INSERT INTO story_splits (from_story, into_story, moved, trigger_article, split_at) VALUES (?, ?, ?, ?, ?)")) {
      for (ArticleId a : split.moved()) {
        move.setLong(1, split.into().number());
        move.setString(2, a.value());
        move.addBatch();
      }
      move.executeBatch();
      log.setLong(1, split.from().number());
      log.setLong(2, split.into().number());
      log.setString(3, String.join(" ", split.moved().stream().map(ArticleId::value).toList()));
      log.setString(4, split.trigger().value());
      log.setString(5, Instant.now().toString());
      log.executeUpdate();
    } catch (SQLException e) {
      throw failure("cannot split story " + split.from() + " into " + split.into() + " in " + dir, e);
    }
  }

  @Override
  public synchronized List<Split> splits() {
    if (readOnly && !hasTable("story_splits")) {
      return List.of(); // a store written before splits were recorded
    }
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT from_story, into_story, moved, trigger_article FROM story_splits ORDER BY seq")) {
      List<Split> out = new ArrayList<>();
      while (rs.next()) {
        List<ArticleId> moved = rs.getString(3).isEmpty() ? List.of()
            : java.util.Arrays.stream(rs.getString(3).split(" ")).map(ArticleId::new).toList();
        out.add(new Split(StoryId.of(rs.getLong(1)), StoryId.of(rs.getLong(2)), moved, new ArticleId(rs.getString(4))));
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read story splits in " + dir, e);
    }
  }

  @Override
  public synchronized Optional<String> analysis(ArticleId article, String version) {
    if (readOnly && !hasTable("analyses")) {
      return Optional.empty(); // a store written before analyses were kept
    }
    try {
      PreparedStatement ps = statement("SELECT json FROM analyses WHERE article_id = ? AND version = ?");
      ps.setString(1, article.value());
      ps.setString(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("cannot read the analysis of " + article + " in " + dir, e);
    }
  }

  @Override
  public synchronized void putAnalysis(ArticleId article, String version, String json) {
    writable();
    try {
      PreparedStatement ps = statement("INSERT OR REPLACE INTO analyses (article_id, version, json) VALUES (?, ?, ?)");
      ps.setString(1, article.value());
      ps.setString(2, version);
      ps.setString(3, json);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("cannot store the analysis of " + article + " in " + dir, e);
    }
  }

  @Override
  public synchronized Optional<String> report(StoryId story, String fingerprint) {
    if (readOnly && !hasTable("reports")) {
      return Optional.empty();
    }
    try {
      PreparedStatement ps = statement("SELECT json FROM reports WHERE story = ? AND fingerprint = ?");
      ps.setLong(1, story.number());
      ps.setString(2, fingerprint);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("cannot read the report of " + story + " in " + dir, e);
    }
  }

  @Override
  public synchronized void putReport(StoryId story, String fingerprint, String json) {
    write("store the report of " + story, () -> {
      PreparedStatement ps = statement("INSERT OR REPLACE INTO reports (story, fingerprint, json) VALUES (?, ?, ?)");
      ps.setLong(1, story.number());
      ps.setString(2, fingerprint);
      ps.setString(3, json);
      ps.executeUpdate();
      PreparedStatement last = statement("SELECT version, fingerprint FROM report_versions WHERE story = ?"
          + " ORDER BY version DESC LIMIT 1");
      last.setLong(1, story.number());
      int version = 1;
      try (ResultSet rs = last.executeQuery()) {
        if (rs.next()) {
          version = rs.getString(2).equals(fingerprint) ? rs.getInt(1) : rs.getInt(1) + 1;
        }
      }
      PreparedStatement put = statement("INSERT OR REPLACE INTO report_versions (story, version, fingerprint, built_at,"
          + " json) VALUES (?, ?, ?, ?, ?)");
      put.setLong(1, story.number());
      put.setInt(2, version);
      put.setString(3, fingerprint);
      put.setString(4, java.time.Instant.now().toString());
      put.setString(5, json);
      return put.executeUpdate();
    });
  }

  @Override
  public synchronized List<ReportVersion> reportVersions(StoryId story) {
    if (readOnly && !hasTable("report_versions")) {
      return List.of();
    }
    try {
      PreparedStatement ps = statement("SELECT version, fingerprint, built_at, json FROM report_versions WHERE story = ?"
          + " ORDER BY version");
      ps.setLong(1, story.number());
      List<ReportVersion> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ReportVersion(rs.getInt(1), rs.getString(2), java.time.Instant.parse(rs.getString(3)),
              rs.getString(4)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read the report versions of " + story + " in " + dir, e);
    }
  }

  // the outlet registry (OutletStore)

  /** The resolver over the registry, and the registry's version it was read at. */
  private @Nullable Outlets outlets;
  private long outletsVersion = -1;

  @Override
  public synchronized Outlets outlets() {
    if (readOnly && !hasTable("outlets")) {
      return Outlets.builtIn(); // a store written before outlets were registered
    }
    try {
      long version = outletsVersion();
      if (outlets == null || version != outletsVersion) {
        Map<String, List<String>> aliases = new HashMap<>();
        try (Statement st = conn.createStatement();
            ResultSet rs = st.executeQuery("SELECT spelling, outlet FROM outlet_aliases ORDER BY rowid")) {
          while (rs.next()) {
            aliases.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
          }
        }
        List<Outlet> rows = new ArrayList<>();
        try (Statement st = conn.createStatement();
            ResultSet rs = st.executeQuery("SELECT key, name FROM outlets ORDER BY rowid")) {
          while (rs.next()) {
            rows.add(new Outlet(rs.getString(1), rs.getString(2), aliases.getOrDefault(rs.getString(1), List.of())));
          }
        }
        outlets = Outlets.builtIn().withRegistered(rows);
        outletsVersion = version;
      }
      return outlets;
    } catch (SQLException e) {
      throw failure("cannot read the outlets in " + dir, e);
    }
  }

  /** @return a number that changes whenever the registry does, in this process or another */
  private long outletsVersion() throws SQLException {
    PreparedStatement ps = statement("SELECT value FROM counters WHERE name = 'outlets'");
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  @Override
  public synchronized void register(Collection<Outlet> registered) {
    writable();
    if (registered.isEmpty()) {
      return;
    }
    try {
      begin();
      PreparedStatement outlet = statement("INSERT OR IGNORE INTO outlets (key, name) VALUES (?, ?)");
      PreparedStatement alias = statement("INSERT OR REPLACE INTO outlet_aliases (alias, spelling, outlet) VALUES (?, ?, ?)");
      for (Outlet o : registered) {
        outlet.setString(1, o.key());
        outlet.setString(2, o.name());
        outlet.executeUpdate();
        for (String a : o.aliases()) {
          alias.setString(1, Outlets.aliasKey(a));
          alias.setString(2, a.strip());
          alias.setString(3, o.key());
          alias.executeUpdate();
        }
      }
      outletsChanged();
      commit();
    } catch (SQLException e) {
      rollback();
      throw failure("cannot register outlets in " + dir, e);
    } catch (RuntimeException e) {
      rollback();
      throw e;
    }
  }

  @Override
  public synchronized void rename(String key, String name) {
    writable();
    try {
      begin();
      PreparedStatement ps = statement(
          "INSERT INTO outlets (key, name) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET name = excluded.name");
      ps.setString(1, key);
      ps.setString(2, name.strip());
      ps.executeUpdate();
      outletsChanged();
      commit();
    } catch (SQLException e) {
      rollback();
      throw failure("cannot rename the outlet " + key + " in " + dir, e);
    } catch (RuntimeException e) {
      rollback();
      throw e;
    }
  }

  /** Inside a write: counts one more change of the registry, so every process reads it anew. */
  private void outletsChanged() throws SQLException {
    statement("INSERT INTO counters (name, value) VALUES ('outlets', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1")
        .executeUpdate();
    outlets = null;
  }

  @Override
  public synchronized void articleOutlets(BiConsumer<@Nullable String, @Nullable String> sink) {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT outlet, url FROM articles WHERE text_kind <> 'NOT_ARTICLE' ORDER BY seq")) {
      while (rs.next()) {
        sink.accept(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw failure("cannot read the articles' outlets in " + dir, e);
    }
  }

  /** Registers the outlets of the articles a store written before the registry holds. */
  private void registerStoredOutlets() {
    java.util.Set<Outlets.Seen> seen = new java.util.LinkedHashSet<>();
    articleOutlets((name, url) -> seen.add(new Outlets.Seen(name, url)));
    register(outlets().learnSeen(List.copyOf(seen)));
  }

  private boolean hasTable(String name) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw failure("cannot read the schema of the store in " + dir, e);
    }
  }

  private void writable() {
    if (readOnly) {
      throw new StoreException("the store in " + dir + " was opened for reading only");
    }
  }

  private static byte[] toBytes(int[] values) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(values.length * 4);
    b.asIntBuffer().put(values);
    return b.array();
  }

  private static int[] fromBytes(byte[] bytes) {
    int[] out = new int[bytes.length / 4];
    java.nio.ByteBuffer.wrap(bytes).asIntBuffer().get(out);
    return out;
  }

  @Override
  public void close() {
    search.flush(); // before taking this store: the index's catch-up reads the store
    closeStore();
  }

  private synchronized void closeStore() {
    search.close();
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // closing the connection releases it too
      }
    }
    statements.clear();
    closeQuietly(conn);
  }

  // ---------------------------------------------------------------- watches, alerts, webhooks (AlertStore)

  /** A step of SQL work whose failure becomes a {@link StoreException} naming what was being done. */
  private interface Sql<T> {
    T run() throws SQLException;
  }

  private <T> T sql(String what, Sql<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw failure("cannot " + what + " in " + dir, e);
    }
  }

  /**
   * Runs a write in a transaction of its own, or in the caller's; a failure rolls the transaction back.
   *
   * @param what what is written, for the message: "cannot {what} in DIR"
   */
  private synchronized <T> T write(String what, Sql<T> work) {
    writable();
    try {
      begin();
      T out = work.run();
      commit();
      return out;
    } catch (SQLException e) {
      rollback();
      throw failure("cannot " + what + " in " + dir, e);
    } catch (RuntimeException | Error e) {
      rollback();
      throw e;
    }
  }

  @Override
  public synchronized Watch addWatch(Watch.Kind kind, String value) {
    return write("save a watch", () -> {
      PreparedStatement ps = statement("INSERT OR IGNORE INTO watches (kind, value, created_at) VALUES (?, ?, ?)");
      ps.setString(1, kind.name());
      ps.setString(2, value);
      ps.setString(3, java.time.Instant.now().toString());
      ps.executeUpdate();
      return watches().stream().filter(w -> w.kind() == kind && w.value().equals(value)).findFirst().orElseThrow();
    });
  }

  @Override
  public synchronized List<Watch> watches() {
    if (readOnly && !hasTable("watches")) {
      return List.of();
    }
    return sql("read the watches", () -> {
      List<Watch> out = new ArrayList<>();
      try (ResultSet rs = statement("SELECT id, kind, value, created_at FROM watches ORDER BY id").executeQuery()) {
        while (rs.next()) {
          out.add(new Watch(rs.getLong(1), Watch.Kind.valueOf(rs.getString(2)), rs.getString(3),
              java.time.Instant.parse(rs.getString(4))));
        }
      }
      return out;
    });
  }

  @Override
  public synchronized boolean removeWatch(long id) {
    return write("remove a watch", () -> {
      PreparedStatement ps = statement("DELETE FROM watches WHERE id = ?");
      ps.setLong(1, id);
      return ps.executeUpdate() > 0;
    });
  }

  @Override
  public synchronized Optional<Alert> addAlert(long watch, String story, String kind, String key, String title,
      String json, java.time.Instant at) {
    return write("record an alert", () -> {
      PreparedStatement ps = statement("INSERT OR IGNORE INTO alerts (watch, story, kind, key, title, json, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)");
      ps.setLong(1, watch);
      ps.setString(2, story);
      ps.setString(3, kind);
      ps.setString(4, key);
      ps.setString(5, title);
      ps.setString(6, json);
      ps.setString(7, at.toString());
      if (ps.executeUpdate() == 0) {
        return Optional.<Alert>empty();
      }
      long id;
      try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
        rs.next();
        id = rs.getLong(1);
      }
      for (Webhook h : webhooks()) {
        if (!h.createdAt().isAfter(at)) {
          PreparedStatement d = statement("INSERT INTO deliveries (webhook, alert, attempts, next_attempt)"
              + " VALUES (?, ?, 0, ?)");
          d.setLong(1, h.id());
          d.setLong(2, id);
          d.setLong(3, at.toEpochMilli());
          d.executeUpdate();
        }
      }
      return Optional.of(new Alert(id, watch, story, kind, key, title, json, at));
    });
  }

  @Override
  public synchronized List<Alert> alerts(long watch, int limit) {
    if (readOnly && !hasTable("alerts")) {
      return List.of();
    }
    return sql("read the alerts", () -> {
      PreparedStatement ps = statement("SELECT " + ALERT_COLUMNS + " FROM alerts"
          + " WHERE ? = 0 OR watch = ? ORDER BY id DESC LIMIT ?");
      ps.setLong(1, watch);
      ps.setLong(2, watch);
      ps.setInt(3, limit);
      return alerts(ps);
    });
  }

  @Override
  public synchronized Optional<Alert> alert(long id) {
    if (readOnly && !hasTable("alerts")) {
      return Optional.empty();
    }
    return sql("read alert " + id, () -> {
      PreparedStatement ps = statement("SELECT " + ALERT_COLUMNS + " FROM alerts WHERE id = ?");
      ps.setLong(1, id);
      return alerts(ps).stream().findFirst();
    });
  }

  private static final String ALERT_COLUMNS = "id, watch, story, kind, key, title, json, created_at";

  private static List<Alert> alerts(PreparedStatement ps) throws SQLException {
    List<Alert> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Alert(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), java.time.Instant.parse(rs.getString(8))));
      }
    }
    return out;
  }

  @Override
  public synchronized Webhook addWebhook(String url, String secret) {
    return write("register a webhook", () -> {
      PreparedStatement ps = statement("INSERT INTO webhooks (url, secret, created_at) VALUES (?, ?, ?)"
          + " ON CONFLICT (url) DO UPDATE SET secret = excluded.secret");
      ps.setString(1, url);
      ps.setString(2, secret);
      ps.setString(3, java.time.Instant.now().toString());
      ps.executeUpdate();
      return webhooks().stream().filter(h -> h.url().equals(url)).findFirst().orElseThrow();
    });
  }

  @Override
  public synchronized List<Webhook> webhooks() {
    if (readOnly && !hasTable("webhooks")) {
      return List.of();
    }
    return sql("read the webhooks", () -> {
      List<Webhook> out = new ArrayList<>();
      try (ResultSet rs = statement("SELECT id, url, secret, created_at FROM webhooks ORDER BY id").executeQuery()) {
        while (rs.next()) {
          out.add(new Webhook(rs.getLong(1), rs.getString(2), rs.getString(3), java.time.Instant.parse(rs.getString(4))));
        }
      }
      return out;
    });
  }

  @Override
  public synchronized boolean removeWebhook(long id) {
    return write("remove a webhook", () -> {
      PreparedStatement d = statement("DELETE FROM deliveries WHERE webhook = ? AND delivered_at IS NULL");
      d.setLong(1, id);
      d.executeUpdate();
      PreparedStatement ps = statement("DELETE FROM webhooks WHERE id = ?");
      ps.setLong(1, id);
      return ps.executeUpdate() > 0;
    });
  }

  @Override
  public synchronized List<Delivery> dueDeliveries(java.time.Instant now, int limit) {
    if (readOnly && !hasTable("deliveries")) {
      return List.of();
    }
    return sql("read the due deliveries", () -> {
      PreparedStatement ps = statement("SELECT webhook, alert, attempts, next_attempt, delivered_at, last_error"
          + " FROM deliveries WHERE next_attempt IS NOT NULL AND next_attempt <= ? ORDER BY alert, webhook LIMIT ?");
      ps.setLong(1, now.toEpochMilli());
      ps.setInt(2, limit);
      return deliveries(ps);
    });
  }

  @Override
  public synchronized List<Delivery> deliveries(long webhook) {
    if (readOnly && !hasTable("deliveries")) {
      return List.of();
    }
    return sql("read the deliveries", () -> {
      PreparedStatement ps = statement("SELECT webhook, alert, attempts, next_attempt, delivered_at, last_error"
          + " FROM deliveries WHERE ? = 0 OR webhook = ? ORDER BY alert, webhook");
      ps.setLong(1, webhook);
      ps.setLong(2, webhook);
      return deliveries(ps);
    });
  }

  private static List<Delivery> deliveries(PreparedStatement ps) throws SQLException {
    List<Delivery> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long next = rs.getLong(4);
        boolean hasNext = !rs.wasNull();
        String delivered = rs.getString(5);
        out.add(new Delivery(rs.getLong(1), rs.getLong(2), rs.getInt(3),
            hasNext ? java.time.Instant.ofEpochMilli(next) : null,
            delivered == null ? null : java.time.Instant.parse(delivered), rs.getString(6)));
      }
    }
    return out;
  }

  @Override
  public synchronized void recordAttempt(long webhook, long alert, boolean delivered, @Nullable String error,
      java.time.@Nullable Instant nextAttempt) {
    write("record a delivery attempt", () -> {
      PreparedStatement ps = statement("UPDATE deliveries SET attempts = attempts + 1, next_attempt = ?,"
          + " delivered_at = ?, last_error = ? WHERE webhook = ? AND alert = ?");
      if (delivered || nextAttempt == null) {
        ps.setNull(1, java.sql.Types.INTEGER);
      } else {
        ps.setLong(1, nextAttempt.toEpochMilli());
      }
      ps.setString(2, delivered ? java.time.Instant.now().toString() : null);
      ps.setString(3, delivered ? null : error);
      ps.setLong(4, webhook);
      ps.setLong(5, alert);
      return ps.executeUpdate();
    });
  }

  /** @return the statement for the SQL, prepared on first use and kept for the connection's life */
  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = conn.prepareStatement(sql);
      statements.put(sql, ps);
    } else {
      ps.clearParameters();
    }
    return ps;
  }

  private void rollbackQuietly() {
    try {
      conn.rollback();
    } catch (SQLException ignored) {
      // nothing was committed; SQLite rolls back on its own when the connection closes
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a broken connection
    }
  }

  private static String reason(FileSystemException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getReason() != null ? e.getReason().toLowerCase(java.util.Locale.ROOT) : e.getClass().getSimpleName();
  }

  private static StoreException failure(String what, SQLException e) {
    String why = e.getMessage();
    if (e instanceof SQLiteException se) {
      SQLiteErrorCode code = se.getResultCode();
      why = switch (code.code & 0xFF) {
        case 13 -> "the disk is full (SQLITE_FULL)";
        case 8 -> "the store is read-only (SQLITE_READONLY)";
        case 14 -> "the database file cannot be opened (SQLITE_CANTOPEN)";
        case 26 -> DB_FILE + " is not a Crosscheck store (SQLITE_NOTADB: file is not a database)";
        case 11 -> "the database file is corrupt (SQLITE_CORRUPT)";
        case 5 -> "another process kept the store locked for more than " + BUSY_TIMEOUT.toSeconds()
            + " s (SQLITE_BUSY); run again when it has finished writing";
        case 10 -> "disk I/O error (SQLITE_IOERR): " + se.getMessage();
        default -> se.getMessage();
      };
    }
    return new StoreException(what + ": " + why, e);
  }

  // ---------------------------------------------------------------- followed sources (FollowStore)

  private static final String FOLLOWED_COLUMNS = "id, url, kind, title, etag, last_modified, last_poll, last_new_item,"
      + " items, errors, consecutive_failures, last_error, next_poll, interval_ms";

  @Override
  public synchronized FollowedSource addFollowed(FollowedSource source) {
    writable();
    Optional<FollowedSource> existing = followedSource(source.url());
    if (existing.isPresent()) {
      return existing.get();
    }
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO followed_sources (url, kind, title, etag,"
        + " last_modified, last_poll, last_new_item, items, errors, consecutive_failures, last_error, next_poll,"
        + " interval_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      bindFollowed(ps, source);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return source.withId(keys.getLong(1));
      }
    } catch (SQLException e) {
      throw failure("cannot follow " + source.url() + " in " + dir, e);
    }
  }

  @Override
  public synchronized List<FollowedSource> followedSources() {
    if (readOnly && !hasTable("followed_sources")) {
      return List.of();
    }
    try (PreparedStatement ps = conn.prepareStatement("SELECT " + FOLLOWED_COLUMNS + " FROM followed_sources ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      List<FollowedSource> out = new ArrayList<>();
      while (rs.next()) {
        out.add(followedFrom(rs));
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read the followed sources in " + dir, e);
    }
  }

  @Override
  public synchronized Optional<FollowedSource> followedSource(String url) {
    if (readOnly && !hasTable("followed_sources")) {
      return Optional.empty();
    }
    try (PreparedStatement ps = conn.prepareStatement("SELECT " + FOLLOWED_COLUMNS + " FROM followed_sources WHERE url = ?")) {
      ps.setString(1, url);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(followedFrom(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("cannot read the followed source " + url + " in " + dir, e);
    }
  }

  @Override
  public synchronized void updateFollowed(FollowedSource source) {
    writable();
    try (PreparedStatement ps = conn.prepareStatement("UPDATE followed_sources SET url = ?, kind = ?, title = ?,"
        + " etag = ?, last_modified = ?, last_poll = ?, last_new_item = ?, items = ?, errors = ?,"
        + " consecutive_failures = ?, last_error = ?, next_poll = ?, interval_ms = ? WHERE id = ?")) {
      bindFollowed(ps, source);
      ps.setLong(14, source.id());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("cannot store the state of " + source.url() + " in " + dir, e);
    }
  }

  @Override
  public synchronized boolean removeFollowed(String url) {
    writable();
    Optional<FollowedSource> source = followedSource(url);
    if (source.isEmpty()) {
      return false;
    }
    inTransaction(() -> {
      try (PreparedStatement items = conn.prepareStatement("DELETE FROM followed_items WHERE source = ?");
          PreparedStatement ps = conn.prepareStatement("DELETE FROM followed_sources WHERE id = ?")) {
        items.setLong(1, source.get().id());
        items.executeUpdate();
        ps.setLong(1, source.get().id());
        ps.executeUpdate();
      } catch (SQLException e) {
        throw failure("cannot stop following " + url + " in " + dir, e);
      }
    });
    return true;
  }

  @Override
  public synchronized java.util.Set<String> seenItems(long source, java.util.Collection<String> keys) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    if (keys.isEmpty() || (readOnly && !hasTable("followed_items"))) {
      return seen;
    }
    try {
      PreparedStatement ps = statement("SELECT 1 FROM followed_items WHERE source = ? AND item = ?");
      for (String key : keys) {
        ps.setLong(1, source);
        ps.setString(2, key);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            seen.add(key);
          }
        }
      }
      return seen;
    } catch (SQLException e) {
      throw failure("cannot read the items seen from source " + source + " in " + dir, e);
    }
  }

  @Override
  public synchronized void markSeen(long source, java.util.Collection<String> keys, java.time.Instant at) {
    writable();
    if (keys.isEmpty()) {
      return;
    }
    inTransaction(() -> {
      try {
        PreparedStatement ps = statement("INSERT OR IGNORE INTO followed_items (source, item, seen_at) VALUES (?, ?, ?)");
        for (String key : keys) {
          ps.setLong(1, source);
          ps.setString(2, key);
          ps.setString(3, at.toString());
          ps.executeUpdate();
        }
      } catch (SQLException e) {
        throw failure("cannot store the items seen from source " + source + " in " + dir, e);
      }
    });
  }

  private static void bindFollowed(PreparedStatement ps, FollowedSource s) throws SQLException {
    ps.setString(1, s.url());
    ps.setString(2, s.kind().name());
    ps.setString(3, s.title());
    ps.setString(4, s.etag());
    ps.setString(5, s.lastModified());
    ps.setString(6, s.lastPoll() == null ? null : s.lastPoll().toString());
    ps.setString(7, s.lastNewItem() == null ? null : s.lastNewItem().toString());
    ps.setLong(8, s.items());
    ps.setLong(9, s.errors());
    ps.setInt(10, s.consecutiveFailures());
    ps.setString(11, s.lastError());
    ps.setString(12, s.nextPoll().toString());
    ps.setLong(13, s.interval().toMillis());
  }

  private static FollowedSource followedFrom(ResultSet rs) throws SQLException {
    String lastPoll = rs.getString(7);
    String lastNew = rs.getString(8);
    return new FollowedSource(rs.getLong(1), rs.getString(2), FollowedSource.Kind.valueOf(rs.getString(3)),
        rs.getString(4), rs.getString(5), rs.getString(6),
        lastPoll == null ? null : java.time.Instant.parse(lastPoll),
        lastNew == null ? null : java.time.Instant.parse(lastNew),
        rs.getLong(9), rs.getLong(10), rs.getInt(11), rs.getString(12), java.time.Instant.parse(rs.getString(13)),
        java.time.Duration.ofMillis(rs.getLong(14)));
  }

  // the search entries (SearchStore, SearchSource)

  /** The folder of the search index inside the data directory. */
  public static final String SEARCH_FOLDER = "search";

  /**
   * The search entries: a Lucene index in {@link #SEARCH_FOLDER}, which every process that writes
   * the store keeps up to date; in memory, filled from the store, when the store is open for
   * reading only.
   */
  private final SearchIndex.Lazy search = new SearchIndex.Lazy(this::openSearch);

  private SearchIndex openSearch() {
    return readOnly ? LuceneSearch.filled(this) : new DiskSearch(dir.resolve(SEARCH_FOLDER), this, BUSY_TIMEOUT,
        System.err);
  }

  @Override
  public SearchIndex.Lazy searchIndex() {
    return search;
  }

  @Override
  public boolean indexesItsWrites() {
    return true;
  }

  /**
   * After a committed transaction: indexes for search what the store now holds beyond the index, soon
   * (a run of writes is indexed in one go; a search of this process, and closing, catch up first).
   * A failure is reported and leaves the store as committed: the next write, or the next process to
   * open the index, catches up. Not inside a transaction, nor while a caller holds this store.
   */
  private void indexWrites() {
    if (readOnly || Thread.holdsLock(this)) {
      return;
    }
    try {
      search.get().catchUpSoon();
    } catch (RuntimeException e) {
      System.err.println("The search index in " + dir.resolve(SEARCH_FOLDER) + " was not updated (" + e.getMessage()
          + "); the next write or the next start catches up.");
    }
  }

  @Override
  public synchronized @Nullable Mark committed() {
    if (transactionDepth > 0) {
      return null;
    }
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT"
        + " (SELECT COALESCE(MAX(seq), 0) FROM articles), (SELECT COALESCE(MAX(rowid), 0) FROM story_articles),"
        + " (SELECT COALESCE(MAX(seq), 0) FROM story_merges), (SELECT COALESCE(MAX(seq), 0) FROM story_splits)")) {
      rs.next();
      return new Mark(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
    } catch (SQLException e) {
      throw failure("cannot read how far the store in " + dir + " goes", e);
    }
  }

  @Override
  public synchronized List<Sequenced> articlesBetween(long after, long upTo, int limit) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT a.seq AS article_seq, sa.story AS story_number, "
        + COLUMNS.replaceAll("(^|, )", "$1a.") + " FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id"
        + " WHERE a.seq > ? AND a.seq <= ? ORDER BY a.seq LIMIT ?")) {
      ps.setLong(1, after);
      ps.setLong(2, upTo);
      ps.setInt(3, limit);
      Outlets names = outlets();
      List<Sequenced> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long story = rs.getLong("story_number");
          StoryId s = rs.wasNull() ? null : StoryId.of(story);
          Article a = read(rs);
          out.add(new Sequenced(rs.getLong("article_seq"), SearchStore.Entry.ofArticle(a, names.name(a), s)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read the articles to index for search in " + dir, e);
    }
  }

  @Override
  public synchronized List<ArticleId> movedBetween(Mark from, Mark to) {
    java.util.Set<ArticleId> out = new java.util.LinkedHashSet<>();
    try (PreparedStatement reassigned = conn.prepareStatement("SELECT sa.article_id FROM story_articles sa"
        + " JOIN articles a ON a.id = sa.article_id WHERE sa.rowid > ? AND sa.rowid <= ? AND a.seq <= ?");
        PreparedStatement merged = conn.prepareStatement("SELECT sa.article_id FROM story_articles sa"
            + " JOIN articles a ON a.id = sa.article_id WHERE a.seq <= ? AND sa.story IN"
            + " (SELECT into_story FROM story_merges WHERE seq > ? AND seq <= ?)");
        PreparedStatement split = conn.prepareStatement(
            "SELECT moved FROM story_splits WHERE seq > ? AND seq <= ?")) {
      reassigned.setLong(1, from.assignments());
      reassigned.setLong(2, to.assignments());
      reassigned.setLong(3, from.articles());
      collect(reassigned, out);
      merged.setLong(1, from.articles());
      merged.setLong(2, from.merges());
      merged.setLong(3, to.merges());
      collect(merged, out);
      split.setLong(1, from.splits());
      split.setLong(2, to.splits());
      try (ResultSet rs = split.executeQuery()) {
        while (rs.next()) {
          for (String id : rs.getString(1).split(" ")) {
            if (!id.isEmpty()) {
              out.add(new ArticleId(id));
            }
          }
        }
      }
      return List.copyOf(out);
    } catch (SQLException e) {
      throw failure("cannot read the story changes to index for search in " + dir, e);
    }
  }

  private static void collect(PreparedStatement ps, java.util.Set<ArticleId> out) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new ArticleId(rs.getString(1)));
      }
    }
  }

  @Override
  public synchronized List<SearchStore.Entry> entries(List<ArticleId> ids) {
    Outlets names = outlets();
    List<SearchStore.Entry> out = new ArrayList<>(ids.size());
    for (ArticleId id : ids) {
      get(id).ifPresent(a -> out.add(SearchStore.Entry.ofArticle(a, names.name(a), storyOf(id).orElse(null))));
    }
    return out;
  }
}
