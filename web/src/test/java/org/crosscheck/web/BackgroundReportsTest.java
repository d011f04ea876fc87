package org.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crosscheck.model.Story;
import org.crosscheck.model.StoryId;
import org.junit.jupiter.api.Test;

class BackgroundReportsTest {
  private static Story story(String id) {
    return new Story(new StoryId(id), "Story " + id, List.of(), List.of(), 0, null, null);
  }

  @Test
  void aStoryWhoseReportFailsIsLoggedWithItsIdAndTheOthersAreStillBuilt() throws Exception {
    List<String> built = new CopyOnWriteArrayList<>();
    BackgroundReports background = new BackgroundReports(() -> List.of(story("s-1"), story("s-2"), story("s-3")), s -> {
      if (s.id().value().equals("s-2")) {
        throw new IllegalStateException("the analyzer ran out of memory");
      }
      built.add(s.id().value());
    });
    try (LogCapture log = new LogCapture(BackgroundReports.class)) {
      background.start().join(60_000);
      assertThat(built).containsExactly("s-1", "s-3");
      assertThat(background.built()).isEqualTo(2);
      assertThat(background.failed()).isEqualTo(1);
      assertThat(log.events()).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement().satisfies(e -> {
        assertThat(e.getFormattedMessage()).contains("s-2", "the analyzer ran out of memory");
        assertThat(e.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
      });
    }
  }

  @Test
  void closingStopsTheBuildsBeforeTheNextStory() throws Exception {
    List<String> built = new CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    BackgroundReports background = new BackgroundReports(() -> List.of(story("s-1"), story("s-2")), s -> {
      built.add(s.id().value());
      first.countDown();
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Thread t = background.start();
    first.await();
    background.close();
    closed.countDown();
    t.join(60_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(built).containsExactly("s-1");
  }
}
