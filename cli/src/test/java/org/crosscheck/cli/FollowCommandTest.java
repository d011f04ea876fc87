package org.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowCommandTest {
  @TempDir Path tmp;
  private HttpServer server;
  private final Map<String, String> docs = new ConcurrentHashMap<>();

  record Result(int code, String out, String err) {}

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String doc = docs.get(exchange.getRequestURI().getPath());
      if (doc == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        byte[] body = doc.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", doc.startsWith("<?xml") ? "application/rss+xml" : "text/html");
        exchange.getResponseHeaders().set("ETag", "\"" + doc.hashCode() + "\"");
        if (("\"" + doc.hashCode() + "\"").equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
          exchange.sendResponseHeaders(304, -1);
        } else {
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
      }
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private static String feed(String... items) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour News</title>"
        + "<link>https://harbour.example/</link><description>d</description>");
    for (String item : items) {
      b.append("<item><title>").append(item).append("</title><guid>urn:").append(item).append("</guid><link>https://harbour.example/")
          .append(item).append("</link><description>");
      for (int i = 0; i < 10; i++) {
        b.append("The harbour board discussed ").append(item).append(" plan number ").append(i).append(" today. ");
      }
      b.append("</description></item>");
    }
    return b.append("</channel></rss>").toString();
  }

  @Test
  void followsPollsListsExportsAndRemoves() throws Exception {
    String data = tmp.resolve("data").toString();
    docs.put("/", "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss.xml\"></head></html>");
    docs.put("/rss.xml", feed("dredging", "ferries"));

    Result refused = run("follow", "add", url("/"), "--data", data);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).startsWith("not followed: " + url("/") + ": refused: 127.0.0.1 is a loopback address");

    Result added = run("follow", "add", url("/"), "https://bad host/", "--data", data, "--allow-private-urls",
        "--host-interval", "0");
    assertThat(added.code()).as(added.err()).isEqualTo(1);
    assertThat(added.out()).contains("following feed    " + url("/rss.xml"));
    assertThat(added.err()).contains("not followed: https://bad host/: not a valid URL");

    Result once = run("watch", "--once", "--data", data, "--allow-private-urls", "--host-interval", "0");
    assertThat(once.code()).as(once.err()).isZero();
    assertThat(once.out()).contains("new 2 items (2 articles added)  " + url("/rss.xml"))
        .contains("1 sources polled: 2 new items, 2 articles added, 0 failed");

    Result again = run("watch", "--once", "--data", data, "--allow-private-urls", "--host-interval", "0");
    assertThat(again.out()).contains("not modified  " + url("/rss.xml"));

    JsonNode list = new ObjectMapper().readTree(run("follow", "list", "--json", "--data", data).out());
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("url").asText()).isEqualTo(url("/rss.xml"));
    assertThat(list.get(0).get("items").asInt()).isEqualTo(2);
    assertThat(list.get(0).get("errors").asInt()).isZero();
    assertThat(run("follow", "list", "--data", data).out()).contains("LAST POLL").contains(url("/rss.xml"));

    Path opml = tmp.resolve("sources.opml");
    assertThat(run("follow", "export", opml.toString(), "--data", data).code()).isZero();
    assertThat(Files.readString(opml)).contains("xmlUrl=\"" + url("/rss.xml") + "\"");
    assertThat(run("follow", "remove", url("/rss.xml"), "--data", data).out()).contains("removed " + url("/rss.xml"));
    assertThat(run("follow", "list", "--data", data).out()).startsWith("No sources followed");
    Result imported = run("follow", "import", opml.toString(), "--data", data);
    assertThat(imported.out()).contains("1 of 1 entries of " + opml + " followed");
    Result missing = run("follow", "import", tmp.resolve("nope.opml").toString(), "--data", data);
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains(tmp.resolve("nope.opml") + ": no such file");
  }
}
