package org.crosscheck.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.crosscheck.store.StoreException;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.ResponseListener;
import org.opensearch.client.RestClient;

/**
 * Sends requests to one OpenSearch address with OpenSearch's low-level REST client and reads the
 * JSON answers; every failure becomes a {@link StoreException} naming the address and what was
 * being done. Thread-safe.
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
  private final RestClient rest;

  OpenSearchClient(URI address) {
    if (address.getHost() == null || address.getPort() < 0) {
      throw new IllegalArgumentException("an OpenSearch address needs a host and a port, like http://127.0.0.1:9200;"
          + " got " + address);
    }
    this.address = address;
    this.rest = RestClient.builder(new HttpHost(address.getScheme(), address.getHost(), address.getPort())).build();
  }

  URI address() {
    return address;
  }

  /**
   * Sends a request.
   *
   * @param method the HTTP method
   * @param endpoint the path and query, e.g. {@code /index/_doc/1?refresh=true}
   * @param body the JSON (or NDJSON) body, or null
   * @param what what is being done, for messages: {@code read the counters}
   * @param accepted error statuses that are answers rather than failures (404 for a missing document)
   * @return the answer
   * @throws StoreException naming the address and {@code what} when the request fails
   */
  Answer send(String method, String endpoint, @Nullable String body, String what, int... accepted) {
    Request request = request(method, endpoint, body, accepted);
    try {
      Response response = rest.performRequest(request);
      String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
      return new Answer(response.getStatusLine().getStatusCode(), text.isEmpty() ? JSON.missingNode() : JSON.readTree(text));
    } catch (ResponseException e) {
      throw failure(what, reason(e), e);
    } catch (IOException | org.apache.hc.core5.http.ParseException e) {
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
    List<CompletableFuture<Response>> answers = new ArrayList<>();
    bodies.forEach((endpoint, body) -> {
      Request request = request("PUT", endpoint, body, accepted);
      CompletableFuture<Response> answer = new CompletableFuture<>();
      rest.performRequestAsync(request, new ResponseListener() {
        @Override
        public void onSuccess(Response response) {
          answer.complete(response);
        }

        @Override
        public void onFailure(Exception e) {
          answer.completeExceptionally(e);
        }
      });
      answers.add(answer);
    });
    for (CompletableFuture<Response> answer : answers) {
      try {
        answer.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof ResponseException re ? failure(what, reason(re), re)
            : failure(what, String.valueOf(e.getCause().getMessage()), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure(what, "interrupted", e);
      }
    }
  }

  private static Request request(String method, String endpoint, @Nullable String body, int... accepted) {
    Request request = new Request(method, endpoint);
    if (body != null) {
      request.setJsonEntity(body);
    }
    if (accepted.length > 0) {
      request.addParameter("ignore", Arrays.stream(accepted).mapToObj(Integer::toString).collect(Collectors.joining(",")));
    }
    return request;
  }

  /** @return a failure to {@code what}, naming the address */
  StoreException failure(String what, String why, @Nullable Throwable cause) {
    return new StoreException("cannot " + what + " in OpenSearch at " + address + ": " + why, cause);
  }

  /** @return OpenSearch's reason for an error answer, or its status */
  private static String reason(ResponseException e) {
    try {
      String text = EntityUtils.toString(e.getResponse().getEntity());
      JsonNode error = JSON.readTree(text).path("error");
      String reason = error.path("reason").asText(error.isTextual() ? error.asText() : "");
      return "HTTP " + e.getResponse().getStatusLine().getStatusCode() + (reason.isEmpty() ? "" : ", " + reason);
    } catch (IOException | org.apache.hc.core5.http.ParseException | RuntimeException unreadable) {
      return "HTTP " + e.getResponse().getStatusLine().getStatusCode();
    }
  }

  @Override
  public void close() {
    try {
      rest.close();
    } catch (IOException ignored) {
      // closing only releases the connection pool
    }
  }
}
