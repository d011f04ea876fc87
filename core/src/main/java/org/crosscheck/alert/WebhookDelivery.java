package org.crosscheck.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.crosscheck.ingest.HttpFetcher;
import org.crosscheck.ingest.IngestException;
import org.crosscheck.store.AlertStore;
import org.crosscheck.store.AlertStore.Alert;
import org.crosscheck.store.AlertStore.Delivery;
import org.crosscheck.store.AlertStore.Webhook;

/**
 * Delivers alerts to webhooks: a JSON POST per alert and webhook, signed with the webhook's secret
 * (HMAC-SHA256 of the body, hex, in {@value #SIGNATURE_HEADER} as {@code sha256=...}), through the
 * fetcher and so through its URL policy. A receiver takes a delivery by answering 2xx; any other
 * answer, or none, is retried with exponential backoff ({@code backoff}, twice that, four times...)
 * and given up after {@code maxAttempts}. A delivered alert is never sent to that webhook again; the
 * alert's id, in {@value #EVENT_HEADER}, lets a receiver drop a repeat should the process stop
 * between a receiver's answer and its record. Not thread-safe; the store is.
 */
public final class WebhookDelivery {
  /** The header that carries the body's signature. */
  public static final String SIGNATURE_HEADER = "X-Crosscheck-Signature";
  /** The header that carries the alert's id. */
  public static final String EVENT_HEADER = "X-Crosscheck-Event";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AlertStore store;
  private final HttpFetcher http;
  private final Clock clock;
  private final Duration backoff;
  private final int maxAttempts;

  /**
   * @param store where the alerts, webhooks and deliveries are
   * @param http sends the POSTs, through its URL policy
   * @param clock the time
   * @param backoff the wait before the first retry; each next retry waits twice as long
   * @param maxAttempts attempts before a delivery is given up, at least 1
   */
  public WebhookDelivery(AlertStore store, HttpFetcher http, Clock clock, Duration backoff, int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    this.store = store;
    this.http = http;
    this.clock = clock;
    this.backoff = backoff;
    this.maxAttempts = maxAttempts;
  }

  /**
   * What one delivery attempt did.
   *
   * @param webhook the webhook
   * @param alert the alert
   * @param delivered whether the receiver took it
   * @param error why not, or null
   * @param nextAttempt when it is tried again, or null (delivered, or given up)
   */
  public record Attempt(Webhook webhook, long alert, boolean delivered, @org.jspecify.annotations.Nullable String error,
      @org.jspecify.annotations.Nullable Instant nextAttempt) {}

  /** @return the attempts made: one for each delivery that was due */
  public List<Attempt> deliverDue() {
    Instant now = clock.instant();
    Map<Long, Webhook> hooks = new java.util.HashMap<>();
    store.webhooks().forEach(h -> hooks.put(h.id(), h));
    List<Attempt> out = new java.util.ArrayList<>();
    List<Delivery> due = store.dueDeliveries(now, 1000);
    if (due.isEmpty()) {
      return out;
    }
    Map<Long, java.util.Optional<Alert>> alerts = new java.util.HashMap<>();
    for (Delivery d : due) {
      Webhook hook = hooks.get(d.webhook());
      java.util.Optional<Alert> alert = alerts.computeIfAbsent(d.alert(), store::alert);
      if (hook != null && alert.isPresent()) {
        out.add(attempt(hook, alert.get(), d.attempts(), now));
      }
    }
    return out;
  }

  private Attempt attempt(Webhook hook, Alert alert, int attemptsBefore, Instant now) {
    byte[] body = body(alert).getBytes(StandardCharsets.UTF_8);
    String error = null;
    try {
      HttpFetcher.Response r = http.post(hook.url(), Map.of("Content-Type", "application/json",
          "Accept", "*/*", EVENT_HEADER, Long.toString(alert.id()), SIGNATURE_HEADER, "sha256=" + sign(hook.secret(), body)),
          body);
      if (r.status() < 200 || r.status() > 299) {
        error = r.statusMessage();
      }
    } catch (IngestException e) {
      error = e.getMessage();
    }
    boolean delivered = error == null;
    Instant next = null;
    if (!delivered && attemptsBefore + 1 < maxAttempts) {
      next = now.plus(backoff.multipliedBy(1L << Math.min(attemptsBefore, 20)));
    }
    store.recordAttempt(hook.id(), alert.id(), delivered, error, next);
    return new Attempt(hook, alert.id(), delivered, error, next);
  }

  /** @return the body POSTed for an alert: its id, kind, story, title and time, and the event as the checker wrote it */
  static String body(Alert alert) {
    ObjectNode b = JSON.createObjectNode().put("id", alert.id()).put("kind", alert.kind()).put("story", alert.story())
        .put("title", alert.title()).put("createdAt", alert.createdAt().toString());
    try {
      b.set("event", JSON.readTree(alert.json()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      b.put("event", alert.json());
    }
    return b.toString();
  }

  /**
   * @param secret the webhook's secret
   * @param body the body
   * @return HMAC-SHA256 of the body under the secret, in lower-case hex
   */
  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** @return a new random secret: 32 bytes from a strong generator, in hex */
  public static String newSecret() {
    byte[] b = new byte[32];
    new java.security.SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
