package org.crosscheck.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.AlertStore;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;

class AlertScheduleTest {
  @Test
  void runsRoundsWhileAnythingIsWatchedAndGoesOnAfterARoundFails() throws Exception {
    Store store = Store.inMemory();
    Alerting alerting = Pipeline.builder().store(store).buildAlerting();
    AtomicInteger asked = new AtomicInteger();
    CountDownLatch threeRounds = new CountDownLatch(3);
    try (AlertSchedule schedule = new AlertSchedule(alerting, () -> {
      threeRounds.countDown();
      if (asked.incrementAndGet() == 1) {
        throw new IllegalStateException("the store is gone");
      }
      return !store.watches().isEmpty();
    }, Duration.ofMillis(20))) {
      assertThat(threeRounds.await(10, TimeUnit.SECONDS)).as("rounds after a failed one").isTrue();
      // a watch of a story the store does not have raises nothing, and the round says nothing is wrong
      store.addWatch(AlertStore.Watch.Kind.STORY, "s-9");
      schedule.round();
      assertThat(store.alerts(0, 10)).isEmpty();
    }
    int after = asked.get();
    Thread.sleep(100);
    assertThat(asked.get()).as("no round after closing").isLessThanOrEqualTo(after + 1);
  }
}
