package org.crosscheck.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.crosscheck.ingest.HttpFetcher;
import org.crosscheck.ingest.UrlPolicy;
import org.crosscheck.store.AlertStore;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {
  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-12-01T08:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private record Received(String body, String signature, String event) {}

  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
      if (status == 204) {
        received.add(new Received(body, exchange.getRequestHeaders().getFirst(WebhookDelivery.SIGNATURE_HEADER),
            exchange.getRequestHeaders().getFirst(WebhookDelivery.EVENT_HEADER)));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  @Test
  void postsEachAlertOnceSignedAndRetriesAFailureAfterTheBackoff() throws Exception {
    Store store = Store.inMemory();
    TestClock clock = new TestClock();
    String secret = WebhookDelivery.newSecret();
    AlertStore.Webhook hook = store.addWebhook(url(), secret);
    AlertStore.Watch watch = store.addWatch(AlertStore.Watch.Kind.STORY, "s-1");
    Instant raised = hook.createdAt().plusSeconds(1);
    clock.now = raised;
    AlertStore.Alert alert = store.addAlert(watch.id(), "s-1", "new-outlet", "outlet:Herald", "Herald now reports s-1",
        "{\"item\":{\"outlet\":\"Herald\"}}", raised).orElseThrow();
    WebhookDelivery delivery = new WebhookDelivery(store, new HttpFetcher(Duration.ofSeconds(5), 1 << 16,
        UrlPolicy.allowPrivate()), clock, Duration.ofSeconds(30), 3);

    failuresLeft.set(1);
    assertThat(delivery.deliverDue()).singleElement().satisfies(a -> {
      assertThat(a.delivered()).isFalse();
      assertThat(a.error()).isEqualTo("HTTP 500 (Internal Server Error)");
      assertThat(a.nextAttempt()).isEqualTo(raised.plusSeconds(30));
    });
    assertThat(delivery.deliverDue()).as("not before the backoff").isEmpty();
    clock.now = raised.plusSeconds(30);
    assertThat(delivery.deliverDue()).singleElement().satisfies(a -> assertThat(a.delivered()).isTrue());
    clock.now = raised.plusSeconds(3600);
    assertThat(delivery.deliverDue()).as("delivered once").isEmpty();

    assertThat(received).singleElement().satisfies(r -> {
      assertThat(r.event()).isEqualTo(Long.toString(alert.id()));
      assertThat(r.signature()).isEqualTo("sha256=" + WebhookDelivery.sign(secret, r.body().getBytes(StandardCharsets.UTF_8)));
      assertThat(r.signature()).isNotEqualTo("sha256=" + WebhookDelivery.sign("wrong", r.body().getBytes(StandardCharsets.UTF_8)));
      JsonNode body = new ObjectMapper().readTree(r.body());
      assertThat(body.get("id").asLong()).isEqualTo(alert.id());
      assertThat(body.get("kind").asText()).isEqualTo("new-outlet");
      assertThat(body.get("event").get("item").get("outlet").asText()).isEqualTo("Herald");
    });
    assertThat(store.deliveries(hook.id())).singleElement().satisfies(d -> {
      assertThat(d.attempts()).isEqualTo(2);
      assertThat(d.deliveredAt()).isNotNull();
    });
  }

  @Test
  void givesUpAfterTheLastAttemptAndTheDefaultPolicyRefusesLoopback() {
    Store store = Store.inMemory();
    TestClock clock = new TestClock();
    AlertStore.Webhook hook = store.addWebhook(url(), "k");
    clock.now = hook.createdAt().plusSeconds(1);
    store.addAlert(1, "s-1", "new-story", "story", "t", "{}", clock.now).orElseThrow();
    failuresLeft.set(10);
    WebhookDelivery delivery = new WebhookDelivery(store, new HttpFetcher(Duration.ofSeconds(5), 1 << 16,
        UrlPolicy.allowPrivate()), clock, Duration.ofSeconds(10), 2);
    assertThat(delivery.deliverDue()).singleElement().satisfies(a -> assertThat(a.nextAttempt()).isNotNull());
    clock.now = clock.now.plusSeconds(10);
    assertThat(delivery.deliverDue()).singleElement().satisfies(a -> {
      assertThat(a.delivered()).isFalse();
      assertThat(a.nextAttempt()).as("given up").isNull();
    });
    clock.now = clock.now.plusSeconds(3600);
    assertThat(delivery.deliverDue()).isEmpty();
    assertThat(received).isEmpty();

    Store other = Store.inMemory();
    AlertStore.Webhook local = other.addWebhook(url(), "k");
    other.addAlert(1, "s-1", "new-story", "story", "t", "{}", local.createdAt().plusSeconds(1)).orElseThrow();
    clock.now = local.createdAt().plusSeconds(1);
    WebhookDelivery strict = new WebhookDelivery(other, new HttpFetcher(Duration.ofSeconds(5), 1 << 16,
        UrlPolicy.publicOnly()), clock, Duration.ofSeconds(10), 2);
    assertThat(strict.deliverDue()).singleElement().satisfies(a -> {
      assertThat(a.delivered()).isFalse();
      assertThat(a.error()).startsWith("refused: 127.0.0.1 is a loopback address");
    });
    assertThat(received).isEmpty();
  }
}
