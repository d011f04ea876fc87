package org.crosscheck.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.crosscheck.model.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * Fetches http(s) URLs into memory with a timeout and a size limit. Redirects are followed
 * (except from https to http). One {@link HttpClient} serves all fetches; the fetcher is
 * thread-safe.
 *
 * <p>The timeout bounds connecting, waiting for the response headers, and any pause while the
 * body arrives. Errors are {@link IngestException}s whose messages do not repeat the URL:
 * {@code HTTP 404 (Not Found)}, {@code no response within 2 s}, {@code cannot connect:
 * connection refused}, {@code unknown host}, {@code response larger than the 20.0 MB limit}.
 */
public final class HttpFetcher {
  /** The User-Agent header sent with every request. */
  public static final String USER_AGENT = "Crosscheck/0.1";

  private static final String ACCEPT =
      "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, "
          + "text/xml;q=0.9, text/html;q=0.8, application/xhtml+xml;q=0.8, */*;q=0.5";

  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
      Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
      Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
      Map.entry(402, "Payment Required"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"),
      Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"), Map.entry(451, "Unavailable For Legal Reasons"),
      Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private final Duration timeout;
  private final int maxBytes;
  /** Made on first use: an HttpClient starts a selector thread, which a run over local files does not need. */
  private volatile @Nullable HttpClient client;

  /**
   * @param timeout the longest wait to connect, for the response, and between parts of the body; positive
   * @param maxBytes the largest body accepted, in bytes; positive
   * @throws IllegalArgumentException when either is not positive
   */
  public HttpFetcher(Duration timeout, int maxBytes) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(timeout).build();
          client = c;
        }
      }
    }
    return c;
  }

  /**
   * Fetches a URL with GET.
   *
   * @param url an http or https URL
   * @return the body, named by the final URL after redirects, with the declared content type
   * @throws IngestException when the URL is not http(s), the server cannot be reached or does not
   *     answer in time, the status is not 2xx, or the body is larger than the limit
   */
  public BytesInput fetch(String url) {
    URI uri = toUri(url);
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("User-Agent", USER_AGENT)
        .header("Accept", ACCEPT)
        .GET()
        .build();
    BoundedBody body = new BoundedBody(maxBytes);
    CompletableFuture<HttpResponse<byte[]>> future = client().sendAsync(request, body::subscriber);
    HttpResponse<byte[]> response = await(future, body);
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new IngestException(statusMessage(response));
    }
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    return new BytesInput(response.uri().toString(), Provenance.Kind.URL, response.body(), contentType);
  }

  private static URI toUri(String url) {
    Objects.requireNonNull(url, "url");
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IngestException("not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new IngestException("not an http(s) URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IngestException("not a valid URL: no host name");
    }
    return uri;
  }

  /** Waits for the whole response, giving up when nothing has arrived for the timeout. */
  private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> future, BoundedBody body) {
    long timeoutNanos = timeout.toNanos();
    try {
      while (true) {
        try {
          return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          long idle = System.nanoTime() - body.lastProgressNanos;
          if (body.started && idle >= timeoutNanos) {
            future.cancel(true);
            body.cancel();
            throw new IngestException("the response stalled: no data for " + inWords(timeout));
          }
          // the client's own request timeout reports a missing response; keep waiting for it
        }
      }
    } catch (InterruptedException e) {
      future.cancel(true);
      body.cancel();
      Thread.currentThread().interrupt();
      throw new IngestException("interrupted while fetching", e);
    } catch (ExecutionException e) {
      throw failure(e.getCause() != null ? e.getCause() : e);
    }
  }

  private IngestException failure(Throwable cause) {
    if (cause instanceof TooLargeException) {
      return new IngestException("response larger than the " + Limits.formatBytes(maxBytes) + " limit");
    }
    if (causedBy(cause, UnresolvedAddressException.class) || causedBy(cause, UnknownHostException.class)) {
      return new IngestException("unknown host", cause);
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new IngestException("cannot connect: no answer within " + inWords(timeout), cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new IngestException("no response within " + inWords(timeout), cause);
    }
    if (cause instanceof ConnectException) {
      String detail = deepestMessage(cause);
      if (detail == null || detail.toLowerCase(Locale.ROOT).contains("refused")) {
        detail = "connection refused";
      }
      return new IngestException("cannot connect: " + lowerFirst(detail), cause);
    }
    if (cause instanceof SSLException) {
      return new IngestException("secure connection failed: " + Objects.toString(deepestMessage(cause), "TLS error"), cause);
    }
    String detail = deepestMessage(cause);
    return new IngestException("cannot read the response: "
        + (detail != null ? lowerFirst(detail) : cause.getClass().getSimpleName()), cause);
  }

  private static String statusMessage(HttpResponse<?> response) {
    int status = response.statusCode();
    String reason = REASONS.get(status);
    String message = "HTTP " + status + (reason != null ? " (" + reason + ")" : "");
    if (status >= 300 && status < 400) {
      String location = response.headers().firstValue("Location").orElse(null);
      message += location != null ? "; redirect to " + location + " not followed" : "; redirect not followed";
    }
    return message;
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String deepestMessage(Throwable t) {
    String message = null;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        message = c.getMessage();
      }
    }
    return message;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** @return a duration for people: {@code 500 ms}, {@code 2 s}, {@code 1.5 s} */
  static String inWords(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** Thrown inside the body subscriber when the body passes the limit. */
  private static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException() {
      super("body too large");
    }
  }

  /**
   * Collects a 2xx body up to a limit, failing as soon as it is passed so memory stays bounded,
   * and skips the body of any other status. Records when data last arrived.
   */
  private static final class BoundedBody {
    private final int maxBytes;
    volatile boolean started;
    volatile long lastProgressNanos = System.nanoTime();
    private volatile Flow.@Nullable Subscription subscription;

    BoundedBody(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    HttpResponse.BodySubscriber<byte[]> subscriber(HttpResponse.ResponseInfo info) {
      started = true;
      lastProgressNanos = System.nanoTime();
      int status = info.statusCode();
      boolean wanted = status >= 200 && status <= 299;
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      return new Subscriber(wanted, wanted && declared > maxBytes);
    }

    void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }

    private final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
      private final CompletableFuture<byte[]> result = new CompletableFuture<>();
      private final ByteArrayOutputStream out = new ByteArrayOutputStream();
      private final boolean wanted;
      private final boolean tooLarge;

      Subscriber(boolean wanted, boolean tooLarge) {
        this.wanted = wanted;
        this.tooLarge = tooLarge;
      }

      @Override
      public CompletionStage<byte[]> getBody() {
        return result;
      }

      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (tooLarge) {
          s.cancel();
          result.completeExceptionally(new TooLargeException());
        } else if (!wanted) {
          s.cancel();
          result.complete(new byte[0]);
        } else {
          s.request(1);
        }
      }

      @Override
      public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
          return;
        }
        lastProgressNanos = System.nanoTime();
        for (ByteBuffer buffer : buffers) {
          if (out.size() + (long) buffer.remaining() > maxBytes) {
            cancel();
            result.completeExceptionally(new TooLargeException());
            return;
          }
          byte[] chunk = new byte[buffer.remaining()];
          buffer.get(chunk);
          out.write(chunk, 0, chunk.length);
        }
        Flow.Subscription s = subscription;
        if (s != null) {
          s.request(1);
        }
      }

      @Override
      public void onError(Throwable error) {
        result.completeExceptionally(error);
      }

      @Override
      public void onComplete() {
        result.complete(out.toByteArray());
      }
    }
  }
}
