package org.crosscheck.store;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions over what a store holds, shared by the tests of every package that writes one. */
public final class StoreAssertions {
  private StoreAssertions() {}

  /**
   * Fails unless every stored article is in a story and has been seen by duplicate detection.
   *
   * @param store the store, after a run (or after a killed run and a reopening)
   */
  public static <S extends StoryStore & SketchStore> void assertEveryArticleFinished(S store) {
    assertThat(store.unassigned()).as("stored articles outside any story").isEmpty();
    assertThat(store.uncheckedForDuplicates()).as("stored articles outside duplicate detection").isEmpty();
  }
}
