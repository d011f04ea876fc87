package org.crosscheck.follow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP server whose documents a test changes between polls. Answers conditional
 * requests (ETag, Last-Modified) with 304, gzips when asked, and records every request and the most
 * requests it ever handled at once.
 */
final class FeedServer implements AutoCloseable {
  /** What a path answers. */
  record Doc(int status, String contentType, byte[] body, String etag, String lastModified, Map<String, String> headers) {
    static Doc ok(String contentType, String body, String etag) {
      return new Doc(200, contentType, body.getBytes(StandardCharsets.UTF_8), etag, null, Map.of());
    }

    static Doc status(int status, Map<String, String> headers) {
      return new Doc(status, "text/plain", new byte[0], null, null, headers);
    }
  }

  /** One request as the server saw it. */
  record Request(String path, Map<String, List<String>> headers) {
    String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().getFirst();
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Doc> docs = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  volatile long delayMillis;
  /** Whether to answer conditional requests with 304. */
  volatile boolean conditional = true;

  FeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void put(String path, Doc doc) {
    docs.put(path, doc);
  }

  long requestsTo(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).count();
  }

  private void handle(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    // a request stops counting as in flight just before its answer is sent: once the client has the
    // answer it may send the next request, before this handler has returned
    AtomicBoolean answered = new AtomicBoolean();
    Runnable answering = () -> {
      if (answered.compareAndSet(false, true)) {
        inFlight.decrementAndGet();
      }
    };
    try {
      String path = exchange.getRequestURI().getPath();
      requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders())));
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      Doc doc = docs.get(path);
      if (doc == null) {
        answering.run();
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      doc.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      if (doc.etag() != null) {
        exchange.getResponseHeaders().set("ETag", doc.etag());
      }
      if (doc.lastModified() != null) {
        exchange.getResponseHeaders().set("Last-Modified", doc.lastModified());
      }
      String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
      String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
      if (conditional && doc.status() == 200 && ((doc.etag() != null && doc.etag().equals(ifNoneMatch))
          || (doc.etag() == null && doc.lastModified() != null && doc.lastModified().equals(ifModifiedSince)))) {
        answering.run();
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      byte[] body = doc.body();
      String acceptEncoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
      if (body.length > 0 && acceptEncoding != null && acceptEncoding.contains("gzip")) {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
          out.write(body);
        }
        body = gz.toByteArray();
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
      exchange.getResponseHeaders().set("Content-Type", doc.contentType());
      answering.run();
      exchange.sendResponseHeaders(doc.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      answering.run();
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** @return an RSS 2.0 feed whose items each carry a long enough body to be full articles */
  static String rss(String title, String... items) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>")
        .append(title).append("</title><link>https://news.example/</link><description>d</description>");
    for (String item : items) {
      b.append("<item><title>").append(item).append(" report</title><link>https://news.example/").append(item)
          .append("</link><guid>urn:item:").append(item).append("</guid><pubDate>Mon, 28 Apr 2025 10:00:00 GMT</pubDate>")
          .append("<description>").append(body(item)).append("</description></item>");
    }
    return b.append("</channel></rss>").toString();
  }

  /** @return a paragraph about a topic, different for every topic */
  static String body(String topic) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      b.append("The council of ").append(topic).append(" met on day ").append(i + 1)
          .append(" to discuss harbour works number ").append(topic.hashCode() % 1000 + i).append(". ");
    }
    return b.toString();
  }

  /** @return an article page about a topic */
  static String page(String topic) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + topic + " | Harbour News</title>"
        + "<meta property=\"og:site_name\" content=\"Harbour News\"></head><body><article><h1>" + topic
        + " news</h1><p>" + body(topic) + "</p><p>" + body(topic + " second") + "</p></article></body></html>";
  }
}
