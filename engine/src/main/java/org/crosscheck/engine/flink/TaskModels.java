package org.crosscheck.engine.flink;

import org.crosscheck.analysis.Models;

/**
 * The language models of one Flink task manager: operators are shipped to the workers serialized
 * and the models are not (CoreNLP takes 14 to 20 s and 1.5 GB to load), so every operator instance
 * in a worker's JVM takes them from here, and each worker loads them once, on first use.
 */
public final class TaskModels {
  private static final Models SHARED = Models.standard();

  private TaskModels() {}

  /** @return the standard models, shared by the operators of this JVM (and a local run's warm-up) */
  public static Models shared() {
    return SHARED;
  }
}
