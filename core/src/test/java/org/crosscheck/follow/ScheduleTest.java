package org.crosscheck.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private final FollowSettings settings = FollowSettings.defaults();
  private final Schedule schedule = new Schedule(settings, new Random(1));
  private final Instant now = Instant.parse("2026-03-01T08:00:00Z");

  @Test
  void theIntervalHalvesWhenThereIsSomethingNewAndGrowsWhenNot() {
    assertThat(schedule.adapted(Duration.ofMinutes(30), 4)).isEqualTo(Duration.ofMinutes(15));
    assertThat(schedule.adapted(Duration.ofMinutes(30), 0)).isEqualTo(Duration.ofMinutes(45));
    assertThat(schedule.adapted(Duration.ofMinutes(6), 1)).isEqualTo(settings.minInterval());
    assertThat(schedule.adapted(Duration.ofMinutes(100), 0)).isEqualTo(settings.maxInterval());
  }

  @Test
  void backoffDoublesWithJitterUpToItsCap() {
    for (int failures = 1; failures <= 12; failures++) {
      Duration full = Duration.ofMinutes(30).multipliedBy(1L << Math.min(failures - 1, 10));
      Duration cap = full.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : full;
      assertThat(schedule.backoff(Duration.ofMinutes(30), failures)).isBetween(cap.dividedBy(2), cap);
    }
  }

  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
    assertThat(Schedule.retryAfter("120", now)).isEqualTo(now.plusSeconds(120));
    assertThat(Schedule.retryAfter("Sun, 01 Mar 2026 09:30:00 GMT", now)).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
    assertThat(Schedule.retryAfter("99999999999", now)).isEqualTo(now.plus(Duration.ofDays(7)));
    assertThat(Schedule.retryAfter("soon", now)).isNull();
    assertThat(Schedule.retryAfter(null, now)).isNull();
  }

  @Test
  void robotsRulesAreMatchedAgainstTheFirstWordOfTheUserAgent() {
    assertThat(settings.robotName()).isEqualTo("crosscheck");
  }
}
