package org.crosscheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.TextKind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlArticleImporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROSE = "The harbour authority said the new ferry terminal would open in the spring after "
      + "two years of delays, and that services to the outer islands would run every hour during the summer. "
      + "Residents had campaigned for a faster crossing since the old vessel was withdrawn, and local businesses "
      + "said the change would bring more visitors to the villages along the northern shore of the bay.";

  private final HtmlArticleImporter importer = new HtmlArticleImporter();

  /** What a fixture page must yield; read from {@code <name>.expected.json} next to the page. */
  record Expected(
      String title,
      String outlet,
      String published,
      @Nullable String url,
      @Nullable String fetchedFrom,
      String language,
      List<String> bodyContains,
      List<String> bodyExcludes) {}

  record Fixture(Path page, Expected expected) {
    @Override
    public String toString() {
      return page.getParent().getFileName() + "/" + page.getFileName();
    }

    Input input() throws IOException {
      return expected.fetchedFrom() == null
          ? new FileInput(page)
          : new BytesInput(expected.fetchedFrom(), Provenance.Kind.URL, Files.readAllBytes(page), null);
    }
  }

  static Stream<Fixture> articles() throws IOException {
    List<Fixture> fixtures = new ArrayList<>();
    try (Stream<Path> pages = Files.walk(resource("articles"))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        Path expected = page.resolveSibling(page.getFileName().toString().replace(".html", ".expected.json"));
        fixtures.add(new Fixture(page, JSON.readValue(expected.toFile(), Expected.class)));
      }
    }
    return fixtures.stream();
  }

  static Stream<Path> nonArticles() throws IOException {
    try (Stream<Path> pages = Files.list(resource("html-non-articles"))) {
      return pages.sorted().toList().stream();
    }
  }

  @Test
  void hasSixOrMoreArticleFixturesFromDifferentOutlets() throws IOException {
    assertThat(articles().map(f -> f.page().getParent().getFileName()).distinct()).hasSizeGreaterThanOrEqualTo(6);
    assertThat(nonArticles()).hasSizeGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("articles")
  void readsHeadlineOutletDateUrlAndLanguageFromPageMetadata(Fixture fixture) throws IOException {
    Article article = readOne(fixture.input());

    Expected want = fixture.expected();
    assertThat(article.title()).isEqualTo(want.title());
    assertThat(article.outlet()).isEqualTo(want.outlet());
    assertThat(article.published().iso()).isEqualTo(want.published());
    assertThat(article.url()).isEqualTo(want.url());
    assertThat(article.language()).isEqualTo(want.language());
    assertThat(article.textKind()).isEqualTo(TextKind.FULL);
    assertThat(article.provenance().importer()).isEqualTo("html");
    assertThat(article.provenance().location()).isEqualTo(fixture.input().name());
    assertThat(article.provenance().locator()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("articles")
  void keepsEveryParagraphOfTheArticle(Fixture fixture) throws IOException {
    String text = readOne(fixture.input()).text();

    assertThat(fixture.expected().bodyContains()).allSatisfy(sentence -> assertThat(text).contains(sentence));
    assertThat(text.split("\\s+")).hasSizeGreaterThan(250);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("articles")
  void dropsMenusBannersNewslettersRelatedListsAdsAndFooter(Fixture fixture) throws IOException {
    String text = readOne(fixture.input()).text();

    assertThat(fixture.expected().bodyExcludes()).allSatisfy(boilerplate -> assertThat(text).doesNotContain(boilerplate));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("articles")
  void separatesParagraphsWithOneBlankLineAndDoesNotRepeatTheHeadline(Fixture fixture) throws IOException {
    Article article = readOne(fixture.input());
    String[] paragraphs = article.text().split("\n\n");

    assertThat(paragraphs).hasSizeGreaterThanOrEqualTo(6);
    assertThat(paragraphs).allSatisfy(p -> assertThat(p).isNotBlank().isEqualTo(p.strip()).doesNotContain("\n", "  "));
    assertThat(paragraphs[0]).isNotEqualTo(article.title());
    assertThat(article.text()).doesNotStartWith(article.title());
    assertThat(fixture.expected().bodyContains())
        .allSatisfy(sentence -> assertThat(paragraphs).anySatisfy(p -> assertThat(p).contains(sentence)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("articles")
  void notesOnlyAMissingPublicationDate(Fixture fixture) throws IOException {
    Article article = readOne(fixture.input());

    if (article.published().isKnown()) {
      assertThat(article.notes()).isEmpty();
    } else {
      assertThat(article.notes()).containsExactly("publication date not found in the page");
    }
  }

  @Test
  void decodesWindows1252PageByItsMetaCharset() throws IOException {
    Path page = resource("articles/meridian-wire/sines-port-strike.html");
    assertThat(new String(Files.readAllBytes(page), StandardCharsets.ISO_8859_1)).contains("Jo\u00E3o Concei\u00E7\u00E3o");

    String text = readOne(new FileInput(page)).text();

    assertThat(text).contains("João Conceição", "Ramón Ibáñez", "François Lefèvre", "Inês Araújo", "€1,200",
        "“fair and responsible”", "Portugal’s labour minister");
    assertThat(text).doesNotContain("\uFFFD", "Ã", "â€");
  }

  @Test
  void honoursTheCharsetOfTheDeclaredContentType() throws IOException {
    byte[] latin1 = page("<title>Ferry terminal to open</title>", "<article><p>José Müller, the harbourmaster, said "
        + PROSE + "</p></article>").getBytes(StandardCharsets.ISO_8859_1);

    Article declared = readOne(new BytesInput("https://news.example/ferry", Provenance.Kind.URL, latin1,
        "text/html; charset=ISO-8859-1"));
    Article undeclared = readOne(new BytesInput("https://news.example/ferry", Provenance.Kind.URL, latin1, "text/html"));

    assertThat(declared.text()).startsWith("José Müller, the harbourmaster, said");
    assertThat(undeclared.text()).doesNotContain("José");
  }

  @Test
  void contentTypeCharsetWinsOverMetaCharset() throws IOException {
    byte[] utf8 = page("<meta charset=\"windows-1252\"><title>Ferry</title>", "<article><p>Zoë Brontë said "
        + PROSE + "</p></article>").getBytes(StandardCharsets.UTF_8);

    Article article = readOne(new BytesInput("https://news.example/f", Provenance.Kind.URL, utf8, "text/html;charset=utf-8"));

    assertThat(article.text()).startsWith("Zoë Brontë said");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonArticles")
  void refusesPagesWithoutAnArticle(Path page) {
    assertThatThrownBy(() -> readOne(new FileInput(page)))
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("no article text")
        .hasMessageMatching(".*only \\d+ words of body text.*");
  }

  @Test
  void refusesAPageOverTheSizeLimitWithoutReadingIt() {
    Input huge = new Input() {
      @Override public String name() {
        return "huge.html";
      }

      @Override public Provenance.Kind kind() {
        return Provenance.Kind.FILE;
      }

      @Override public InputStream open() {
        throw new AssertionError("a page over the limit must be refused before it is read");
      }

      @Override public OptionalLong size() {
        return OptionalLong.of(Limits.MAX_DOCUMENT_BYTES + 1L);
      }
    };

    assertThatThrownBy(() -> readOne(huge)).isInstanceOf(IngestException.class).hasMessageContaining("limit");
  }

  @Test
  void parsesSpaceSeparatedAndRfc1123PublicationDates() throws IOException {
    String body = "<article><p>" + PROSE + "</p></article>";

    assertThat(readOne(html(page("<meta name=\"sailthru.date\" content=\"Mon, 28 Apr 2025 10:00:00 GMT\">", body)))
        .published().iso()).isEqualTo("2025-04-28T10:00Z");
    assertThat(readOne(html(page("<meta name=\"parsely-pub-date\" content=\"2025-04-28 10:00:00 +0200\">", body)))
        .published().iso()).isEqualTo("2025-04-28T10:00+02:00");
    assertThat(readOne(html(page("<meta name=\"dc.date\" content=\"2025-04-28\">", body))).published().iso())
        .isEqualTo("2025-04-28");
    assertThat(readOne(html(page("<meta name=\"date\" content=\"last Tuesday\">", body))).published().isKnown()).isFalse();
  }

  @Test
  void neverTakesTheDateFromBodyProse() throws IOException {
    Article article = readOne(html(page("<title>Ferry</title>",
        "<article><p>Published on 3 March 2025. " + PROSE + " The terminal opens on 2025-06-01.</p></article>")));

    assertThat(article.published().isKnown()).isFalse();
    assertThat(article.notes()).containsExactly("publication date not found in the page");
  }

  @Test
  void followsJsonLdPublisherReferenceAndMainEntityOfPage() throws IOException {
    String ld = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        + "{\"@type\":\"NewsMediaOrganization\",\"@id\":\"#org\",\"name\":\"Bay Islands Echo\"},"
        + "{\"@type\":[\"ReportageNewsArticle\"],\"headline\":\"Ferry terminal to open in spring\","
        + "\"mainEntityOfPage\":{\"@type\":\"WebPage\",\"@id\":\"https://bayecho.example/news/ferry-terminal\"},"
        + "\"datePublished\":\"2025-01-09T08:00:00+13:00\",\"inLanguage\":\"en-NZ\",\"publisher\":{\"@id\":\"#org\"}}]}</script>";

    Article article = readOne(html(page(ld + "<title>Ferry | Bay Islands Echo</title>",
        "<article><h1>Ferry terminal to open in spring</h1><p>" + PROSE + "</p></article>")));

    assertThat(article.title()).isEqualTo("Ferry terminal to open in spring");
    assertThat(article.outlet()).isEqualTo("Bay Islands Echo");
    assertThat(article.url()).isEqualTo("https://bayecho.example/news/ferry-terminal");
    assertThat(article.published().iso()).isEqualTo("2025-01-09T08:00+13:00");
    assertThat(article.text()).startsWith("The harbour authority said");
  }

  @Test
  void fallsBackToTheFetchedUrlAndItsHostWhenThePageNamesNeither() throws IOException {
    byte[] bytes = page("", "<article><h1>Ferry terminal to open</h1><p>" + PROSE + "</p></article>")
        .getBytes(StandardCharsets.UTF_8);

    Article article = readOne(new BytesInput("https://www.bayecho.example/news/ferry?ref=rss", Provenance.Kind.URL,
        bytes, "text/html"));

    assertThat(article.url()).isEqualTo("https://www.bayecho.example/news/ferry?ref=rss");
    assertThat(article.outlet()).isEqualTo("bayecho.example");
    assertThat(article.title()).isEqualTo("Ferry terminal to open");
    assertThat(article.provenance().kind()).isEqualTo(Provenance.Kind.URL);
  }

  @Test
  void usesJsonLdArticleBodyWhenThePageRendersNoText() throws IOException {
    String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Ferry terminal\","
        + "\"articleBody\":\"" + PROSE + "\\n\\nThe council will vote on the timetable next week.\"}</script>";

    Article article = readOne(html(page(ld, "<div id=\"app\"></div><noscript>Please enable JavaScript.</noscript>")));

    assertThat(article.text()).isEqualTo(PROSE + "\n\nThe council will vote on the timetable next week.");
    assertThat(article.notes()).contains("body text taken from the page's JSON-LD articleBody");
  }

  @Test
  void refusesAPageNested10000DeepWithoutOverflowingTheStack() {
    byte[] deep = page("<title>Ferry</title>", "<div>".repeat(10_000) + "<p>" + PROSE + "</p>" + "</div>".repeat(10_000))
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> importer.read(new BytesInput("page.html", Provenance.Kind.FILE, deep, null), i -> { }))
        .isInstanceOf(IngestException.class)
        .hasMessage("elements nested deeper than 512 levels");
  }

  @Test
  void readsAPageNestedDeeplyButWithinTheLimit() throws IOException {
    Article article = readOne(html(page("<title>Ferry</title>",
        "<div>".repeat(200) + "<article><p>" + PROSE + "</p></article>" + "</div>".repeat(200))));
    assertThat(article.text()).isEqualTo(PROSE);
  }

  @Test
  void skipsJsonLdNestedTooDeepAndKeepsTheMetaTags() throws IOException {
    String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Deep\",\"x\":"
        + "[".repeat(2_000) + "]".repeat(2_000) + "}</script>";
    Article article = readOne(html(page(ld + "<meta property=\"og:title\" content=\"Ferry terminal to open\">",
        "<article><p>" + PROSE + "</p></article>")));
    assertThat(article.title()).isEqualTo("Ferry terminal to open");
  }

  static Stream<Path> everyHtmlFixture() throws IOException {
    try (Stream<Path> files = Files.walk(resource(""))) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyHtmlFixture")
  void givesTheSameArticleEachTimeAPageIsRead(Path page) throws IOException {
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      List<Imported> items = new ArrayList<>();
      try {
        new HtmlArticleImporter().read(new FileInput(page), items::add);
        outcomes.add(items.toString());
      } catch (IngestException e) {
        outcomes.add("refused: " + e.getMessage());
      }
    }
    assertThat(outcomes).as("five reads of " + page.getFileName()).containsOnly(outcomes.getFirst());
  }

  @Test
  void givesTheSameArticlesWhenSharedBetweenThreads() throws IOException {
    List<Fixture> fixtures = articles().toList();
    List<String> sequential = new ArrayList<>();
    for (Fixture f : fixtures) {
      sequential.add(readOne(f.input()).contentHash());
    }

    List<String> parallel = Stream.of(fixtures, fixtures, fixtures).flatMap(List::stream).parallel()
        .map(f -> {
          try {
            return readOne(f.input()).contentHash();
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        })
        .toList();

    assertThat(parallel).containsExactlyElementsOf(
        Stream.of(sequential, sequential, sequential).flatMap(List::stream).toList());
  }

  private Article readOne(Input input) throws IOException {
    List<Imported> items = new ArrayList<>();
    importer.read(input, items::add);
    assertThat(items).hasSize(1).first().isInstanceOf(Imported.Parsed.class);
    return ((Imported.Parsed) items.get(0)).article();
  }

  private static BytesInput html(String page) {
    return new BytesInput("page.html", Provenance.Kind.FILE, page.getBytes(StandardCharsets.UTF_8), null);
  }

  private static String page(String head, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head>" + head + "</head><body>"
        + "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>" + body
        + "<footer><p>© 2025 Example Media</p></footer></body></html>";
  }

  private static Path resource(String name) {
    try {
      return Path.of(HtmlArticleImporterTest.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
