package org.crosscheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crosscheck.model.Article;
import org.crosscheck.model.Published;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;

class WarcArticleImporterTest {
  @TempDir Path tmp;

  /** What one read yielded. */
  record Read(List<Article> articles, List<Rejection> rejections, Map<String, Long> skipped) {}

  static Read read(Path file, WarcFilter filter) throws IOException {
    List<Article> articles = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    Map<String, Long> skipped = new LinkedHashMap<>();
    new WarcArticleImporter(new HtmlArticleImporter(), filter).read(new FileInput(file), item -> {
      switch (item) {
        case Imported.Parsed p -> articles.add(p.article());
        case Imported.Rejected r -> rejections.add(r.rejection());
        case Imported.Skipped s -> skipped.merge(s.reason(), 1L, Long::sum);
      }
    });
    return new Read(articles, rejections, skipped);
  }

  /** The day after the article's publication, at 06:00 UTC: when a news crawler would have archived it. */
  static Instant archived(WarcFixture.Story s) {
    return LocalDate.parse(s.published()).plusDays(1).atTime(6, 0).toInstant(java.time.ZoneOffset.UTC);
  }

  /**
   * A crawl of six BASIL articles (the second without a date in its page), a PDF, a redirect and a
   * page-not-found page, as a crawler writes it.
   */
  static List<Long> writeCrawl(Path file, WarcCompression compression, List<WarcFixture.Story> stories)
      throws IOException {
    try (WarcFixture w = new WarcFixture(file, compression)) {
      w.warcinfo();
      for (int i = 0; i < stories.size(); i++) {
        WarcFixture.Story s = stories.get(i);
        w.page(s.url(), archived(s), WarcFixture.page(s, i != 1));
      }
      Instant t = Instant.parse("2016-09-01T08:15:00Z");
      w.request("https://www.nytimes.com/pdf/report.pdf", t);
      w.response("https://www.nytimes.com/pdf/report.pdf", t, 200, "OK", "application/pdf",
          "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
          null);
      w.request("http://nytimes.com/politics", t);
      w.response("http://nytimes.com/politics", t, 301, "Moved Permanently", "text/html",
          "<html><body>Moved <a href=\"https://www.nytimes.com/section/politics\">here</a></body></html>"
              .getBytes(StandardCharsets.US_ASCII), "https://www.nytimes.com/section/politics");
      w.page("https://www.foxnews.com/missing-page", t, "<!DOCTYPE html><html><head><title>Page not found</title>"
          + "</head><body><h1>Sorry, we can't find that page.</h1><p><a href=\"/\">Go to the home page</a></p></body></html>");
      return w.offsets();
    }
  }

