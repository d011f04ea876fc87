package org.crosscheck.alert;

import java.util.List;
import org.crosscheck.ingest.IngestException;
import org.crosscheck.ingest.UrlPolicy;
import org.crosscheck.store.AlertStore;
import org.crosscheck.store.AlertStore.Alert;
import org.crosscheck.store.AlertStore.Webhook;

/**
 * Alerts as a whole: raising them ({@link AlertChecker}), delivering them ({@link WebhookDelivery}),
 * and registering webhooks under the same URL policy their deliveries go through. Built by
 * {@link org.crosscheck.pipeline.Pipeline.Builder#buildAlerting()}.
 */
public final class Alerting {
  private final AlertStore store;
  private final AlertChecker checker;
  private final WebhookDelivery delivery;
  private final UrlPolicy policy;

  /**
   * @param store where watches, alerts and webhooks are kept
   * @param checker raises alerts
   * @param delivery delivers them
   * @param policy the URL policy deliveries go through
   */
  public Alerting(AlertStore store, AlertChecker checker, WebhookDelivery delivery, UrlPolicy policy) {
    this.store = store;
    this.checker = checker;
    this.delivery = delivery;
    this.policy = policy;
  }

  /**
   * What one round did.
   *
   * @param raised the alerts raised, oldest first
   * @param attempts the deliveries attempted
   */
  public record Round(List<Alert> raised, List<WebhookDelivery.Attempt> attempts) {}

  /** @return the alerts raised now, and the deliveries that were due, attempted */
  public Round run() {
    List<Alert> raised = checker.check();
    return new Round(raised, delivery.deliverDue());
  }

  /** @return the alerts raised now, without delivering any */
  public List<Alert> check() {
    return checker.check();
  }

  /** @return the deliveries that were due, attempted, without checking for new alerts */
  public List<WebhookDelivery.Attempt> deliver() {
    return delivery.deliverDue();
  }

  /**
   * Registers a webhook after checking its URL against the policy its deliveries go through.
   *
   * @param url an http or https URL
   * @param secret the HMAC key, or null for a new random one
   * @return the webhook
   * @throws IllegalArgumentException naming the URL and the problem when the policy refuses it
   */
  public Webhook addWebhook(String url, @org.jspecify.annotations.Nullable String secret) {
    try {
      policy.checkAddress(policy.parse(url));
    } catch (IngestException e) {
      String why = java.util.Objects.toString(e.getMessage(), "not a valid URL");
      throw new IllegalArgumentException("webhook " + url + " refused: "
          + (why.startsWith("refused: ") ? why.substring("refused: ".length()) : why), e);
    }
    return store.addWebhook(url, secret == null || secret.isBlank() ? WebhookDelivery.newSecret() : secret);
  }
}
