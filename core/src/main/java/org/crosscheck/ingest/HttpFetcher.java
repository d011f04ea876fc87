package org.crosscheck.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.crosscheck.model.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * Fetches http(s) URLs into memory with a timeout, an overall deadline and a size limit. Every URL,
 * and every redirect, goes through a {@link UrlPolicy}: the fetcher follows redirects itself (at
 * most {@value #MAX_REDIRECTS}, never from https to http) and has each hop parsed and its address
 * checked just before the request is sent. One {@link HttpClient} serves all fetches; the fetcher
 * is thread-safe.
 *
 * <p>The timeout bounds connecting, waiting for the response headers, and any pause while the
 * body arrives. The deadline bounds the whole fetch: every hop, headers and body, so that a server
 * sending a byte now and then cannot hold a fetch for long. Errors are {@link IngestException}s
 * whose messages do not repeat the URL: {@code HTTP 404 (Not Found)}, {@code no response within
 * 2 s}, {@code no complete response within 60 s}, {@code cannot connect: connection refused},
 * {@code unknown host}, {@code response larger than the 20.0 MB limit}, {@code refused: 10.0.0.1
 * is a private address (...)}, {@code redirect to http://127.0.0.1/ refused: ...}.
 */
public final class HttpFetcher implements PageFetcher {
  /** The User-Agent header sent with every request. */
  public static final String USER_AGENT = "Crosscheck/0.1";

  /** The most redirects followed in one fetch. */
  public static final int MAX_REDIRECTS = 5;

  /** The deadline of {@link #HttpFetcher(Duration, int, UrlPolicy)}: 60 s. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

  private static final Set<Integer> FOLLOWED = Set.of(301, 302, 303, 307, 308);

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
  private final Duration deadline;
  private final int maxBytes;
  private final UrlPolicy policy;
  /** Made on first use: an HttpClient starts a selector thread, which a run over local files does not need. */
  private volatile @Nullable HttpClient client;

  /**
   * @param timeout the longest wait to connect, for the response, and between parts of the body; positive
   * @param deadline the longest a whole fetch may take, redirects and body included; positive
   * @param maxBytes the largest body accepted, in bytes; positive
   * @param policy which URLs and addresses may be fetched
   * @throws IllegalArgumentException when a duration or the size is not positive
   */
  public HttpFetcher(Duration timeout, Duration deadline, int maxBytes, UrlPolicy policy) {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(deadline, "deadline");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, was " + deadline);
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    this.timeout = timeout;
    this.deadline = deadline;
    this.maxBytes = maxBytes;
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * A fetcher with the {@linkplain #DEFAULT_DEADLINE default deadline}.
   *
   * @param timeout the longest wait to connect, for the response, and between parts of the body; positive
   * @param maxBytes the largest body accepted, in bytes; positive
   * @param policy which URLs and addresses may be fetched
   * @throws IllegalArgumentException when the timeout or the size is not positive
   */
  public HttpFetcher(Duration timeout, int maxBytes, UrlPolicy policy) {
    this(timeout, DEFAULT_DEADLINE, maxBytes, policy);
  }

  /** @return the policy every fetched URL goes through */
  public UrlPolicy policy() {
    return policy;
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          // redirects are followed in fetch(), so that the policy sees every hop
          c = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
          client = c;
        }
      }
    }
    return c;
  }

  /**
   * Fetches a URL with GET, following redirects that the policy allows.
   *
   * @param url an http or https URL
   * @return the body, named by the final URL after redirects, with the declared content type
   * @throws IngestException when the URL is not http(s) or is refused by the policy, a redirect is
   *     refused or there are more than {@value #MAX_REDIRECTS}, the server cannot be reached or does
   *     not answer in time, the whole response does not arrive before the deadline, the status is
   *     not 2xx, or the body is larger than the limit
   */
  @Override
  public BytesInput fetch(String url) {
    Response response = get(url, Map.of());
    if (response.status() < 200 || response.status() > 299) {
      throw new IngestException(response.statusMessage());
    }
    return response.asInput();
  }

  /**
   * What a GET answered after redirects: any final status, with its headers and (for a 2xx) its
   * body, already decompressed when the server sent it gzip-encoded.
   *
   * @param url the final URL, after redirects
   * @param status the HTTP status, e.g. 200, 304, 429
   * @param headers the response headers
   * @param body the body of a 2xx response (not copied; do not modify), empty for other statuses
   */
  public record Response(String url, int status, HttpHeaders headers, byte[] body) {
    public Response {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(headers, "headers");
      Objects.requireNonNull(body, "body");
    }

    /** @return the first value of a header, or null when it is absent */
    public @Nullable String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** @return the body as an input named by the final URL, with the declared content type */
    public BytesInput asInput() {
      return new BytesInput(url, Provenance.Kind.URL, body, header("Content-Type"));
    }

    /** @return {@code HTTP 404 (Not Found)}, as {@link #fetch} words a status that is not 2xx */
    public String statusMessage() {
      String reason = REASONS.get(status);
      String message = "HTTP " + status + (reason != null ? " (" + reason + ")" : "");
      if (status >= 300 && status < 400 && FOLLOWED.contains(status)) {
        String location = header("Location");
        message += location != null ? "; redirect to " + location + " not followed" : "; redirect not followed";
      }
      return message;
    }
  }

  /**
   * Sends a GET with extra request headers (a conditional request's {@code If-None-Match}, another
   * {@code User-Agent}) and {@code Accept-Encoding: gzip}, following redirects as {@link #fetch}
   * does, and returns whatever final status the server answered instead of refusing it.
   *
   * @param url an http or https URL
   * @param headers request headers to set, replacing the defaults of the same name
   * @return the final response; the body is decompressed and at most the size limit
   * @throws IngestException as {@link #fetch} does, except for a final status that is not 2xx
   */
  public Response get(String url, Map<String, String> headers) {
    Objects.requireNonNull(headers, "headers");
    long deadlineAt = System.nanoTime() + deadline.toNanos();
    URI uri = allowed(url, deadlineAt);
    for (int redirects = 0; ; redirects++) {
      HttpResponse<byte[]> response = send(uri, deadlineAt, headers);
      int status = response.statusCode();
      String location = response.headers().firstValue("Location").orElse(null);
      if (FOLLOWED.contains(status) && location != null && !location.isBlank()) {
        if (redirects == MAX_REDIRECTS) {
          throw new IngestException("more than " + MAX_REDIRECTS + " redirects; the last was to " + location.strip());
        }
        uri = nextHop(uri, response, location.strip(), deadlineAt);
        continue;
      }
      if (status >= 300 && status < 400 && status != 304) {
        throw new IngestException(statusMessage(response, null));
      }
      return new Response(uri.toString(), status, response.headers(), decoded(response));
    }
  }

  /** @return the body, gunzipped when the server said it is gzip-encoded, within the size limit */
  private byte[] decoded(HttpResponse<byte[]> response) {
    byte[] body = response.body();
    String encoding = response.headers().firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
    if (body.length == 0 || !(encoding.equals("gzip") || encoding.equals("x-gzip"))) {
      return body;
    }
    try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        if (out.size() + (long) n > maxBytes) {
          throw new IngestException("response larger than the " + Limits.formatBytes(maxBytes) + " limit");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IngestException("cannot read the response: the gzip encoding is damaged (" + e.getMessage() + ")");
    }
  }

  /**
   * Sends a POST (a webhook's delivery) to a URL the policy allows. Redirects are not followed: a
   * receiver that answers 3xx has not received the body.
   *
   * @param url an http or https URL
   * @param headers request headers, {@code Content-Type} among them
   * @param body the request body
   * @return the response, whatever its status
   * @throws IngestException when the URL is refused by the policy, the server cannot be reached or does not
   *     answer before the deadline, or the answer is larger than the limit
   */
  public Response post(String url, Map<String, String> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    long deadlineAt = System.nanoTime() + deadline.toNanos();
    URI uri = allowed(url, deadlineAt);
    HttpResponse<byte[]> response = send(uri, deadlineAt, headers, HttpRequest.BodyPublishers.ofByteArray(body));
    return new Response(uri.toString(), response.statusCode(), response.headers(), decoded(response));
  }

  /**
   * @return the URL parsed, once the policy allows it and its addresses
   * @throws IngestException when the policy refuses it
   */
  private URI allowed(String url, long deadlineAt) {
    URI uri = policy.parse(url);
    String refused = whyRefused(uri, deadlineAt);
    if (refused != null) {
      throw new IngestException("refused: " + refused + UrlPolicy.HINT);
    }
    return uri;
  }

  private HttpResponse<byte[]> send(URI uri, long deadlineAt, Map<String, String> headers) {
    return send(uri, deadlineAt, headers, null);
  }

  private HttpResponse<byte[]> send(URI uri, long deadlineAt, Map<String, String> headers,
      HttpRequest.@Nullable BodyPublisher post) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("User-Agent", USER_AGENT)
        .header("Accept", ACCEPT)
        .header("Accept-Encoding", "gzip");
    if (post == null) {
      builder.GET();
    } else {
      builder.POST(post);
    }
    headers.forEach(builder::setHeader);
    HttpRequest request = builder.build();
    BoundedBody body = new BoundedBody(maxBytes);
    // the blocking send on a thread of its own, not sendAsync: sendAsync completes its future on the
    // common fork-join pool, which has a single thread on a two-core machine, so anything else
    // blocking that thread (a parallel stream, a caller's task) would hold up every fetch
    FutureTask<HttpResponse<byte[]>> exchange = new FutureTask<>(() -> client().send(request, body::subscriber));
    Thread.ofVirtual().name("crosscheck-fetch").start(exchange);
    return await(exchange, body, deadlineAt);
  }

  /**
   * @return where a redirect from {@code from} leads, parsed and checked by the policy
   * @throws IngestException naming the target when the policy refuses it or it leaves https for http
   */
  private URI nextHop(URI from, HttpResponse<?> response, String location, long deadlineAt) {
    URI target;
    try {
      URI base = from.getRawPath() == null || from.getRawPath().isEmpty() ? from.resolve("/") : from;
      target = base.resolve(new URI(location));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IngestException("redirect to " + location + " refused: not a valid URL");
    }
    String shown = withoutUserInfo(target);
    URI next;
    try {
      next = policy.parse(target.toString());
    } catch (IngestException e) {
      String why = Objects.toString(e.getMessage(), "not a valid URL");
      throw new IngestException("redirect to " + shown + " refused: "
          + (why.startsWith("refused: ") ? why.substring("refused: ".length()) : why));
    }
    if ("https".equals(from.getScheme()) && "http".equals(next.getScheme())) {
      throw new IngestException(statusMessage(response, "it leaves https for http"));
    }
    String why;
    try {
      why = whyRefused(next, deadlineAt);
    } catch (IngestException e) {
      throw new IngestException("redirect to " + shown + " failed: " + e.getMessage(), e);
    }
    if (why != null) {
      throw new IngestException("redirect to " + shown + " refused: " + why + UrlPolicy.HINT);
    }
    return next;
  }

  /**
   * Asks the policy about a URL's addresses, resolving the host on a virtual thread so that a slow
   * name server counts against the deadline too.
   *
   * @return why the policy refuses the URL, or null
   * @throws IngestException {@code unknown host}, or the deadline message
   */
  private @Nullable String whyRefused(URI uri, long deadlineAt) {
    if (policy.privateAllowed()) {
      return null;
    }
    FutureTask<@Nullable String> check = new FutureTask<>(() -> policy.whyRefused(uri));
    Thread.ofVirtual().name("crosscheck-resolve").start(check);
    try {
      return check.get(Math.max(1, deadlineAt - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      check.cancel(true);
      throw new IngestException("no complete response within " + inWords(deadline));
    } catch (InterruptedException e) {
      check.cancel(true);
      Thread.currentThread().interrupt();
      throw new IngestException("interrupted while fetching", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IngestException refused) {
        throw new IngestException(Objects.toString(refused.getMessage(), "unknown host"), refused.getCause());
      }
      throw new IngestException("cannot resolve the host: " + e.getCause(), e.getCause());
    }
  }

  private static String withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    return uri.toString().replace(uri.getRawUserInfo() + "@", "");
  }

  /**
   * Waits for the whole response, giving up when nothing has arrived for the timeout or the
   * deadline has passed.
   */
  private HttpResponse<byte[]> await(
      java.util.concurrent.Future<HttpResponse<byte[]>> future, BoundedBody body, long deadlineAt) {
    long timeoutNanos = timeout.toNanos();
    try {
      while (true) {
        long left = deadlineAt - System.nanoTime();
        if (left <= 0) {
          future.cancel(true);
          body.cancel();
          throw new IngestException("no complete response within " + inWords(deadline));
        }
        try {
          return future.get(Math.min(timeoutNanos, left), TimeUnit.NANOSECONDS);
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
    if (causedBy(cause, TooLargeException.class)) {
      return new IngestException("response larger than the " + Limits.formatBytes(maxBytes) + " limit");
    }
    if (causedBy(cause, UnresolvedAddressException.class) || causedBy(cause, UnknownHostException.class)) {
      return new IngestException("unknown host", cause);
    }
    if (causedBy(cause, HttpConnectTimeoutException.class)) {
      return new IngestException("cannot connect: no answer within " + inWords(timeout), cause);
    }
    if (causedBy(cause, HttpTimeoutException.class)) {
      return new IngestException("no response within " + inWords(timeout), cause);
    }
    if (causedBy(cause, ConnectException.class)) {
      String detail = deepestMessage(cause);
      if (detail == null || detail.toLowerCase(Locale.ROOT).contains("refused")) {
        detail = "connection refused";
      }
      return new IngestException("cannot connect: " + lowerFirst(detail), cause);
    }
    if (causedBy(cause, SSLException.class)) {
      return new IngestException("secure connection failed: " + Objects.toString(deepestMessage(cause), "TLS error"), cause);
    }
    String detail = deepestMessage(cause);
    return new IngestException("cannot read the response: "
        + (detail != null ? lowerFirst(detail) : cause.getClass().getSimpleName()), cause);
  }

  /** @return {@code HTTP 404 (Not Found)}, with the redirect not followed and why for a 3xx */
  private static String statusMessage(HttpResponse<?> response, @Nullable String whyNotFollowed) {
    int status = response.statusCode();
    String reason = REASONS.get(status);
    String message = "HTTP " + status + (reason != null ? " (" + reason + ")" : "");
    if (status >= 300 && status < 400) {
      String location = response.headers().firstValue("Location").orElse(null);
      message += location != null ? "; redirect to " + location + " not followed" : "; redirect not followed";
      if (whyNotFollowed != null) {
        message += ": " + whyNotFollowed;
      }
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
