package org.crosscheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.ingest.Rejection;
import org.crosscheck.model.Article;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input, fed to a store that already holds articles: each is named, none harms the store. */
class BadInputTest {
  @TempDir Path tmp;

  @Test
  void everyBadInputIsNamedWithItsReasonAndTheStoredArticlesStayIntact() throws Exception {
    Path bad = Files.createDirectories(tmp.resolve("bad"));
    Files.write(bad.resolve("01-empty.txt"), new byte[0]);
    Files.write(bad.resolve("02-image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
    Files.write(bad.resolve("03-archive.zip"), new byte[] {'P', 'K', 3, 4, 20, 0, 8, 0, 8, 0});
    byte[] utf8 = "Caf\u00e9 story. ".getBytes(StandardCharsets.UTF_8);
    byte[] corrupt = java.util.Arrays.copyOf(utf8, utf8.length + 2);
    corrupt[utf8.length] = (byte) 0xFF;
    corrupt[utf8.length + 1] = 'x';
    Files.write(bad.resolve("04-corrupt-utf8.txt"), corrupt);
    Files.writeString(bad.resolve("05-home-page.html"), "<html><body><nav><a href=/a>World</a> <a href=/b>Sport</a></nav>"
        + "<h2><a href=/x>Headline one</a></h2><h2><a href=/y>Headline two</a></h2><footer>\u00A9 2025</footer></body></html>");
    Files.writeString(bad.resolve("06-broken.rss"), "<?xml version=\"1.0\"?><rss><channel><title>X</title><item><title>a");
    Files.writeString(bad.resolve("07-mixed.jsonl"),
        "{\"id\":\"good-1\",\"text\":\"A good line: the harbour reopened on Friday.\"}\n{\"id\":\"broken\",\"text\":\n");
    String missing = tmp.resolve("08-missing.txt").toString();

    Path data = tmp.resolve("data");
    List<Article> before;
    try (Store store = Store.open(data)) {
      Pipeline.builder().store(store).buildIngestor().ingest(List.of(SharedData.path("seeds").toString()),
          new IngestListener() {});
      before = store.list(0, 100);
    }
    IngestorTest.Recorder r = new IngestorTest.Recorder();
    IngestSummary s;
    try (Store store = Store.open(data)) {
      s = Pipeline.builder().store(store).buildIngestor().ingest(List.of(bad.toString(), missing), r);
    }
    assertThat(r.rejections).extracting(Rejection::message).containsExactly(
        missing + ": no such file or directory",
        bad.resolve("01-empty.txt") + ": empty file (0 bytes), nothing to import",
        bad.resolve("02-image.png") + ": binary file (PNG image), not an article; Crosscheck reads text, HTML,"
            + " RSS/Atom, JSONL and WARC",
        bad.resolve("03-archive.zip") + ": binary file (ZIP archive), not an article; Crosscheck reads text, HTML,"
            + " RSS/Atom, JSONL and WARC",
        bad.resolve("04-corrupt-utf8.txt") + ": invalid UTF-8 at byte offset " + utf8.length
            + " in text that is otherwise UTF-8 (the file is corrupt or mixes encodings; re-save it as UTF-8)",
        bad.resolve("05-home-page.html") + ": no article text found in the HTML page (only 0 words of body text"
            + " after removing navigation and boilerplate)",
        bad.resolve("06-broken.rss") + ": malformed feed XML at line 1, column 66: XML document structures must start"
            + " and end within the same entity.",
        bad.resolve("07-mixed.jsonl") + " line 2: not valid JSON: Unexpected end-of-input within/between Object"
            + " entries (column 23)");
    assertThat(s.counts()).isEqualTo(new IngestCounts(1, 0, 8));
    try (Store store = Store.open(data)) {
      assertThat(store.checkIntegrity()).isEqualTo("ok");
      assertThat(store.list(0, 5)).containsExactlyElementsOf(before);
      assertThat(store.count()).isEqualTo(6);
    }
  }
}
