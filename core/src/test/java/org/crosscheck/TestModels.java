package org.crosscheck;

import org.crosscheck.analysis.Models;

/** The language models the tests share: one test JVM loads each once, on first use. */
public final class TestModels {
  /** The standard models. */
  public static final Models STANDARD = Models.standard();

  private TestModels() {}
}
