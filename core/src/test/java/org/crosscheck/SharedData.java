package org.crosscheck;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared labelled data that tests read in place ({@code ../shared/data} beside the checkout). */
public final class SharedData {
  private SharedData() {}

  /**
   * @param relative a path inside the shared data folder
   * @return the path; fails the test with a clear message when the folder is missing
   */
  public static Path path(String relative) {
    Path root = Path.of(System.getProperty("crosscheck.sharedData", "../shared/data")).toAbsolutePath().normalize();
    Path p = root.resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException("test data " + p + " is missing: the tests read the shared data from "
          + root + " (set -Dcrosscheck.sharedData=DIR to point elsewhere)");
    }
    return p;
  }

  /** @return the seed story's five article files, in name order (the order the demo ingests them) */
  public static java.util.List<String> seedFiles() {
    try (java.util.stream.Stream<Path> files = Files.list(path("seeds"))) {
      return files.map(Path::toString).filter(f -> f.endsWith(".txt")).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot list the seed story's files", e);
    }
  }
}
