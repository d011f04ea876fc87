package org.crosscheck.eval;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.crosscheck.ingest.FileInput;
import org.crosscheck.ingest.HtmlArticleImporter;
import org.crosscheck.ingest.Imported;
import org.crosscheck.ingest.WarcArticleImporter;
import org.crosscheck.ingest.WarcFilter;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Measures reading a web archive: writes a temporary {@code .warc.gz} of news pages made from real
 * article text (cycling through the corpus, each page at its own URL on its outlet's host), a
 * request and a response record for each, compressed record by record as CC-NEWS is; then times
 * {@link WarcArticleImporter} reading it, pages parsed to articles, nothing stored. Single-threaded.
 */
public final class WarcBenchmark {
  private WarcBenchmark() {}

  /**
   * @param pages HTML pages in the archive
   * @param records records in it (a request and a response per page)
   * @param archiveBytes its size on disk, compressed
   * @param articles articles the importer read from it
   * @param seconds time spent reading it
   */
  public record Result(long pages, long records, long archiveBytes, long articles, double seconds) {
    /** @return records read per second */
    public double recordsPerSecond() {
      return records / seconds;
    }

    /** @return articles read per second */
    public double articlesPerSecond() {
      return articles / seconds;
    }

    /** @return compressed megabytes (MiB) read per second */
    public double megabytesPerSecond() {
      return archiveBytes / (1024.0 * 1024.0) / seconds;
    }
  }

  /** A corpus article a page is made from. */
  private record Source(String outlet, String host, String title, String text) {}

  /**
   * @param corpus JSONL files of real articles ({@code source}, {@code url}, {@code title}, {@code text})
   * @param pages how many pages to write, at least 1
   * @return the figures
   */
  public static Result run(List<Path> corpus, int pages) {
    if (pages < 1) {
      throw new IllegalArgumentException("pages must be at least 1, was " + pages);
    }
    List<Source> sources = load(corpus);
    Path file = null;
    try {
      file = Files.createTempFile("crosscheck-bench-", ".warc.gz");
      write(file, sources, pages);
      long size = Files.size(file);
      AtomicLong records = new AtomicLong();
      AtomicLong articles = new AtomicLong();
      WarcArticleImporter importer = new WarcArticleImporter(new HtmlArticleImporter(), WarcFilter.NONE);
      long start = System.nanoTime();
      importer.read(new FileInput(file), item -> {
        records.incrementAndGet();
        if (item instanceof Imported.Parsed) {
          articles.incrementAndGet();
        }
      });
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Result(pages, records.get(), size, articles.get(), seconds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file left behind is harmless
        }
      }
    }
  }

  private static void write(Path file, List<Source> sources, int pages) throws IOException {
    Instant day = LocalDate.of(2016, 9, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    try (WarcWriter w = new WarcWriter(FileChannel.open(file, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING), WarcCompression.GZIP)) {
      for (int i = 0; i < pages; i++) {
        Source s = sources.get(i % sources.size());
        String path = String.format(Locale.ROOT, "/2016/09/%02d/%s-%d.html", 1 + i % 30, slug(s.title()), i);
        URI url = URI.create("https://" + s.host() + path);
        Instant at = day.plusSeconds(i * 7L);
        w.write(new WarcRequest.Builder(url).date(at).body(new HttpRequest.Builder("GET", path)
            .addHeader("Host", s.host()).addHeader("User-Agent", "CCBot/2.0").build()).build());
        byte[] html = page(s, url.toString(), LocalDate.ofInstant(at, ZoneOffset.UTC), i)
            .getBytes(StandardCharsets.UTF_8);
        w.write(new WarcResponse.Builder(url).date(at).body(new HttpResponse.Builder(200, "OK")
            .addHeader("Server", "nginx").body(MediaType.HTML_UTF8, html).build()).build());
      }
    }
  }

  private static String page(Source s, String url, LocalDate published, int serial) {
    StringBuilder b = new StringBuilder(s.text().length() + 1200);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(s.title()))
        .append("</title>\n<meta property=\"og:site_name\" content=\"").append(escape(s.outlet()))
        .append("\">\n<link rel=\"canonical\" href=\"").append(url)
        .append("\">\n<meta property=\"article:published_time\" content=\"").append(published)
        .append("\">\n</head><body>\n<header><nav><a href=\"/\">Home</a> <a href=\"/politics\">Politics</a>")
        .append(" <a href=\"/world\">World</a></nav></header>\n<main><article><h1>").append(escape(s.title()))
        .append("</h1>\n");
    for (String p : s.text().split("\\n\\s*\\n")) {
      if (!p.isBlank()) {
        b.append("<p>").append(escape(p.strip())).append("</p>\n");
      }
    }
    b.append("<p>(").append(serial).append(")</p></article></main>\n<footer><p>Copyright ").append(escape(s.outlet()))
        .append("</p></footer>\n</body></html>\n");
    return b.toString();
  }

  private static String slug(String title) {
    String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return s.length() > 60 ? s.substring(0, 60) : s.isEmpty() ? "story" : s;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static List<Source> load(List<Path> corpus) {
    ObjectMapper json = new ObjectMapper();
    List<Source> out = new ArrayList<>();
    try {
      for (Path f : corpus) {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          String line;
          while ((line = r.readLine()) != null) {
            if (line.isBlank()) {
              continue;
            }
            JsonNode n = json.readTree(line);
            String text = n.path("text").asText("");
            if (text.split("\\s+").length < 100) {
              continue;
            }
            String outlet = n.path("source").asText("Outlet");
            String host = host(n.path("url").asText(""), outlet);
            out.add(new Source(outlet, host, n.path("title").asText("Untitled"), text));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the benchmark corpus: " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("the benchmark corpus " + corpus + " holds no article of 100 words or more");
    }
    return out;
  }

  private static String host(String url, String outlet) {
    try {
      String h = URI.create(url).getHost();
      if (h != null) {
        return h;
      }
    } catch (IllegalArgumentException e) {
      // a malformed URL: name a host after the outlet
    }
    return "www." + outlet.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "") + ".example";
  }
}
