package org.crosscheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.junit.jupiter.api.Test;

class FeedArticleImporterTest {
  private final FeedArticleImporter importer = new FeedArticleImporter(false, null, null);

  static byte[] fixture(String name) {
    try (InputStream in = FeedArticleImporterTest.class.getResourceAsStream("/feeds/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Imported> read(ArticleImporter importer, Input input) throws IOException {
    List<Imported> items = new ArrayList<>();
    importer.read(input, items::add);
    return items;
  }

  private List<Imported> read(String name) throws IOException {
    return read(importer, new BytesInput("feeds/" + name, Provenance.Kind.FILE, fixture(name), null));
  }

  private static Article article(Imported imported) {
    assertThat(imported).isInstanceOf(Imported.Parsed.class);
    return ((Imported.Parsed) imported).article();
  }

  private static Rejection rejection(Imported imported) {
    assertThat(imported).isInstanceOf(Imported.Rejected.class);
    return ((Imported.Rejected) imported).rejection();
  }

  private static Published at(String iso) {
    return new Published.AtInstant(OffsetDateTime.parse(iso));
  }

  @Test
  void readsRss2ContentEncodedAsFullText() throws IOException {
    List<Imported> items = read("rss2-full.xml");

    assertThat(items).hasSize(3);
    Article first = article(items.get(0));
    assertThat(first.outlet()).isEqualTo("The Harbour Gazette");
    assertThat(first.title()).isEqualTo("Dock workers vote to end three-week strike");
    assertThat(first.url()).isEqualTo("https://harbourgazette.example/2025/04/28/dock-strike-ends");
    assertThat(first.published()).isEqualTo(at("2025-04-28T07:15:00Z"));
    assertThat(first.textKind()).isEqualTo(TextKind.FULL);
    assertThat(first.notes()).isEmpty();
    assertThat(first.language()).isEqualTo("en");
    assertThat(first.text().split("\n\n")).hasSize(4);
    assertThat(first.text()).startsWith("Workers at the north container terminal voted on Monday morning to accept a "
        + "revised pay offer, ending a strike that had idled the port for three weeks.\n\nOf the 1,240 members");
    assertThat(first.text()).contains("The union\u2019s regional secretary said the result showed that members were "
        + "\"tired but not defeated\".");
    assertThat(first.provenance()).isEqualTo(new Provenance(Provenance.Kind.FILE, "feeds/rss2-full.xml", "item 1", "feed"));
  }

  @Test
  void keepsInstantsOfEveryOffset() throws IOException {
    List<Imported> items = read("rss2-full.xml");

    assertThat(items).extracting(i -> article(i).published()).containsExactly(
        at("2025-04-28T07:15:00Z"), at("2025-04-28T03:40:00Z"), at("2025-04-26T06:05:00Z"));
  }

  @Test
  void splitsDoubleBreaksIntoParagraphsAndUnescapesTitles() throws IOException {
    Article second = article(read("rss2-full.xml").get(1));

    assertThat(second.title()).isEqualTo("Swing bridge to close for \"urgent\" repairs & inspection");
    assertThat(second.provenance().locator()).isEqualTo("item 2");
    String[] paragraphs = second.text().split("\n\n");
    assertThat(paragraphs).hasSize(4);
    assertThat(paragraphs[1]).isEqualTo("The council said the closure would last at least six weeks. Pedestrians and "
        + "cyclists will be directed to a temporary footbridge beside the lock gates, while drivers face a diversion "
        + "of almost four miles through the industrial estate.");
  }

  @Test
  void rendersBlockElementsAndDropsScripts() throws IOException {
    Article third = article(read("rss2-full.xml").get(2));

    assertThat(third.text()).startsWith("A new wing by 2027\n\nThe Quayside library has been awarded \u00a31.8 million");
    assertThat(third.text()).contains("\n\nChildren\u2019s library\n\nLocal history archive\n\n");
    assertThat(third.text()).doesNotContain("trackView");
    assertThat(third.textKind()).isEqualTo(TextKind.FULL);
  }

  @Test
  void summaryOnlyItemsAreSummariesWithANote() throws IOException {
    List<Imported> items = read("rss2-summaries.xml");

    assertThat(items).hasSize(4);
    Article first = article(items.get(0));
    assertThat(first.outlet()).isEqualTo("Valley Courier");
    assertThat(first.textKind()).isEqualTo(TextKind.SUMMARY);
    assertThat(first.notes()).containsExactly(
        "feed item carries only a summary; ingest with --fetch-full-text to fetch the linked page");
    assertThat(first.text()).isEqualTo("High schools in the district will start at 8:45 a.m. from September after "
        + "a 5-2 vote in the caf\u00e9 of the district office.");
    assertThat(first.published()).isEqualTo(at("2025-04-30T00:30:00Z"));
    Article second = article(items.get(1));
    assertThat(second.title()).isEqualTo("Caf\u00e9 owner restores 1920s neon sign");
    assertThat(second.text()).isEqualTo("The sign had been in a barn for forty years.\n\nIt now hangs above Main Street again.");
  }

  @Test
  void rejectsItemsWithoutText() throws IOException {
    List<Imported> items = read("rss2-summaries.xml");

    assertThat(rejection(items.get(2)))
        .isEqualTo(new Rejection("feeds/rss2-summaries.xml", "item 3", "feed item has no text (only a title)"));
    assertThat(rejection(items.get(3)))
        .isEqualTo(new Rejection("feeds/rss2-summaries.xml", "item 4", "feed item has no title and no text"));
  }

  @Test
  void readsAtomContentSummaryAndXhtml() throws IOException {
    List<Imported> items = read("atom.xml");

    assertThat(items).hasSize(3);
    Article first = article(items.get(0));
    assertThat(first.outlet()).isEqualTo("Northern Science Review");
    assertThat(first.title()).isEqualTo("Ice cores show earlier spring melt");
    assertThat(first.url()).isEqualTo("https://northsci.example/2025/ice-cores");
    assertThat(first.published()).isEqualTo(at("2025-04-28T07:00:00Z"));
    assertThat(first.textKind()).isEqualTo(TextKind.FULL);
    assertThat(first.language()).isEqualTo("en");
    assertThat(first.text().split("\n\n")).hasSize(3);

    Article second = article(items.get(1));
    assertThat(second.published()).as("updated, when there is no published").isEqualTo(at("2025-04-27T22:45:00Z"));
    assertThat(second.textKind()).isEqualTo(TextKind.SUMMARY);
    assertThat(second.text()).isEqualTo("The hilltop observatory welcomes visitors again from May.");

    Article third = article(items.get(2));
    assertThat(third.textKind()).isEqualTo(TextKind.FULL);
    assertThat(third.text().split("\n\n")).hasSize(3);
    assertThat(third.text()).startsWith("Volunteers who counted lichens on trees in fourteen city centres");
  }

  @Test
  void readsRss1DublinCoreDates() throws IOException {
    List<Imported> items = read("rss1-rdf.xml");

    assertThat(items).extracting(i -> article(i).published())
        .containsExactly(at("2025-04-27T22:30:00Z"), at("2025-04-27T16:00:00Z"));
    Article first = article(items.get(0));
    assertThat(first.outlet()).isEqualTo("East Bay Wire");
    assertThat(first.url()).isEqualTo("https://eastbaywire.example/ferry-timetable");
    assertThat(first.textKind()).isEqualTo(TextKind.SUMMARY);
    assertThat(first.language()).isEqualTo("en");
  }

  @Test
  void reportsLineAndColumnOfMalformedXml() {
    assertThatThrownBy(() -> read("malformed.xml"))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith("malformed feed XML at line 11, column 7: ")
        .hasMessageContaining("\"title\"");
  }

  @Test
  void refusesAnHtmlPage() {
    assertThatThrownBy(() -> read("page.html"))
        .isInstanceOf(IngestException.class)
        .hasMessage("not an RSS or Atom feed (root element <html>)");
  }

  @Test
  void refusesOtherXml() {
    byte[] sitemap = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/</loc></url></urlset>
        """.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(importer, new BytesInput("sitemap.xml", Provenance.Kind.FILE, sitemap, null)))
        .isInstanceOf(IngestException.class)
        .hasMessage("not an RSS or Atom feed (root element <urlset>)");
  }

  @Test
  void refusesAFeedWithoutItems() {
    assertThatThrownBy(() -> read("empty-channel.xml"))
        .isInstanceOf(IngestException.class)
        .hasMessage("the feed has no items");
  }

  @Test
  void ignoresAnExternalDoctypeButRefusesEntityDeclarations() throws IOException {
    String rss091 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
          "http://my.netscape.com/publish/formats/rss-0.91.dtd">
        <rss version="0.91"><channel><title>Old Wire</title><link>https://oldwire.example/</link>
        <description>d</description><language>en-us</language>
        <item><title>Mill reopens</title><link>https://oldwire.example/mill</link>
        <description>The mill reopened on Friday.</description></item></channel></rss>
        """;
    List<Imported> items = read(importer, new BytesInput("old.rss", Provenance.Kind.FILE,
        rss091.getBytes(StandardCharsets.UTF_8), null));
    assertThat(article(items.get(0)).text()).isEqualTo("The mill reopened on Friday.");

    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
        <rss version="2.0"><channel><title>&secret;</title><item><title>t</title><description>d</description></item></channel></rss>
        """;
    assertThatThrownBy(() -> read(importer, new BytesInput("xxe.rss", Provenance.Kind.FILE,
        xxe.getBytes(StandardCharsets.UTF_8), null)))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith("malformed feed XML at line 2")
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void refusesAnElementWith200000AttributesWithinASecondNamingTheLine() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel><item");
    for (int i = 0; i < 200_000; i++) {
      xml.append(" a").append(i).append("=\"x\"");
    }
    xml.append("><title>t</title><description>d</description></item></channel></rss>");
    byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
    long started = System.nanoTime();
    assertThatThrownBy(() -> read(importer, new BytesInput("feed.xml", Provenance.Kind.FILE, bytes, null)))
        .isInstanceOf(IngestException.class)
        .hasMessage("line 3: the element <item> has more than 1,000 attributes (limit 1,000)");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void readsAnElementWithAsManyAttributesAsTheLimit() throws IOException {
    StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><item");
    for (int i = 0; i < Limits.MAX_XML_ATTRIBUTES; i++) {
      xml.append(" a").append(i).append("=\"x\"");
    }
    xml.append("><title>t</title><description>The mill reopened.</description></item></channel></rss>");
    List<Imported> items = read(importer, new BytesInput("feed.xml", Provenance.Kind.FILE,
        xml.toString().getBytes(StandardCharsets.UTF_8), null));
    assertThat(article(items.get(0)).text()).isEqualTo("The mill reopened.");
  }

  @Test
  void refusesElementsNestedDeeperThanTheLimitNamingTheLine() {
    String xml = "<rss version=\"2.0\"><channel><item><title>t</title>\n<description>"
        + "<x>".repeat(10_000) + "</x>".repeat(10_000) + "</description></item></channel></rss>";
    assertThatThrownBy(() -> read(importer, new BytesInput("deep.xml", Provenance.Kind.FILE,
        xml.getBytes(StandardCharsets.UTF_8), null)))
        .isInstanceOf(IngestException.class)
        .hasMessage("line 2: elements nested deeper than 256 levels");
  }

  @Test
  void refusesABillionLaughsFeed() {
    String laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
        <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
        <rss version="2.0"><channel><title>&d;</title><item><title>t</title><description>d</description></item></channel></rss>
        """;
    assertThatThrownBy(() -> read(importer, new BytesInput("laughs.rss", Provenance.Kind.FILE,
        laughs.getBytes(StandardCharsets.UTF_8), null)))
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void refusesAFeedDeclaringAnUnknownEncodingNamingIt() {
    byte[] feed = "<?xml version=\"1.0\" encoding=\"ttf-8\"?><rss version=\"2.0\"><channel><item><title>t</title></item></channel></rss>"
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(importer, new BytesInput("feed.xml", Provenance.Kind.FILE, feed, null)))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith("the feed declares an encoding that is not known: ")
        .hasMessageContaining("TTF-8");
  }

  @Test
  void needsAFetcherOnlyToFetchFullText() {
    assertThat(importer.name()).isEqualTo("feed");
    assertThatThrownBy(() -> new FeedArticleImporter(true, null, null)).isInstanceOf(NullPointerException.class);
  }
}
