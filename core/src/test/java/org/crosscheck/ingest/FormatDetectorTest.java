package org.crosscheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.model.Provenance;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {
  private static Format detect(String name, String content) {
    return FormatDetector.detect(name, null, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void detectsByExtensionAndContent() {
    assertThat(detect("a.jsonl", "{\"id\":1}")).isEqualTo(Format.JSONL);
    assertThat(detect("a.html", "<p>hi")).isEqualTo(Format.HTML);
    assertThat(detect("a.txt", "<html> looks like html but is text")).isEqualTo(Format.TEXT);
    assertThat(detect("noext", "<?xml version=\"1.0\"?><rss version=\"2.0\">")).isEqualTo(Format.FEED);
    assertThat(detect("feed.xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        .isEqualTo(Format.FEED);
    assertThat(detect("page.xml", "<?xml version=\"1.0\"?><html><body>x</body></html>")).isEqualTo(Format.HTML);
    assertThat(detect("noext", "<!DOCTYPE html><html>")).isEqualTo(Format.HTML);
    assertThat(detect("noext", "{\"id\":\"x\",\"text\":\"y\"}")).isEqualTo(Format.JSONL);
    assertThat(detect("noext", "Plain story text.")).isEqualTo(Format.TEXT);
    assertThat(FormatDetector.detect("https://x.test/feed", "application/rss+xml; charset=utf-8",
        "<?xml version='1.0'?><rss>".getBytes(StandardCharsets.UTF_8))).isEqualTo(Format.FEED);
    assertThat(FormatDetector.detect("https://x.test/a", "text/html",
        "<!doctype html>".getBytes(StandardCharsets.UTF_8))).isEqualTo(Format.HTML);
  }

  @Test
  void readsADeclaredJsonLinesContentTypeAsJsonLinesWhateverTheBytes() {
    byte[] notJson = "This body is not JSON at all.\nNor is this line.\n".getBytes(StandardCharsets.UTF_8);
    for (String type : List.of("application/x-ndjson", "application/jsonl", "application/json-lines",
        "application/x-jsonlines", "Application/X-NDJSON; charset=UTF-8", " application/jsonl ;charset=utf-8")) {
      assertThat(FormatDetector.detect("upload", type, notJson)).as(type).isEqualTo(Format.JSONL);
      assertThat(FormatDetector.detect("upload.txt", type, notJson)).as(type).isEqualTo(Format.JSONL);
    }
    assertThat(FormatDetector.detect("upload", "text/plain; charset=utf-8", notJson)).isEqualTo(Format.TEXT);
  }

  @Test
  void rejectsEachBrokenLineOfABodyDeclaredAsJsonLines() throws IOException {
    byte[] body = "not json\n{\"id\":\"x1\",\"text\":\"A real article.\"}\n".getBytes(StandardCharsets.UTF_8);
    Input upload = new BytesInput("upload", Provenance.Kind.URL, body, "application/x-ndjson");
    assertThat(FormatDetector.detect(upload)).isEqualTo(Format.JSONL);
    List<Imported> items = new ArrayList<>();
    new JsonlArticleImporter().read(upload, items::add);
    assertThat(items).hasSize(2);
    assertThat(items.get(0)).isInstanceOfSatisfying(Imported.Rejected.class,
        r -> assertThat(r.rejection().message()).startsWith("upload line 1: not valid JSON"));
    assertThat(items.get(1)).isInstanceOf(Imported.Parsed.class);
  }

  @Test
  void detectsWebArchivesByNameAndByContentCompressedOrNot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws IOException {
    java.nio.file.Path gz = tmp.resolve("crawl.warc.gz");
    java.nio.file.Path plain = tmp.resolve("crawl.warc");
    WarcFixture.Story s = WarcFixture.basil(1).get(0);
    for (var file : List.of(gz, plain)) {
      try (WarcFixture w = new WarcFixture(file, file == gz ? org.netpreserve.jwarc.WarcCompression.GZIP
          : org.netpreserve.jwarc.WarcCompression.NONE)) {
        w.warcinfo().page(s.url(), java.time.Instant.parse("2010-07-03T06:00:00Z"), WarcFixture.page(s, true));
      }
    }
    assertThat(FormatDetector.detect(new FileInput(gz))).isEqualTo(Format.WARC);
    assertThat(FormatDetector.detect(new FileInput(plain))).isEqualTo(Format.WARC);
    // by content alone: a gzip member holding a WARC record, or a plain WARC/1.0 or WARC/1.1 header
    byte[] gzHead = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(gz), 8192);
    assertThat(FormatDetector.detect("upload", null, gzHead)).isEqualTo(Format.WARC);
    assertThat(FormatDetector.detect("CC-NEWS-20160901.bin", "application/octet-stream", gzHead)).isEqualTo(Format.WARC);
    assertThat(detect("noext", "WARC/1.0\r\nWARC-Type: warcinfo\r\n")).isEqualTo(Format.WARC);
    assertThat(detect("noext", "WARC/1.1\r\nWARC-Type: response\r\n")).isEqualTo(Format.WARC);
    // by name alone, whatever the case
    assertThat(detect("CC-NEWS-20160901.WARC.GZ", "x")).isEqualTo(Format.WARC);
    // neither: another version, and a gzip file that holds no WARC
    assertThat(detect("noext", "WARC/2.0 is not a version")).isEqualTo(Format.TEXT);
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
      out.write("Plain story text.".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> FormatDetector.detect("story.gz", null, bytes.toByteArray()))
        .isInstanceOf(IngestException.class).hasMessageContaining("binary file (gzip archive)");
  }

  @Test
  void refusesEmptyAndWhitespaceOnlyFiles() {
    assertThatThrownBy(() -> detect("e.txt", "")).hasMessageContaining("empty file (0 bytes)");
    assertThatThrownBy(() -> detect("e.txt", " \n\t\n")).hasMessageContaining("empty file (only whitespace)");
  }

  @Test
  void refusesBinaryFilesNamingTheirKind() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    assertThatThrownBy(() -> FormatDetector.detect("x.txt", null, png))
        .isInstanceOf(IngestException.class).hasMessageContaining("binary file (PNG image)");
    byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
    assertThatThrownBy(() -> FormatDetector.detect("x.jsonl", null, zip)).hasMessageContaining("ZIP archive");
    byte[] nul = "text\0more".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> FormatDetector.detect("x", null, nul)).hasMessageContaining("NUL");
  }
}
