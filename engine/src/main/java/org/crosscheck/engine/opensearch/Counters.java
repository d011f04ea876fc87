package org.crosscheck.engine.opensearch;

import static org.crosscheck.engine.opensearch.OpenSearchClient.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Numbers that only grow, one document each in the counters index, advanced with optimistic
 * concurrency control ({@code if_seq_no} and {@code if_primary_term}), so that two writers never
 * get the same number. Counters are written at once, outside transactions: a failed transaction
 * leaves a gap. Thread-safe.
 */
final class Counters {
  /** The counters. */
  enum Counter {
    /** Articles in storing order. */
    ARTICLES,
    /** Sketch numbers. */
    SKETCHES,
    /** Story assignments, in assignment order. */
    ASSIGNMENTS,
    /** Story ids. */
    STORIES,
    /** Merges and splits. */
    STORY_CHANGES,
    /** Registered outlets and aliases, in registering order. */
    OUTLETS,
    /** Followed sources' ids. */
    FOLLOWED,
    /** Watches' ids. */
    WATCHES,
    /** Alerts' ids. */
    ALERTS,
    /** Webhooks' ids. */
    WEBHOOKS,
    /** Changes of story membership, advanced after they are written. */
    STORIES_VERSION,
    /** Changes of the outlet registry, advanced after they are written. */
    OUTLETS_VERSION;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Tries before giving up when other writers keep advancing a counter first. */
  private static final int TRIES = 1_000;

  private final OpenSearchClient client;
  private final String index;

  Counters(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /**
   * Takes the next {@code n} numbers of a counter.
   *
   * @return the last of them; the first is this minus {@code n} plus 1
   */
  long next(Counter counter, long n) {
    String what = "advance the counter " + counter.id();
    for (int i = 0; i < TRIES; i++) {
      OpenSearchClient.Answer current = client.send("GET", "/" + index + "/_doc/" + counter.id(), null, what, 404);
      JsonNode doc = current.body();
      long value = (doc.path("found").asBoolean() ? doc.path("_source").path("value").asLong() : 0) + n;
      String body = JSON.createObjectNode().put("value", value).toString();
      String endpoint = doc.path("found").asBoolean()
          ? "/" + index + "/_doc/" + counter.id() + "?if_seq_no=" + doc.path("_seq_no").asLong() + "&if_primary_term="
              + doc.path("_primary_term").asLong()
          : "/" + index + "/_create/" + counter.id();
      if (client.send("PUT", endpoint, body, what, 409).status() != 409) {
        return value;
      }
    }
    throw client.failure(what, "other writers advanced it first " + TRIES + " times in a row", null);
  }

  /** @return the counter's last number, 0 when none was taken */
  long value(Counter counter) {
    JsonNode doc = client.send("GET", "/" + index + "/_doc/" + counter.id(), null, "read the counter " + counter.id(),
        404).body();
    return doc.path("_source").path("value").asLong(0);
  }
}