  @Test
  void importsExactlyTheHtmlArticlesWithTheirTargetUrisAndDates() throws IOException {
    Path file = tmp.resolve("CC-NEWS-20160901.warc.gz");
    List<WarcFixture.Story> stories = WarcFixture.basil(6);
    List<Long> offsets = writeCrawl(file, WarcCompression.GZIP, stories);

    Read read = read(file, WarcFilter.NONE);

    assertThat(read.articles()).extracting(Article::url).containsExactlyElementsOf(
        stories.stream().map(WarcFixture.Story::url).toList());
    assertThat(read.articles()).extracting(Article::title).containsExactlyElementsOf(
        stories.stream().map(WarcFixture.Story::title).toList());
    assertThat(read.articles()).extracting(a -> a.provenance().importer()).containsOnly("warc");
    assertThat(read.articles().get(0).provenance().location()).isEqualTo(file.toString());
    assertThat(read.articles().get(0).provenance().locator()).isEqualTo(locator(3, offsets));
    assertThat(read.articles().get(0).text()).startsWith("WASHINGTON — Michael Steele, chairman of the Republican");
    assertThat(read.articles().get(0).language()).isEqualTo("en");
    // the date the page gives wins; a page without one gets the day it was archived, and says so
    assertThat(read.articles().get(0).published().iso()).startsWith(stories.get(0).published());
    Article undated = read.articles().get(1);
    assertThat(undated.published()).isEqualTo(new Published.OnDate(LocalDate.parse(stories.get(1).published()).plusDays(1)));
    assertThat(undated.notes()).anyMatch(n -> n.contains("WARC-Date " + archived(stories.get(1))));
    for (int i = 2; i < stories.size(); i++) {
      assertThat(read.articles().get(i).published().iso()).startsWith(stories.get(i).published());
    }

    assertThat(read.skipped()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "warcinfo", 1L, "request", 9L, "metadata", 7L, WarcArticleImporter.NOT_HTML, 1L,
        WarcArticleImporter.NOT_200, 1L));
    assertThat(read.rejections()).singleElement().satisfies(r -> {
      assertThat(r.input()).isEqualTo(file.toString());
      assertThat(r.locator()).isEqualTo(locator(25, offsets));
      assertThat(r.reason()).startsWith("https://www.foxnews.com/missing-page: no article text found in the HTML page");
    });
  }

  /** @return {@code record N at byte OFFSET}, the offset as the writer put the record */
  private static String locator(int number, List<Long> offsets) {
    return String.format(java.util.Locale.ROOT, "record %,d at byte %,d", number, offsets.get(number - 1));
  }

  @Test
  void hostFilterKeepsTheHostAndItsSubdomains() throws IOException {
    Path file = tmp.resolve("crawl.warc.gz");
    List<WarcFixture.Story> stories = WarcFixture.basil(6);
    writeCrawl(file, WarcCompression.GZIP, stories);

    Read read = read(file, new WarcFilter(List.of("NYTimes.com"), null, null, null));

    List<String> nyt = stories.stream().map(WarcFixture.Story::url)
        .filter(u -> URI.create(u).getHost().endsWith("nytimes.com")).toList();
    assertThat(nyt).isNotEmpty().hasSizeLessThan(stories.size());
    assertThat(read.articles()).extracting(Article::url).containsExactlyElementsOf(nyt);
    // the pages of other hosts, and the page-not-found page of foxnews.com, are skipped unread
    assertThat(read.skipped()).containsEntry(WarcFilter.OUTSIDE_HOST, stories.size() - nyt.size() + 1L);
    assertThat(read.rejections()).isEmpty();
  }

  @Test
  void fromAndToKeepPagesArchivedOnThoseDaysInclusive() throws IOException {
    Path file = tmp.resolve("crawl.warc");
    List<WarcFixture.Story> stories = WarcFixture.basil(9);
    writeCrawl(file, WarcCompression.NONE, stories);
    LocalDate from = LocalDate.parse(stories.get(3).published()).plusDays(1);
    LocalDate to = LocalDate.parse(stories.get(5).published()).plusDays(1);
    List<String> expected = stories.stream()
        .filter(s -> {
          LocalDate day = LocalDate.parse(s.published()).plusDays(1);
          return !day.isBefore(from) && !day.isAfter(to);
        })
        .map(WarcFixture.Story::url).toList();
    assertThat(expected).isNotEmpty().hasSizeLessThan(stories.size());

    Read read = read(file, new WarcFilter(List.of(), from, to, null));

    assertThat(read.articles()).extracting(Article::url).containsExactlyElementsOf(expected);
    assertThat(read.skipped().get(WarcFilter.OUTSIDE_DATES)).isEqualTo(stories.size() - expected.size() + 1L);
  }

  @Test
  void langFilterKeepsArticlesInTheDetectedLanguage() throws IOException {
    Path file = tmp.resolve("mixed.warc.gz");
    WarcFixture.Story english = WarcFixture.basil(1).get(0);
    String german = "Die Bundesregierung hat am Mittwoch in Berlin ein umfangreiches Paket zur Entlastung der Bürger"
        + " beschlossen. Nach Angaben des Finanzministeriums sollen Familien mit Kindern und Rentner im kommenden Jahr"
        + " deutlich weniger Steuern zahlen.\n\nDie Opposition kritisierte die Pläne als unzureichend. Die Maßnahmen"
        + " kämen zu spät und reichten bei weitem nicht aus, um die gestiegenen Preise für Energie und Lebensmittel"
        + " auszugleichen, sagte die Fraktionsvorsitzende im Bundestag.";
    try (WarcFixture w = new WarcFixture(file, WarcCompression.GZIP)) {
      w.page(english.url(), archived(english), WarcFixture.page(english, true));
      // no lang attribute: the language is detected from the text
      w.page("https://www.tagesschau.de/inland/entlastung-101.html", Instant.parse("2016-09-01T10:00:00Z"),
          WarcFixture.page("https://www.tagesschau.de/inland/entlastung-101.html", "tagesschau.de",
              "Bundesregierung beschließt Entlastungspaket", "2016-09-01", "", german));
    }

    Read en = read(file, new WarcFilter(List.of(), null, null, "EN"));
    Read de = read(file, new WarcFilter(List.of(), null, null, "de"));

    assertThat(en.articles()).extracting(Article::url).containsExactly(english.url());
    assertThat(en.skipped()).containsEntry(WarcFilter.OUTSIDE_LANGUAGE, 1L);
    assertThat(de.articles()).extracting(Article::url)
        .containsExactly("https://www.tagesschau.de/inland/entlastung-101.html");
    assertThat(de.articles().get(0).language()).isEqualTo("de");
    assertThat(de.skipped()).containsEntry(WarcFilter.OUTSIDE_LANGUAGE, 1L);
  }

  @Test
  void truncatedGzipFileYieldsTheRecordsBeforeTheCutAndOneRejectionNamingFileAndOffset() throws IOException {
    assertTruncatedFileKeepsRecordsBeforeTheCut(WarcCompression.GZIP, "cut.warc.gz");
  }

  @Test
  void truncatedPlainFileYieldsTheRecordsBeforeTheCutAndOneRejectionNamingFileAndOffset() throws IOException {
    assertTruncatedFileKeepsRecordsBeforeTheCut(WarcCompression.NONE, "cut.warc");
  }

  private void assertTruncatedFileKeepsRecordsBeforeTheCut(WarcCompression compression, String name)
      throws IOException {
    Path whole = tmp.resolve("whole-" + name);
    List<WarcFixture.Story> stories = WarcFixture.basil(6);
    List<Long> offsets;
    try (WarcFixture w = new WarcFixture(whole, compression)) {
      w.warcinfo();
      for (WarcFixture.Story s : stories) {
        w.page(s.url(), archived(s), WarcFixture.page(s, true));
      }
      offsets = w.offsets();
    }
    // cut in the middle of the response record of the fifth page (records: warcinfo, then request, response, metadata)
    int cutRecord = 1 + 4 * 3 + 1;
    long cutAt = (offsets.get(cutRecord) + offsets.get(cutRecord + 1)) / 2;
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = tmp.resolve(name);
    Files.write(cut, java.util.Arrays.copyOf(bytes, (int) cutAt));

    Read read = read(cut, WarcFilter.NONE);

    assertThat(read.articles()).extracting(Article::url)
        .containsExactlyElementsOf(stories.subList(0, 4).stream().map(WarcFixture.Story::url).toList());
    assertThat(read.rejections()).singleElement().satisfies(r -> {
      assertThat(r.message()).startsWith(cut.toString() + " record " + (cutRecord + 1) + " at byte "
          + String.format(java.util.Locale.ROOT, "%,d", offsets.get(cutRecord)) + ": ");
      assertThat(r.reason()).contains("damaged or cut off").contains("the " + cutRecord + " records before it were read");
    });
  }

  @Test
  void aRecordWithABrokenHttpMessageIsRejectedAloneAndReadingGoesOn() throws IOException {
    Path file = tmp.resolve("broken-record.warc.gz");
    List<WarcFixture.Story> stories = WarcFixture.basil(2);
    try (WarcFixture w = new WarcFixture(file, WarcCompression.GZIP)) {
      w.page(stories.get(0).url(), archived(stories.get(0)), WarcFixture.page(stories.get(0), true));
      w.rawResponse("https://www.foxnews.com/broken", Instant.parse("2010-07-04T06:00:00Z"),
          "this is no HTTP status line\r\n\r\n<html></html>".getBytes(StandardCharsets.US_ASCII));
      w.page(stories.get(1).url(), archived(stories.get(1)), WarcFixture.page(stories.get(1), true));
    }

    Read read = read(file, WarcFilter.NONE);

    assertThat(read.articles()).extracting(Article::url).containsExactly(stories.get(0).url(), stories.get(1).url());
    assertThat(read.rejections()).singleElement().satisfies(r -> {
      assertThat(r.locator()).startsWith("record 4 at byte ");
      assertThat(r.reason()).startsWith("cannot read the record: ");
    });
  }

  @Test
  void fileThatIsNoWarcAtAllIsOneRejection() throws IOException {
    Path file = tmp.resolve("notes.warc");
    Files.writeString(file, "These are my notes about the election, not a web archive.\n");

    Read read = read(file, WarcFilter.NONE);

    assertThat(read.articles()).isEmpty();
    assertThat(read.rejections()).singleElement().satisfies(r -> {
      assertThat(r.locator()).isEqualTo("record 1 at byte 0");
      assertThat(r.reason()).contains("damaged or cut off").contains("no record before it");
    });
  }

  @Test
  void filterRefusesBadValuesNamingThem() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WarcFilter(List.of("https://bbc.co.uk/news"), null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://bbc.co.uk/news");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WarcFilter(List.of(), LocalDate.of(2016, 9, 2),
        LocalDate.of(2016, 9, 1), null)).hasMessageContaining("2016-09-02");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WarcFilter(List.of(), null, null, "english"))
        .hasMessageContaining("english");
  }
}
