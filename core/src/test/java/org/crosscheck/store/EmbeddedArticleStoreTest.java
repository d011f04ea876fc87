package org.crosscheck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Published;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedArticleStoreTest extends StoreContract {
  @TempDir Path tmp;

  @Override
  protected Store newStore() {
    return Store.open(tmp.resolve("data"));
  }

  @Test
  void keepsArticlesAcrossReopening() {
    store.put(article("a1", "X", "Durable body.", Published.unknown()));
    store.close();
    try (EmbeddedArticleStore reopened = EmbeddedArticleStore.open(tmp.resolve("data"))) {
      assertThat(reopened.get(new ArticleId("a1"))).isPresent();
      assertThat(reopened.checkIntegrity()).isEqualTo("ok");
    }
    try (EmbeddedArticleStore reader = EmbeddedArticleStore.openForReading(tmp.resolve("data")).orElseThrow()) {
      assertThat(reader.count()).isEqualTo(1);
      assertThatThrownBy(() -> reader.put(article("b", "X", "New.", Published.unknown())))
          .isInstanceOf(StoreException.class).hasMessageContaining("opened for reading only");
    }
  }

  @Test
  void aFailureInsideNestedTransactionsUndoesTheArticlesAndTheirStoryTogether() {
    EmbeddedArticleStore embedded = (EmbeddedArticleStore) store;
    assertThatThrownBy(() -> embedded.inTransaction(() -> {
      embedded.putAll(java.util.List.of(article("a1", "X", "Body one.", Published.unknown())));
      embedded.assign(new ArticleId("a1"), embedded.newStoryId());
      throw new IllegalStateException("clustering failed");
    })).hasMessage("clustering failed");
    assertThat(embedded.count()).isZero();
    assertThat(embedded.allAssignments()).isEmpty();

    embedded.inTransaction(() -> {
      embedded.putAll(java.util.List.of(article("a2", "X", "Body two.", Published.unknown())));
      embedded.assign(new ArticleId("a2"), embedded.newStoryId());
    });
    assertThat(embedded.count()).isEqualTo(1);
    assertThat(embedded.unassigned()).isEmpty();
    assertThat(embedded.uncheckedForDuplicates()).containsExactly(new ArticleId("a2"));
  }

  @Test
  void articlesOutsideAnyStoryAndDuplicateDetectionAreListedOldestFirst() {
    store.putAll(java.util.List.of(article("a1", "X", "First.", Published.unknown()),
        article("a2", "X", "Second.", Published.unknown()), article("a3", "X", "Third.", Published.unknown())));
    EmbeddedArticleStore embedded = (EmbeddedArticleStore) store;
    embedded.assign(new ArticleId("a2"), embedded.newStoryId());
    embedded.putDuplicate(new SketchStore.DuplicateLink(new ArticleId("a3"), new ArticleId("a1"), 1.0, true));
    assertThat(embedded.unassigned()).containsExactly(new ArticleId("a1"), new ArticleId("a3"));
    assertThat(embedded.uncheckedForDuplicates()).containsExactly(new ArticleId("a1"), new ArticleId("a2"));
  }

  @Test
  void keepsSplitsAcrossReopening() {
    splitMovesTheGivenArticlesKeepsTheirOrderAndIsRecorded();
    store.close();
    try (EmbeddedArticleStore reader = EmbeddedArticleStore.openForReading(tmp.resolve("data")).orElseThrow()) {
      assertThat(reader.splits()).singleElement().satisfies(sp -> assertThat(sp.moved()).hasSize(2));
      assertThat(reader.storyOf(new ArticleId("a4"))).contains(reader.splits().getFirst().into());
    }
  }

  @Test
  void aStoreOfAnEarlierSchemaGainsTheNewTablesWhenOpened() throws Exception {
    store.put(article("a1", "X", "Body.", Published.unknown()));
    store.close();
    try (var conn = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/crosscheck.db"));
        var st = conn.createStatement()) {
      st.execute("DROP TABLE reports");
      st.execute("DROP TABLE analyses");
      st.execute("DROP TABLE schema_history"); // written before versioned migrations
      st.execute("PRAGMA user_version = 4");
    }
    try (EmbeddedArticleStore reopened = EmbeddedArticleStore.open(tmp.resolve("data"))) {
      assertThat(reopened.get(new ArticleId("a1"))).isPresent();
      reopened.putReport(org.crosscheck.model.StoryId.of(1), "f", "{}");
      reopened.putAnalysis(new ArticleId("a1"), "v", "{}");
      assertThat(reopened.report(org.crosscheck.model.StoryId.of(1), "f")).contains("{}");
      assertThat(reopened.analysis(new ArticleId("a1"), "v")).contains("{}");
    }
  }

  @Test
  void aStoreWrittenBeforeReportVersionsKeepsItsReportsAsTheirFirstVersions() throws Exception {
    store.putReport(org.crosscheck.model.StoryId.of(3), "f", "{\"old\":true}");
    store.close();
    try (var conn = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/crosscheck.db"));
        var st = conn.createStatement()) {
      st.execute("DROP TABLE report_versions");
      st.execute("DELETE FROM schema_history WHERE version = '2'");
    }
    store = Store.open(tmp.resolve("data"));
    assertThat(store.reportVersions(org.crosscheck.model.StoryId.of(3))).singleElement().satisfies(v -> {
      assertThat(v.number()).isEqualTo(1);
      assertThat(v.json()).isEqualTo("{\"old\":true}");
    });
    store.putReport(org.crosscheck.model.StoryId.of(3), "g", "{}");
    assertThat(store.reportVersions(org.crosscheck.model.StoryId.of(3))).hasSize(2);
  }

  @Test
  void aStoreOfSchemaSixLosesItsBandTableAndKeepsItsSketchesForDuplicateDetection() throws Exception {
    org.crosscheck.model.Article original = org.crosscheck.model.Article.withDerivedId("Outlet A", null, "T",
        Published.unknown(), "en", "The council voted on Tuesday to close the library on Oak Street for repairs to"
            + " its roof, which leaked through the winter and damaged four thousand books.",
        org.crosscheck.model.TextKind.FULL, new org.crosscheck.model.Provenance(
            org.crosscheck.model.Provenance.Kind.FILE, "t.jsonl", null, "jsonl"), null, java.util.List.of());
    EmbeddedArticleStore embedded = (EmbeddedArticleStore) store;
    embedded.put(original);
    embedded.inTransaction(() -> new org.crosscheck.dedup.MinHashDeduplicator(embedded).check(original));
    embedded.close();
    try (var conn = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/crosscheck.db"));
        var st = conn.createStatement()) {
      st.execute("CREATE TABLE sketch_bands (band_key INTEGER NOT NULL, id TEXT NOT NULL)");
      st.execute("CREATE INDEX sketch_bands_key ON sketch_bands(band_key)");
      st.execute("INSERT INTO sketch_bands VALUES (1, 'x')");
      st.execute("DROP TABLE schema_history"); // written before versioned migrations
      st.execute("PRAGMA user_version = 6");
    }
    try (EmbeddedArticleStore reopened = EmbeddedArticleStore.open(tmp.resolve("data"));
        var conn = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/crosscheck.db"));
        var st = conn.createStatement();
        var rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name LIKE 'sketch_bands%'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("band table and index left").isZero();
      org.crosscheck.model.Article copy = org.crosscheck.model.Article.withDerivedId("Outlet B", null, "T2",
          Published.unknown(), "en", original.text(), org.crosscheck.model.TextKind.FULL, original.provenance(), null,
          java.util.List.of());
      reopened.put(copy);
      var link = new java.util.concurrent.atomic.AtomicReference<java.util.Optional<SketchStore.DuplicateLink>>();
      reopened.inTransaction(() -> link.set(new org.crosscheck.dedup.MinHashDeduplicator(reopened).check(copy)));
      assertThat(link.get()).hasValueSatisfying(l -> assertThat(l.original()).isEqualTo(original.id()));
    }
  }

  @Test
  void readingADirectoryWithoutAStoreFindsNothing() {
    assertThat(EmbeddedArticleStore.openForReading(tmp.resolve("nothing-here"))).isEmpty();
  }

  @Test
  void refusesAFileThatIsNotAStoreAndLeavesItAlone() throws Exception {
    Path dir = tmp.resolve("junk");
    Files.createDirectories(dir);
    byte[] junk = "this is not a database, it is a text file that happens to have the store's name\n".repeat(200)
        .getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve(EmbeddedArticleStore.DB_FILE), junk);
    assertThatThrownBy(() -> EmbeddedArticleStore.open(dir)).isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot open the store in " + dir)
        .hasMessageContaining("not a Crosscheck store");
    assertThat(Files.readAllBytes(dir.resolve(EmbeddedArticleStore.DB_FILE))).isEqualTo(junk);
  }

  @Test
  void refusesAStoreWrittenByANewerVersion() throws Exception {
    store.close();
    Path db = tmp.resolve("data").resolve(EmbeddedArticleStore.DB_FILE);
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
      st.execute("PRAGMA user_version = 99");
    }
    assertThatThrownBy(() -> EmbeddedArticleStore.open(tmp.resolve("data")))
        .isInstanceOf(StoreException.class).hasMessageContaining("schema version 99");
    store = new InMemoryArticleStore();
  }

  @Test
  void recordsEachMigrationOnceAndBaselinesAStoreWrittenBeforeThem() throws Exception {
    store.close();
    Path db = tmp.resolve("data").resolve(EmbeddedArticleStore.DB_FILE);
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement();
        var rs = st.executeQuery("SELECT version, success FROM schema_history ORDER BY installed_rank")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("1");
      assertThat(rs.getBoolean(2)).isTrue();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("2");
      assertThat(rs.next()).as("two migrations so far").isFalse();
    }
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
      st.execute("DROP TABLE schema_history");
      st.execute("PRAGMA user_version = 9");
    }
    store = Store.open(tmp.resolve("data"));
    store.close();
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement();
        var rs = st.executeQuery("SELECT version, type FROM schema_history ORDER BY installed_rank")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("0");
      assertThat(rs.getString(2)).isEqualTo("BASELINE");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("1");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("2");
    }
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement();
        var rs = st.executeQuery("PRAGMA user_version")) {
      assertThat(rs.getInt(1)).as("older versions, which read only this number, refuse the store").isEqualTo(10);
    }
    store = Store.open(tmp.resolve("data"));
  }

  @Test
  void theNewestMigrationIsKnownWithoutScanningForIt() {
    assertThat(SchemaMigrations.latestVersion()).isEqualTo(String.valueOf(SchemaMigrations.LATEST));
  }

  @Test
  void refusesAStoreWithAMigrationFromANewerVersionAndLeavesItUnchanged() throws Exception {
    store.put(article("a1", "X", "Body.", Published.unknown()));
    store.close();
    Path db = tmp.resolve("data").resolve(EmbeddedArticleStore.DB_FILE);
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
      st.execute("INSERT INTO schema_history (installed_rank, version, description, type, script, checksum,"
          + " installed_by, execution_time, success) VALUES (99, '57', 'story timelines', 'SQL',"
          + " 'V57__story_timelines.sql', 1, 'x', 1, 1)");
    }
    byte[] before = Files.readAllBytes(db);
    assertThatThrownBy(() -> Store.open(tmp.resolve("data"))).isInstanceOf(StoreException.class)
        .hasMessageContaining("has schema version 57").hasMessageContaining("story timelines")
        .hasMessageContaining("written by a newer Crosscheck; this version reads up to 2");
    assertThatThrownBy(() -> Store.openForReading(tmp.resolve("data"))).isInstanceOf(StoreException.class)
        .hasMessageContaining("has schema version 57");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
    store = Store.inMemory();
  }

  @Test
  void refusesADataDirectoryThatIsAFile() throws Exception {
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    assertThatThrownBy(() -> EmbeddedArticleStore.open(file)).isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void keepsTheOutletRegistryAcrossReopeningAndSeesAnotherConnectionsEdits() {
    EmbeddedArticleStore embedded = (EmbeddedArticleStore) store;
    embedded.register(java.util.List.of(new org.crosscheck.outlet.Outlet("kdvr.com", "KDVR", java.util.List.of("Fox 31"))));
    try (EmbeddedArticleStore other = EmbeddedArticleStore.open(tmp.resolve("data"));
        EmbeddedArticleStore reader = EmbeddedArticleStore.openForReading(tmp.resolve("data")).orElseThrow()) {
      assertThat(other.outlets().of("Fox 31", null).key()).isEqualTo("kdvr.com");
      assertThat(reader.outlets().of("Fox 31", null).key()).isEqualTo("kdvr.com");
      other.rename("kdvr.com", "KDVR Denver");
      other.register(java.util.List.of(new org.crosscheck.outlet.Outlet("nytimes.com", "The New York Times",
          java.util.List.of("Gray Lady"))));
      assertThat(embedded.outlets().of("Fox 31", null).name()).isEqualTo("KDVR Denver");
      assertThat(reader.outlets().of("Gray Lady", null).key()).isEqualTo("nytimes.com");
    }
    store.close();
    try (EmbeddedArticleStore reopened = EmbeddedArticleStore.open(tmp.resolve("data"))) {
      assertThat(reopened.outlets().registered()).extracting(org.crosscheck.outlet.Outlet::name)
          .containsExactlyInAnyOrder("KDVR Denver", "The New York Times");
    }
  }

  @Test
  void registersTheOutletsOfTheArticlesAStoreWrittenBeforeTheRegistryHolds() throws Exception {
    store.putAll(java.util.List.of(from("a1", "KDVR", "http://www.kdvr.com/a"), from("a2", "NYT", null)));
    store.close();
    // as version 7 left it: no registry
    try (var conn = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data").resolve(EmbeddedArticleStore.DB_FILE));
        var st = conn.createStatement()) {
      st.execute("DROP TABLE outlets");
      st.execute("DROP TABLE outlet_aliases");
      st.execute("DROP TABLE schema_history"); // written before versioned migrations
      st.execute("PRAGMA user_version = 7");
    }
    try (EmbeddedArticleStore old = EmbeddedArticleStore.openForReading(tmp.resolve("data")).orElseThrow()) {
      assertThat(old.outlets().registered()).as("read only: the built-in table").isEmpty();
      assertThat(old.articlesPerOutlet()).containsOnly(java.util.Map.entry("kdvr.com", 1L),
          java.util.Map.entry("nytimes.com", 1L));
    }
    try (EmbeddedArticleStore migrated = EmbeddedArticleStore.open(tmp.resolve("data"))) {
      assertThat(migrated.outlets().registered()).extracting(org.crosscheck.outlet.Outlet::key)
          .containsExactly("nytimes.com", "kdvr.com");
      assertThat(migrated.outlets().find("KDVR")).map(org.crosscheck.outlet.Outlet::key).contains("kdvr.com");
    }
  }
}
