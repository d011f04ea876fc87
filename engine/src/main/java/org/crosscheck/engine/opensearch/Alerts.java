package org.crosscheck.engine.opensearch;

import static org.crosscheck.engine.opensearch.OpenSearchClient.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crosscheck.engine.opensearch.Counters.Counter;
import org.crosscheck.store.AlertStore.Alert;
import org.crosscheck.store.AlertStore.Delivery;
import org.crosscheck.store.AlertStore.Watch;
import org.crosscheck.store.AlertStore.Webhook;
import org.jspecify.annotations.Nullable;

/**
 * The watches, alerts, webhooks and deliveries of an {@link OpenSearchStore}, each numbered by a
 * counter; a delivery is keyed by webhook and alert. Not thread-safe: the store serializes its calls.
 */
final class Alerts {
  private final Documents docs;
  private final Counters counters;

  Alerts(Documents docs, Counters counters) {
    this.docs = docs;
    this.counters = counters;
  }

  /** @see org.crosscheck.store.AlertStore#addWatch */
  Watch addWatch(Watch.Kind kind, String value) {
    Optional<Watch> existing = watches().stream().filter(w -> w.kind() == kind && w.value().equals(value)).findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    Watch w = new Watch(counters.next(Counter.WATCHES, 1), kind, value, Instant.now());
    docs.put(Index.WATCHES, Long.toString(w.id()), JSON.createObjectNode().put("id", w.id()).put("kind", kind.name())
        .put("value", value).put("created_at", w.createdAt().toString()));
    return w;
  }

  List<Watch> watches() {
    return docs.search(Index.WATCHES, Filter.all(), Long.MAX_VALUE).stream().map(d -> d.source())
        .map(s -> new Watch(s.path("id").asLong(), Watch.Kind.valueOf(s.path("kind").asText()), s.path("value").asText(),
            Instant.parse(s.path("created_at").asText())))
        .toList();
  }

  boolean removeWatch(long id) {
    if (docs.get(Index.WATCHES, Long.toString(id)).isEmpty()) {
      return false;
    }
    docs.delete(Index.WATCHES, Long.toString(id));
    return true;
  }

  Optional<Alert> addAlert(long watch, String story, String kind, String key, String title, String json, Instant at) {
    String docId = Documents.id(watch, story, key);
    if (docs.get(Index.ALERTS, docId).isPresent()) {
      return Optional.empty();
    }
    Alert a = new Alert(counters.next(Counter.ALERTS, 1), watch, story, kind, key, title, json, at);
    docs.inTransaction(() -> {
      // every document's "key" field is its id; the alert's own key is "alert_key"
      docs.put(Index.ALERTS, docId, JSON.createObjectNode().put("id", a.id()).put("watch", watch).put("story", story)
          .put("kind", kind).put("title", title).put("json", json).put("created_at", at.toString())
          .put("alert_key", key));
      for (Webhook h : webhooks()) {
        if (!h.createdAt().isAfter(at)) {
          docs.put(Index.DELIVERIES, Documents.id(h.id(), a.id()), delivery(new Delivery(h.id(), a.id(), 0, at, null,
              null)));
        }
      }
    });
    return Optional.of(a);
  }

  List<Alert> alerts(long watch, int limit) {
    Filter f = watch == 0 ? Filter.all() : Filter.term("watch", watch);
    return docs.search(Index.ALERTS, f, Long.MAX_VALUE).stream().map(d -> alert(d.source()))
        .sorted(Comparator.comparingLong(Alert::id).reversed()).limit(limit).toList();
  }

  Optional<Alert> alert(long id) {
    return docs.search(Index.ALERTS, Filter.term("id", id), 1).stream().map(d -> alert(d.source())).findFirst();
  }

  private static Alert alert(JsonNode s) {
    return new Alert(s.path("id").asLong(), s.path("watch").asLong(), s.path("story").asText(), s.path("kind").asText(),
        s.path("alert_key").asText(), s.path("title").asText(), s.path("json").asText(),
        Instant.parse(s.path("created_at").asText()));
  }

  Webhook addWebhook(String url, String secret) {
    Optional<Webhook> existing = webhooks().stream().filter(h -> h.url().equals(url)).findFirst();
    Webhook h = existing.map(e -> new Webhook(e.id(), url, secret, e.createdAt()))
        .orElseGet(() -> new Webhook(counters.next(Counter.WEBHOOKS, 1), url, secret, Instant.now()));
    docs.put(Index.WEBHOOKS, Long.toString(h.id()), JSON.createObjectNode().put("id", h.id()).put("url", url)
        .put("secret", secret).put("created_at", h.createdAt().toString()));
    return h;
  }

  List<Webhook> webhooks() {
    return docs.search(Index.WEBHOOKS, Filter.all(), Long.MAX_VALUE).stream().map(d -> d.source())
        .map(s -> new Webhook(s.path("id").asLong(), s.path("url").asText(), s.path("secret").asText(),
            Instant.parse(s.path("created_at").asText())))
        .toList();
  }

  boolean removeWebhook(long id) {
    if (docs.get(Index.WEBHOOKS, Long.toString(id)).isEmpty()) {
      return false;
    }
    docs.inTransaction(() -> {
      for (Delivery d : deliveries(id)) {
        if (d.deliveredAt() == null) {
          docs.delete(Index.DELIVERIES, Documents.id(d.webhook(), d.alert()));
        }
      }
      docs.delete(Index.WEBHOOKS, Long.toString(id));
    });
    return true;
  }

  List<Delivery> dueDeliveries(Instant now, int limit) {
    return docs.search(Index.DELIVERIES, Filter.all(), Long.MAX_VALUE).stream().map(d -> delivery(d.source()))
        .filter(d -> d.nextAttempt() != null && !d.nextAttempt().isAfter(now)).limit(limit).toList();
  }

  List<Delivery> deliveries(long webhook) {
    Filter f = webhook == 0 ? Filter.all() : Filter.term("webhook", webhook);
    return docs.search(Index.DELIVERIES, f, Long.MAX_VALUE).stream().map(d -> delivery(d.source())).toList();
  }

  void recordAttempt(long webhook, long alert, boolean delivered, @Nullable String error, @Nullable Instant next) {
    String id = Documents.id(webhook, alert);
    docs.get(Index.DELIVERIES, id).ifPresent(s -> {
      Delivery d = delivery(s);
      docs.put(Index.DELIVERIES, id, delivery(new Delivery(webhook, alert, d.attempts() + 1, delivered ? null : next,
          delivered ? Instant.now() : null, delivered ? null : error)));
    });
  }

  private static ObjectNode delivery(Delivery d) {
    ObjectNode n = JSON.createObjectNode().put("webhook", d.webhook()).put("alert", d.alert())
        .put("attempts", d.attempts());
    if (d.nextAttempt() != null) {
      n.put("next_attempt", d.nextAttempt().toEpochMilli());
    }
    if (d.deliveredAt() != null) {
      n.put("delivered_at", d.deliveredAt().toString());
    }
    if (d.lastError() != null) {
      n.put("last_error", d.lastError());
    }
    return n;
  }

  private static Delivery delivery(JsonNode s) {
    return new Delivery(s.path("webhook").asLong(), s.path("alert").asLong(), s.path("attempts").asInt(),
        s.hasNonNull("next_attempt") ? Instant.ofEpochMilli(s.path("next_attempt").asLong()) : null,
        s.hasNonNull("delivered_at") ? Instant.parse(s.path("delivered_at").asText()) : null,
        s.hasNonNull("last_error") ? s.path("last_error").asText() : null);
  }
}
