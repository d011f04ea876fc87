package org.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one error mapping, on a server whose handlers fail on purpose. */
class ErrorResponsesTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Uploads uploads;
  private static Javalin app;

  @BeforeAll
  static void start() {
    uploads = new Uploads(4096, 1);
    ErrorResponses errors = new ErrorResponses(uploads);
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = "127.0.0.1";
      config.jsonMapper(new io.javalin.json.JavalinJackson(WebApp.JSON, false));
      config.routes.get("/api/broken", ctx -> {
        throw new IllegalStateException("the index is gone");
      });
      config.routes.get("/broken", ctx -> {
        throw new IllegalStateException("the index is gone");
      });
      config.routes.get("/api/missing", ctx -> {
        throw new NotFoundResponse("no story 's-9' in the store");
      });
      config.routes.get("/api/busy", ctx -> {
        throw new ServiceUnavailableResponse("busy", Map.of(ErrorResponses.RETRY_AFTER, "7"));
      });
      errors.register(config.routes);
    }).start(0);
  }

  @AfterAll
  static void stop() {
    app.stop();
    uploads.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anUnexpectedExceptionIsA500WithTheStandardBodyAndIsLoggedWithItsStackTrace() throws Exception {
    try (LogCapture log = new LogCapture(ErrorResponses.class)) {
      HttpResponse<String> res = get("/api/broken");
      assertThat(res.statusCode()).isEqualTo(500);
      assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
          .startsWith("application/json"));
      JsonNode body = WebApp.JSON.readTree(res.body());
      assertThat(body.get("status").asInt()).isEqualTo(500);
      assertThat(body.get("error").asText()).isEqualTo("internal error: java.lang.IllegalStateException: the index is gone");
      assertThat(log.events()).singleElement().satisfies(e -> {
        assertThat(e.getLevel()).isEqualTo(Level.ERROR);
        assertThat(e.getFormattedMessage()).isEqualTo("GET /api/broken failed");
        assertThat(e.getThrowableProxy().getMessage()).isEqualTo("the index is gone");
        assertThat(e.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
      });
    }
  }

  @Test
  void aPageThatFailsShowsTheErrorPage() throws Exception {
    HttpResponse<String> res = get("/broken");
    assertThat(res.statusCode()).isEqualTo(500);
    assertThat(Jsoup.parse(res.body()).select("#error").text()).contains("the index is gone");
  }

  @Test
  void typedResponsesKeepTheirStatusAndMessageAndAreNotLoggedAsErrors() throws Exception {
    try (LogCapture log = new LogCapture(ErrorResponses.class)) {
      HttpResponse<String> missing = get("/api/missing");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(WebApp.JSON.readTree(missing.body()).get("error").asText()).isEqualTo("no story 's-9' in the store");
      HttpResponse<String> busy = get("/api/busy");
      assertThat(busy.statusCode()).isEqualTo(503);
      assertThat(busy.headers().firstValue("Retry-After")).hasValue("7");
      HttpResponse<String> nowhere = get("/api/nowhere");
      assertThat(nowhere.statusCode()).isEqualTo(404);
      assertThat(WebApp.JSON.readTree(nowhere.body()).get("error").asText()).isEqualTo("no such page: /api/nowhere");
      assertThat(log.events()).isEmpty();
    }
  }
}
