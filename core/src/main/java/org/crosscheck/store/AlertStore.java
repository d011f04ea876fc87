package org.crosscheck.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Watches (saved searches, followed stories and speakers), the alerts they raised, and the webhooks
 * alerts are delivered to, with each delivery's attempts. An alert is recorded once per watch, story
 * and key, so checking again never raises it twice; a delivery is made for each webhook registered
 * before its alert. Thread-safe.
 */
public interface AlertStore {

  /**
   * @param kind what is watched
   * @param value the query, entity, outlet, story id or speaker
   * @return the watch, with its id; the existing one when the same kind and value are watched already
   */
  Watch addWatch(Watch.Kind kind, String value);

  /** @return every watch, in the order they were added */
  List<Watch> watches();

  /**
   * @param id a watch id
   * @return the watch, or empty
   */
  default Optional<Watch> watch(long id) {
    return watches().stream().filter(w -> w.id() == id).findFirst();
  }

  /**
   * Removes a watch; its alerts stay.
   *
   * @param id the watch's id
   * @return whether there was one
   */
  boolean removeWatch(long id);

  /**
   * Records an alert unless its watch already has one of the same story and key, and makes its deliveries.
   *
   * @param watch the watch that raised it
   * @param story the story it is about
   * @param kind {@code new-story}, {@code new-conflict}, {@code new-outlet} or {@code new-quote}
   * @param key what makes it the same event again (a conflict's kind and values, an outlet's name, a quote's span)
   * @param title one line saying what happened
   * @param json the event's content as JSON (the cited item), as webhooks receive it
   * @param at when it was raised
   * @return the alert, or empty when it was raised before
   */
  Optional<Alert> addAlert(long watch, String story, String kind, String key, String title, String json, Instant at);

  /**
   * @param watch a watch id, or 0 for every watch's
   * @param limit the most to return
   * @return alerts, newest first
   */
  List<Alert> alerts(long watch, int limit);

  /**
   * @param id an alert id
   * @return the alert, or empty when there is none of that id
   */
  Optional<Alert> alert(long id);

  /**
   * @param url where to POST alerts
   * @param secret the HMAC-SHA256 key the bodies are signed with
   * @return the webhook, with its id; the existing one (its secret replaced) when the URL is registered already
   */
  Webhook addWebhook(String url, String secret);

  /** @return every webhook, in the order they were added */
  List<Webhook> webhooks();

  /**
   * Removes a webhook and its pending deliveries.
   *
   * @param id the webhook's id
   * @return whether there was one
   */
  boolean removeWebhook(long id);

  /**
   * @param now the time
   * @param limit the most to return
   * @return deliveries neither made nor given up whose next attempt is due, the oldest alert first
   */
  List<Delivery> dueDeliveries(Instant now, int limit);

  /**
   * Records an attempt of a delivery.
   *
   * @param webhook the webhook
   * @param alert the alert
   * @param delivered whether the receiver took it (a 2xx answer)
   * @param error why it failed, or {@code null}
   * @param nextAttempt when to try again, or {@code null} to give up (or when delivered)
   */
  void recordAttempt(long webhook, long alert, boolean delivered, @Nullable String error, @Nullable Instant nextAttempt);

  /**
   * @param webhook a webhook id, or 0 for every webhook's
   * @return every delivery, the oldest alert first
   */
  List<Delivery> deliveries(long webhook);

  /**
   * Something watched.
   *
   * @param id its id
   * @param kind what kind of thing
   * @param value the query, entity, outlet, story id or speaker
   * @param createdAt when it was added: changes before then do not raise alerts
   */
  record Watch(long id, Kind kind, String value, Instant createdAt) {
    public Watch {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(createdAt, "createdAt");
    }

    /** What a watch follows. */
    public enum Kind {
      /** stories whose articles or report match a search query */
      WORDS,
      /** stories that mention an entity (a person, place, organisation) */
      ENTITY,
      /** stories an outlet reports */
      OUTLET,
      /** one story */
      STORY,
      /** quotes by a speaker, in any story */
      SPEAKER;

      /** @return the kind as written in commands and the API: {@code words}, {@code story} */
      public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
      }

      /**
       * @param label a kind's label
       * @return the kind
       * @throws IllegalArgumentException naming the kinds when there is none of that label
       */
      public static Kind of(String label) {
        for (Kind k : values()) {
          if (k.label().equals(label.strip().toLowerCase(java.util.Locale.ROOT))) {
            return k;
          }
        }
        throw new IllegalArgumentException("no watch kind '" + label + "'; the kinds are words, entity, outlet, story"
            + " and speaker");
      }
    }

    /** @return the watch in words: {@code words "harbour bridge"}, {@code story s-4} */
    public String describe() {
      return kind.label() + " " + (kind == Kind.STORY ? value : "\"" + value + "\"");
    }
  }

  /**
   * An event a watch raised.
   *
   * @param id its id, increasing
   * @param watch the watch's id
   * @param story the story's id
   * @param kind {@code new-story}, {@code new-conflict}, {@code new-outlet} or {@code new-quote}
   * @param key what makes it the same event
   * @param title one line saying what happened
   * @param json its content as JSON
   * @param createdAt when it was raised
   */
  record Alert(long id, long watch, String story, String kind, String key, String title, String json,
      Instant createdAt) {}

  /**
   * Where alerts are POSTed.
   *
   * @param id its id
   * @param url the receiver's URL
   * @param secret the HMAC-SHA256 key
   * @param createdAt when it was registered: only later alerts are delivered to it
   */
  record Webhook(long id, String url, String secret, Instant createdAt) {
    /** Keeps the secret out of logs and messages. */
    @Override
    public String toString() {
      return "Webhook[" + id + " " + url + "]";
    }
  }

  /**
   * One alert's delivery to one webhook.
   *
   * @param webhook the webhook's id
   * @param alert the alert's id
   * @param attempts attempts made
   * @param nextAttempt when the next is due, or {@code null} when delivered or given up
   * @param deliveredAt when the receiver took it, or {@code null}
   * @param lastError why the last attempt failed, or {@code null}
   */
  record Delivery(long webhook, long alert, int attempts, @Nullable Instant nextAttempt, @Nullable Instant deliveredAt,
      @Nullable String lastError) {}
}
