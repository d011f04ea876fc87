package org.crosscheck.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolitenessTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
  private final List<Duration> slept = new ArrayList<>();
  private final Politeness politeness = new Politeness(clock, d -> {
    slept.add(d);
    clock.advance(d);
  });

  @Test
  void requestsToOneHostAreSpacedAndOtherHostsAreNot() {
    URI a = URI.create("https://a.example/feed");
    politeness.call(a, Duration.ofSeconds(2), () -> "first");
    politeness.call(URI.create("https://b.example/feed"), Duration.ofSeconds(2), () -> "other host");
    clock.advance(Duration.ofMillis(500));
    politeness.call(URI.create("https://A.example:443/other"), Duration.ofSeconds(2), () -> "same host");
    assertThat(slept).containsExactly(Duration.ofMillis(1500));
  }

  @Test
  void aHostThatAskedForALongPauseIsDeferredNotWaitedFor() {
    URI a = URI.create("https://a.example/feed");
    Instant until = clock.instant().plus(Duration.ofHours(1));
    politeness.defer(a, until);
    assertThatThrownBy(() -> politeness.call(a, Duration.ZERO, () -> "x"))
        .isInstanceOfSatisfying(Politeness.Deferred.class, d -> assertThat(d.until).isEqualTo(until));
    politeness.defer(a, clock.instant().plusSeconds(10)); // earlier: the later time stays
    clock.set(until);
    assertThat(politeness.call(a, Duration.ZERO, () -> "after")).isEqualTo("after");
    assertThat(slept).isEmpty();
  }
}
