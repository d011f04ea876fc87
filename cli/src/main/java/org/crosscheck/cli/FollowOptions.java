package org.crosscheck.cli;

import java.time.Duration;
import org.crosscheck.follow.FollowSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How sources are polled: the options {@code watch}, {@code serve --watch} and {@code follow add} share. */
final class FollowOptions {
  @Option(names = "--contact", paramLabel = "URL|EMAIL", description = "Added to the User-Agent so that publishers can"
      + " reach whoever runs the watcher, e.g. https://newsroom.example/bot or ops@newsroom.example.")
  String contact;

  @Option(names = "--host-interval", paramLabel = "SECONDS", defaultValue = "2", description = "Least time between two"
      + " requests to one host; a longer Crawl-delay in robots.txt wins (default: ${DEFAULT-VALUE}).")
  double hostIntervalSeconds;

  @Option(names = "--min-interval", paramLabel = "MINUTES", defaultValue = "5", description = "Shortest polling"
      + " interval, for sources that publish often (default: ${DEFAULT-VALUE}).")
  double minIntervalMinutes;

  @Option(names = "--max-interval", paramLabel = "MINUTES", defaultValue = "120", description = "Longest polling"
      + " interval, for quiet sources (default: ${DEFAULT-VALUE}).")
  double maxIntervalMinutes;

  @Option(names = "--fetch-full-text", description = "For feed items that carry only a summary, fetch the linked page"
      + " (as politely as the feeds; at most 50 per poll of a source).")
  boolean fetchFullText;

  /**
   * @return the settings these options give
   * @throws ParameterException naming the option and the bad value
   */
  FollowSettings settings(CommandSpec spec) {
    if (!(hostIntervalSeconds >= 0)) {
      throw new ParameterException(spec.commandLine(), "--host-interval must be 0 or more seconds, was "
          + hostIntervalSeconds);
    }
    if (!(minIntervalMinutes > 0) || !(maxIntervalMinutes >= minIntervalMinutes)) {
      throw new ParameterException(spec.commandLine(), "--min-interval must be positive and at most --max-interval,"
          + " was " + minIntervalMinutes + " and " + maxIntervalMinutes);
    }
    Duration min = minutes(minIntervalMinutes);
    Duration max = minutes(maxIntervalMinutes);
    Duration initial = Duration.ofMinutes(30);
    initial = initial.compareTo(min) < 0 ? min : initial.compareTo(max) > 0 ? max : initial;
    FollowSettings s = FollowSettings.defaults()
        .withHostInterval(Duration.ofMillis(Math.round(hostIntervalSeconds * 1000)))
        .withIntervals(min, max, initial)
        .withFetchFullText(fetchFullText);
    if (contact != null && !contact.isBlank()) {
      String c = contact.strip().replaceAll("[\\p{Cntrl}()]", "");
      s = s.withUserAgent(FollowSettings.USER_AGENT.substring(0, FollowSettings.USER_AGENT.length() - 1) + "; +" + c
          + ")");
    }
    return s;
  }

  private static Duration minutes(double m) {
    return Duration.ofMillis(Math.round(m * 60_000));
  }
}
