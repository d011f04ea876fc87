package org.crosscheck.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.hc.core5.http.HttpHost;
import org.crosscheck.store.StoreException;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Sends requests to one OpenSearch address with the OpenSearch Java client's generic client, and
 * reads the JSON answers with Jackson; every failure becomes a {@link StoreException} naming the
 * address and what was being done. Thread-safe.
 */
final class OpenSearchClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An answer.
   *
   * @param status the HTTP status
   * @param body the JSON body (a missing node when there was none)
   */
  record Answer(int status, JsonNode body) {}

  private final URI address;
  private final ApacheHttpClient5Transport transport;
  private final OpenSearchGenericClient generic;

  OpenSearchClient(URI address) {
    if (address.getScheme() == null || address.getHost() == null || address.getPort() < 0) {
      throw new IllegalArgumentException("an OpenSearch address needs a scheme, a host and a port, like"
          + " http://127.0.0.1:9200; got " + address);
    }
    this.address = address;
    this.transport = ApacheHttpClient5TransportBuilder
        .builder(new HttpHost(address.getScheme(), address.getHost(), address.getPort()))
        .setMapper(new JacksonJsonpMapper(JSON)).build();
    this.generic = new OpenSearchGenericClient(transport);
  }

  URI address() {
    return address;
  }

  /**
   * Sends a request.
   *
   * @param method the HTTP method
   * @param endpoint the path and query, e.g. {@code /index/_doc/1?refresh=true}
   * @param body the JSON body, or null
   * @param what what is being done, for messages: {@code read the counters}
   * @param accepted error statuses that are answers rather than failures (404 for a missing document)
   * @return the answer
   * @throws StoreException naming the address and {@code what} when the request fails
   */
  Answer send(String method, String endpoint, @Nullable String body, String what, int... accepted) {
    return send(request(method, endpoint, body == null ? null : Body.from(bytes(body), "application/json")), what,
        accepted);
  }

  /**
   * Sends a {@code _bulk} request.
   *
   * @param endpoint the path and query
   * @param ndjson the actions and documents, one JSON object a line
   * @param what what is being done, for messages
   * @return the answer
   * @throws StoreException naming the address and {@code what} when the request fails
   */
  Answer bulk(String endpoint, String ndjson, String what) {
    return send(request("POST", endpoint, Body.from(bytes(ndjson), "application/x-ndjson")), what);
  }

  private Answer send(Request request, String what, int... accepted) {
    try (Response response = generic.execute(request)) {
      return answer(response, what, accepted);
    } catch (IOException | IllegalStateException e) { // IllegalStateException: the client was closed
      throw failure(what, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }
  }

  /**
   * Sends PUT requests at the same time and waits for all of them.
   *
   * @param bodies the JSON body of each endpoint
   * @param what what is being done, for messages
   * @param accepted error statuses that are answers rather than failures
   * @throws StoreException naming the address and {@code what} when one fails (the first failure)
   */
  void putAll(Map<String, String> bodies, String what, int... accepted) {
    List<CompletableFuture<Answer>> answers = new ArrayList<>();
    bodies.forEach((endpoint, body) -> answers.add(generic.executeAsync(
        request("PUT", endpoint, Body.from(bytes(body), "application/json"))).thenApply(response -> {
          try (response) {
            return answer(response, what, accepted);
          } catch (IOException e) {
            throw failure(what, String.valueOf(e.getMessage()), e);
          }
        })));
    for (CompletableFuture<Answer> answer : answers) {
      try {
        answer.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof StoreException se ? se
            : failure(what, String.valueOf(e.getCause().getMessage()), e.getCause());
      }
    }
  }

  private static Request request(String method, String endpoint, @Nullable Body body) {
    int q = endpoint.indexOf('?');
    Map<String, String> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : endpoint.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    Requests.JsonBodyBuilder request = Requests.builder().method(method)
        .endpoint(q < 0 ? endpoint : endpoint.substring(0, q)).query(query);
    if (body != null) {
      request.body(body);
    }
    return request.build();
  }

  /** @return the answer, when its status is a success or accepted */
  private Answer answer(Response response, String what, int... accepted) throws IOException {
    String text = response.getBody().map(Body::bodyAsString).orElse("");
    JsonNode json = text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
    int status = response.getStatus();
    if (status >= 300 && java.util.Arrays.stream(accepted).noneMatch(a -> a == status)) {
      JsonNode error = json.path("error");
      String reason = error.isTextual() ? error.asText() : error.path("reason").asText("");
      throw failure(what, "HTTP " + status + (reason.isEmpty() ? "" : ", " + reason), null);
    }
    return new Answer(status, json);
  }

  /** @return a failure to {@code what}, naming the address */
  StoreException failure(String what, String why, @Nullable Throwable cause) {
    return new StoreException("cannot " + what + " (OpenSearch at " + address + "): " + why, cause);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException ignored) {
      // closing only releases the connection pool
    }
  }
}
