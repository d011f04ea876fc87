package org.crosscheck.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crosscheck.SharedData;
import org.junit.jupiter.api.Test;

/** Accuracy guards: floors a little below what the clusterer reaches on the development data. */
class StoryClustererEvaluatorTest {
  @Test
  void clustersEcbPlusAboveItsFloorAlsoShuffled() {
    var r = StoryClustererEvaluator.evaluate(List.of(SharedData.path("ecbplus-train-dev.jsonl")), null);
    assertThat(r.scores().items()).isEqualTo(772);
    assertThat(r.scores().goldClusters()).isEqualTo(66);
    assertThat(r.scores().bcubedF1()).as("BCubed F1 on ecbplus-train-dev").isGreaterThanOrEqualTo(0.94);
    var shuffled = StoryClustererEvaluator.evaluate(List.of(SharedData.path("ecbplus-train-dev.jsonl")), 1L);
    assertThat(shuffled.scores().bcubedF1()).as("BCubed F1 on ecbplus-train-dev, shuffled").isGreaterThanOrEqualTo(0.93);
  }

  @Test
  void clustersBasilAboveItsFloorAlsoShuffled() {
    var inOrder = StoryClustererEvaluator.evaluate(List.of(SharedData.path("basil-2010-2016.jsonl")), null);
    assertThat(inOrder.scores().bcubedF1()).as("BCubed F1 on basil").isGreaterThanOrEqualTo(0.99);
    var shuffled = StoryClustererEvaluator.evaluate(List.of(SharedData.path("basil-2010-2016.jsonl")), 1L);
    assertThat(shuffled.scores().bcubedF1()).as("BCubed F1 on basil, shuffled").isGreaterThanOrEqualTo(0.985);
  }

  @Test
  void clustersTheLocalNewsStreamAboveItsFloorAlsoShuffled() {
    var inOrder = StoryClustererEvaluator.evaluate(List.of(SharedData.path("gva-2013-2015.jsonl")), null);
    assertThat(inOrder.notArticles()).as("crawled stubs kept out of stories").isBetween(70L, 90L);
    assertThat(inOrder.scores().bcubedF1()).as("BCubed F1 on gva").isGreaterThanOrEqualTo(0.915);
    assertThat(inOrder.scores().pairwiseF1()).as("pairwise F1 on gva").isGreaterThanOrEqualTo(0.77);
    var shuffled = StoryClustererEvaluator.evaluate(List.of(SharedData.path("gva-2013-2015.jsonl")), 1L);
    assertThat(shuffled.scores().bcubedF1()).as("BCubed F1 on gva, shuffled").isGreaterThanOrEqualTo(0.91);
    // in this order a story whose articles were dated weeks apart took in other shootings dated between them
    // (pairwise F1 0.445) until articles were measured against the nearest day of a story, not its date range
    var runaway = StoryClustererEvaluator.evaluate(List.of(SharedData.path("gva-2013-2015.jsonl")), 2L);
    assertThat(runaway.scores().pairwiseF1()).as("pairwise F1 on gva, shuffled with seed 2").isGreaterThanOrEqualTo(0.75);
    assertThat(Math.abs(runaway.scores().bcubedF1() - inOrder.scores().bcubedF1())).isLessThan(0.02);
    assertThat(inOrder.scores().largestGold()).isEqualTo(12);
    for (var r : List.of(inOrder, shuffled, runaway)) {
      assertThat(r.scores().largestPredicted()).as("largest story, at most 3 times the largest gold story")
          .isLessThanOrEqualTo(3 * r.scores().largestGold());
    }
  }

  @Test
  void theFiveSeedReportsFormOneStory() throws Exception {
    var store = org.crosscheck.store.Store.inMemory();
    org.crosscheck.pipeline.Pipeline.builder().store(store).buildIngestor()
        .ingest(List.of(SharedData.path("seeds").toString()), new org.crosscheck.pipeline.IngestListener() {});
    assertThat(store.allAssignments()).hasSize(5);
    assertThat(java.util.Set.copyOf(store.allAssignments().values())).hasSize(1);
  }
}
