package org.crosscheck.cli;

import java.nio.file.Path;
import org.crosscheck.store.Store;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option every store-using subcommand shares. */
final class DataOptions {
  /** Environment variable naming the data directory when {@code --data} is not given. */
  static final String ENV = "CROSSCHECK_DATA";
  /** The data directory used when neither {@code --data} nor the environment says otherwise. */
  static final String DEFAULT_DIR = "crosscheck-data";

  @Option(names = "--data", paramLabel = "DIR",
      description = "Data directory of the store (default: $" + ENV + ", else ./" + DEFAULT_DIR + ").")
  Path data;

  /** @return the data directory in force */
  Path directory() {
    if (data != null) {
      return data;
    }
    String env = System.getenv(ENV);
    return Path.of(env != null && !env.isBlank() ? env : DEFAULT_DIR);
  }

  /** @return the store, opened for reading and writing */
  Store openForWriting() {
    return Store.open(directory());
  }
}
