package org.crosscheck.cli;

import java.util.Optional;
import org.crosscheck.store.Store;
import picocli.CommandLine.Option;

/** The {@code --data DIR|URI} option every store-using subcommand shares. */
final class DataOptions {
  /** Environment variable naming the data directory when {@code --data} is not given. */
  static final String ENV = "CROSSCHECK_DATA";
  /** The data directory used when neither {@code --data} nor the environment says otherwise. */
  static final String DEFAULT_DIR = "crosscheck-data";

  @Option(names = "--data", paramLabel = "DIR|URI",
      description = {"Data directory of the store (default: $" + ENV + ", else ./" + DEFAULT_DIR + "),",
          "or the URI of a distributed engine's store (opensearch://HOST:9200/PREFIX)."})
  String data;

  /** @return the data directory or store URI in force */
  String location() {
    if (data != null) {
      return data;
    }
    String env = System.getenv(ENV);
    return env != null && !env.isBlank() ? env : DEFAULT_DIR;
  }

  /** @return the store, opened for reading and writing */
  Store openForWriting() {
    return Store.open(location());
  }

  /** @return the store, opened for reading, or empty when there is none there yet */
  Optional<Store> openForReading() {
    return Store.openForReading(location());
  }

  /**
   * @param spec the command, whose error stream gets the message
   * @return whether there is a store there; when not, says so ("no store in DIR; ingest articles first")
   */
  boolean exists(picocli.CommandLine.Model.CommandSpec spec) {
    Optional<Store> opened = openForReading();
    if (opened.isEmpty()) {
      spec.commandLine().getErr().println("crosscheck: no store in " + location() + "; ingest articles first");
      return false;
    }
    opened.get().close();
    return true;
  }
}
