package org.crosscheck.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded store's schema, as versioned migrations run by Flyway: SQL scripts named
 * {@code V<n>__<what>.sql} in {@code org/crosscheck/store/sqlite} on the class path, each run once
 * and in order, recorded in the table {@code schema_history}. A schema change is a new script;
 * nothing else edits the schema.
 *
 * <p>A store written before the migrations had a history (its version in {@code PRAGMA
 * user_version}, 1 to 9) is baselined at version 0 and given every script, which are written to
 * run over any of those earlier schemas. A store whose history holds a migration this version does
 * not know was written by a newer Crosscheck and is refused, unchanged.
 */
final class SchemaMigrations {
  /** The migrations' place on the class path. */
  static final String LOCATION = "classpath:org/crosscheck/store/sqlite";
  /** The table in which Flyway records the migrations run. */
  static final String HISTORY_TABLE = "schema_history";
  /**
   * What {@code PRAGMA user_version} says once the migrations keep the schema: higher than any
   * version before them, so that an older Crosscheck, which reads only that number, refuses the store.
   */
  static final int MIGRATED_USER_VERSION = 10;
  /**
   * The version of the newest migration script, so that opening a store that has it (the usual
   * case) costs one query instead of Flyway's scan of the class path; a test keeps it equal to the
   * scripts'.
   */
  static final int LATEST = 2;

  private SchemaMigrations() {}

  /**
   * Brings the store's schema up to date.
   *
   * @param url the JDBC URL of the database
   * @param config the connection settings the store uses (busy timeout, transaction mode)
   * @param dir the data directory, for messages
   * @throws StoreException when a migration fails (it is rolled back) or the store is newer than this version
   */
  static void migrate(String url, SQLiteConfig config, Path dir) {
    if (upToDate(url, config)) {
      return;
    }
    Flyway flyway = flyway(url, config, false);
    try {
      refuseNewer(flyway, dir);
      flyway.migrate();
    } catch (FlywayException e) {
      throw failure("cannot bring the schema of the store in " + dir + " up to date", e);
    }
  }

  /**
   * Checks that a store opened for reading is of a schema this version reads.
   *
   * @param url the JDBC URL of the database, read-only
   * @param config the connection settings
   * @param dir the data directory, for messages
   * @throws StoreException when the store has a migration this version does not know
   */
  static void checkReadable(String url, SQLiteConfig config, Path dir) {
    if (upToDate(url, config)) {
      return;
    }
    try {
      refuseNewer(flyway(url, config, true), dir);
    } catch (FlywayException e) {
      throw failure("cannot read the schema history of the store in " + dir, e);
    }
  }

  /** @return the version of the newest migration this version of Crosscheck has */
  static String latestVersion() {
    MigrationInfo[] all = flyway("jdbc:sqlite::memory:", new SQLiteConfig(), false).info().all();
    return all.length == 0 ? "0" : all[all.length - 1].getVersion().getVersion();
  }

  /** @return whether the store's history ends, successfully, with the newest migration */
  private static boolean upToDate(String url, SQLiteConfig config) {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, config.toProperties());
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT version, success FROM " + HISTORY_TABLE
            + " ORDER BY installed_rank DESC LIMIT 1")) {
      return rs.next() && rs.getBoolean(2) && String.valueOf(LATEST).equals(rs.getString(1));
    } catch (SQLException e) {
      return false; // no history yet, or unreadable: Flyway looks and says
    }
  }

  private static Flyway flyway(String url, SQLiteConfig config, boolean readOnly) {
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl(url);
    return Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(source)
        .locations(LOCATION)
        .table(HISTORY_TABLE)
        .baselineOnMigrate(!readOnly)
        .baselineVersion("0")
        .baselineDescription("store written before versioned migrations")
        .createSchemas(false)
        .load();
  }

  private static void refuseNewer(Flyway flyway, Path dir) {
    MigrationInfo[] future = Arrays.stream(flyway.info().applied())
        .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
        .toArray(MigrationInfo[]::new);
    if (future.length > 0) {
      throw new StoreException("the store in " + dir + " has schema version "
          + future[future.length - 1].getVersion() + " (migrations "
          + Arrays.stream(future).map(m -> m.getVersion() + " " + m.getDescription()).collect(Collectors.joining(", "))
          + "), written by a newer Crosscheck; this version reads up to " + latestVersion());
    }
  }

  private static StoreException failure(String what, FlywayException e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof SQLException)) {
      cause = cause.getCause();
    }
    String why = cause instanceof SQLException sql ? sql.getMessage() : e.getMessage();
    return new StoreException(what + ": " + why, e);
  }
}
