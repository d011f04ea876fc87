package org.crosscheck.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crosscheck.SharedData;
import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Writes web archives for tests with jwarc, the way a crawler does: a warcinfo record, then per
 * page a request, a response and a metadata record, each record its own gzip member. Pages are
 * news articles of the BASIL corpus, read in place from the shared data.
 */
public final class WarcFixture implements AutoCloseable {
  /**
   * A BASIL article.
   *
   * @param url its original URL
   * @param outlet its outlet
   * @param title its headline
   * @param published its publication date ({@code 2010-07-02})
   * @param text its text, paragraphs separated by blank lines
   * @param story BASIL's story id
   */
  public record Story(String url, String outlet, String title, String published, String text, String story) {}

  private final WarcWriter writer;
  private final List<Long> offsets = new ArrayList<>();

  /**
   * @param file the archive to write
   * @param compression {@link WarcCompression#GZIP} for {@code .warc.gz}
   */
  public WarcFixture(Path file, WarcCompression compression) throws IOException {
    writer = new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING), compression);
  }

  /** @return the first {@code n} BASIL articles, in file order (three articles a story) */
  public static List<Story> basil(int n) {
    ObjectMapper json = new ObjectMapper();
    List<Story> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(SharedData.path("basil-2010-2016.jsonl"), StandardCharsets.UTF_8)) {
      String line;
      while (out.size() < n && (line = r.readLine()) != null) {
        JsonNode o = json.readTree(line);
        out.add(new Story(o.get("url").asText(), o.get("source").asText(), o.get("title").asText(),
            o.get("published").asText(), o.get("text").asText(), o.get("story").asText()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * @param s the article
   * @param withDate whether the page states its publication date
   * @return a news page as an outlet serves it: navigation, the article, a footer
   */
  public static String page(Story s, boolean withDate) {
    return page(s.url(), s.outlet(), s.title(), withDate ? s.published() : null, "en", s.text());
  }

  /** @return a news page with the given parts; {@code published} may be {@code null} */
  public static String page(String url, String outlet, String title, @Nullable String published, String lang,
      String text) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\"><head><meta charset=\"utf-8\">\n<title>")
        .append(escape(title)).append(" - ").append(escape(outlet)).append("</title>\n")
        .append("<meta property=\"og:site_name\" content=\"").append(escape(outlet)).append("\">\n")
        .append("<meta property=\"og:title\" content=\"").append(escape(title)).append("\">\n")
        .append("<link rel=\"canonical\" href=\"").append(escape(url)).append("\">\n");
    if (published != null) {
      b.append("<meta property=\"article:published_time\" content=\"").append(published).append("\">\n");
    }
    b.append("</head><body>\n<header><nav><a href=\"/\">Home</a> <a href=\"/politics\">Politics</a>")
        .append(" <a href=\"/world\">World</a> <a href=\"/opinion\">Opinion</a></nav></header>\n<main><article>\n<h1>")
        .append(escape(title)).append("</h1>\n");
    for (String p : text.split("\\n\\s*\\n")) {
      if (!p.isBlank()) {
        b.append("<p>").append(escape(p.strip())).append("</p>\n");
      }
    }
    b.append("</article></main>\n<footer><p>Copyright ").append(escape(outlet))
        .append(". All rights reserved.</p></footer>\n</body></html>\n");
    return b.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Writes the warcinfo record a crawler starts an archive with. */
  public WarcFixture warcinfo() throws IOException {
    return write(new Warcinfo.Builder().date(Instant.parse("2016-09-01T00:00:00Z")).filename("CC-NEWS-test.warc.gz")
        .fields(Map.of("software", List.of("StormCrawler 1.2"), "format", List.of("WARC File Format 1.1")))
        .build());
  }

  /** Writes the request, the response and the metadata record of one fetch of an HTML page with status 200. */
  public WarcFixture page(String url, Instant date, String html) throws IOException {
    request(url, date);
    response(url, date, 200, "OK", "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null);
    return metadata(url, date);
  }

  /** Writes a request record. */
  public WarcFixture request(String url, Instant date) throws IOException {
    URI u = URI.create(url);
    HttpRequest http = new HttpRequest.Builder("GET", u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
        .addHeader("Host", u.getHost()).addHeader("User-Agent", "CCBot/2.0 (https://commoncrawl.org/faq/)")
        .addHeader("Accept", "text/html,application/xhtml+xml").build();
    return write(new WarcRequest.Builder(u).date(date).body(http).build());
  }

  /**
   * Writes a response record.
   *
   * @param location the {@code Location} header of a redirect, or {@code null}
   */
  public WarcFixture response(String url, Instant date, int status, String reason, String contentType, byte[] body,
      @Nullable String location) throws IOException {
    HttpResponse.Builder http = new HttpResponse.Builder(status, reason).addHeader("Server", "nginx");
    if (location != null) {
      http.addHeader("Location", location);
    }
    http.body(MediaType.parse(contentType), body);
    return write(new WarcResponse.Builder(URI.create(url)).date(date).body(http.build()).build());
  }

  /** Writes a response record whose block is the given bytes, declared as an HTTP response whatever they are. */
  public WarcFixture rawResponse(String url, Instant date, byte[] block) throws IOException {
    return write(new WarcResponse.Builder(URI.create(url)).date(date).body(MediaType.HTTP_RESPONSE, block).build());
  }

  /** Writes a metadata record about a fetch. */
  public WarcFixture metadata(String url, Instant date) throws IOException {
    return write(new WarcMetadata.Builder().targetURI(url).date(date)
        .fields(Map.of("fetchTimeMs", List.of("143"))).build());
  }

  private WarcFixture write(org.netpreserve.jwarc.WarcRecord record) throws IOException {
    offsets.add(writer.position());
    writer.write(record);
    return this;
  }

  /** @return the byte offset at which each record written so far starts, in order */
  public List<Long> offsets() {
    return List.copyOf(offsets);
  }

  /** @return the bytes written so far */
  public long position() {
    return writer.position();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
