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
}
