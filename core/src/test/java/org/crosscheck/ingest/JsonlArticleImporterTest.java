package org.crosscheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.junit.jupiter.api.Test;

class JsonlArticleImporterTest {
  private final JsonlArticleImporter importer = new JsonlArticleImporter();

  private List<Imported> read(Input input) throws IOException {
    List<Imported> out = new ArrayList<>();
    importer.read(input, out::add);
    return out;
  }

  private List<Imported> read(String content) throws IOException {
    return read(new BytesInput("in.jsonl", Provenance.Kind.FILE, content.getBytes(StandardCharsets.UTF_8), null));
  }

  private static List<Article> articles(List<Imported> items) {
    return items.stream().filter(i -> i instanceof Imported.Parsed).map(i -> ((Imported.Parsed) i).article()).toList();
  }

  private static List<Rejection> rejections(List<Imported> items) {
    return items.stream().filter(i -> i instanceof Imported.Rejected).map(i -> ((Imported.Rejected) i).rejection())
        .toList();
  }

  @Test
  void readsEveryBasilArticleWithItsMetadataAndGoldLabel() throws IOException {
    List<Imported> items = read(new FileInput(SharedData.path("basil-2010-2016.jsonl")));
    List<Article> articles = articles(items);
    assertThat(articles).hasSize(210);
    assertThat(rejections(items)).isEmpty();
    Article first = articles.get(0);
    assertThat(first.sourceId()).isEqualTo("basil-d2e17368-b2da-4ee4-a7d9-8a5cccdebefd");
    assertThat(first.id().value()).matches("a-[0-9a-f]{16}");
    assertThat(first.outlet()).isEqualTo("The New York Times");
    assertThat(first.title()).isEqualTo("Michael Steele Criticized for Afghanistan Comments");
    assertThat(first.published().iso()).isEqualTo("2010-07-02");
    assertThat(first.goldStory()).isNotBlank();
    assertThat(first.provenance().locator()).isEqualTo("line 1");
    assertThat(articles).extracting(Article::outlet).containsOnly("The New York Times", "Fox News", "HuffPost",
        "NYT", "FOX", "HPO");
    assertThat(articles).allMatch(a -> a.language().equals("en"));
  }

  @Test
  void readsEcbArticlesWithoutDatesOrOutlets() throws IOException {
    List<Article> articles = articles(read(new FileInput(SharedData.path("ecbplus-train-dev.jsonl"))));
    assertThat(articles).hasSize(772);
    assertThat(articles).allMatch(a -> !a.published().isKnown() && a.outlet() == null && a.goldStory() != null);
  }

  @Test
  void rejectsABrokenLineWithItsNumberAndKeepsTheGoodOnes() throws IOException {
    List<Imported> items = read("""
        {"id": "a1", "text": "First article text."}
        {"id": "a2", "text": "Second article text.",
        {"id": "a3", "text": "Third article text."}
        """);
    assertThat(articles(items)).extracting(Article::sourceId).containsExactly("a1", "a3");
    assertThat(rejections(items)).singleElement().satisfies(r -> {
      assertThat(r.locator()).isEqualTo("line 2");
      assertThat(r.message()).startsWith("in.jsonl line 2: not valid JSON");
    });
  }

  @Test
  void rejectsALineNested1001DeepAndReadsTheNextLine() throws IOException {
    String good = "{\"id\": \"a%d\", \"text\": \"Article text.\"}\n";
    StringBuilder in = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      in.append(good.formatted(i));
    }
    in.append("{\"id\": \"deep\", \"text\": \"x\", \"extra\": ").append("[".repeat(1_000))
        .append("]".repeat(1_000)).append("}\n");
    in.append(good.formatted(8));
    List<Imported> items = read(new BytesInput("articles.jsonl", Provenance.Kind.FILE,
        in.toString().getBytes(StandardCharsets.UTF_8), null));
    assertThat(rejections(items)).extracting(Rejection::message)
        .containsExactly("articles.jsonl line 7: JSON nested deeper than 100 levels");
    assertThat(articles(items)).extracting(Article::sourceId).containsExactly("a1", "a2", "a3", "a4", "a5", "a6", "a8");
  }

  @Test
  void rejectsAJsonDocumentNestedTooDeep() {
    String deep = "[\n" + "[".repeat(1_000) + "]".repeat(1_000) + "\n]\n";
    assertThatThrownBy(() -> read(deep)).isInstanceOf(IngestException.class)
        .hasMessage("a JSON document that cannot be read: JSON nested deeper than 100 levels");
  }

  @Test
  void rejectsLinesWithMissingOrMistypedFields() throws IOException {
    List<Imported> items = read("""
        {"id": "a1"}
        {"id": "a2", "text": "ok", "published": "yesterday"}
        {"id": "a3", "text": "ok", "title": 5}
        {"id": "%s", "text": "ok"}
        [1, 2]
        {"id": 42, "text": "numeric id is fine", "published": "2025-04-28T10:00:00+09:00"}

        """.formatted("x".repeat(201)));
    assertThat(rejections(items)).extracting(Rejection::reason).containsExactly(
        "field 'text' is missing or empty",
        "field 'published': 'yesterday' is not an ISO-8601 date or date-time",
        "field 'title' must be a string or null, not NUMBER",
        "field 'id': source id is 201 characters long; the limit is 200",
        "not a JSON object (found ARRAY)");
    Article ok = articles(items).get(0);
    assertThat(ok.sourceId()).isEqualTo("42");
    assertThat(ok.published().iso()).isEqualTo("2025-04-28T10:00+09:00");
  }

  @Test
  void rejectsInvalidUtf8LineAndReadsTheNext() throws IOException {
    byte[] head = "{\"id\":\"a\",\"text\":\"caf".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\"}\n{\"id\":\"b\",\"text\":\"fine\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    all[head.length] = (byte) 0xE9;
    System.arraycopy(tail, 0, all, head.length + 1, tail.length);
    List<Imported> items = read(new BytesInput("x.jsonl", Provenance.Kind.FILE, all, null));
    assertThat(rejections(items)).singleElement().satisfies(r ->
        assertThat(r.message()).isEqualTo("x.jsonl line 1: invalid UTF-8 at byte " + head.length
            + " of the line; JSON Lines must be UTF-8"));
    assertThat(articles(items)).extracting(Article::sourceId).containsExactly("b");
  }

  @Test
  void readsAJsonArrayDocumentItemByItem() throws IOException {
    List<Imported> items = read("""
        [
          {"id": "a", "text": "First.", "source": "Wire"},
          {"id": "b"}
        ]
        """);
    assertThat(articles(items)).singleElement().satisfies(a -> {
      assertThat(a.sourceId()).isEqualTo("a");
      assertThat(a.provenance().locator()).isEqualTo("item 1");
    });
    assertThat(rejections(items)).extracting(Rejection::message)
        .containsExactly("in.jsonl item 2: field 'text' is missing or empty");
  }

  @Test
  void readsAPrettyPrintedArticleObject() throws IOException {
    List<Imported> items = read("""
        {
          "id": "one",
          "title": "A pretty-printed article",
          "text": "Its text."
        }
        """);
    assertThat(articles(items)).singleElement().satisfies(a -> {
      assertThat(a.title()).isEqualTo("A pretty-printed article");
      assertThat(a.provenance().locator()).isNull();
    });
    assertThat(rejections(items)).isEmpty();
  }

  @Test
  void refusesAMultiLineDocumentOnStandardInput() {
    var stdin = new StdinInput(new java.io.ByteArrayInputStream("[\n{\"text\": \"x\"}\n]\n".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> read(stdin)).isInstanceOf(IngestException.class)
        .hasMessageContaining("multi-line JSON document on standard input");
  }

  @Test
  void givesUpOnAFileThatIsNotJsonLinesAfterTwentyLines() {
    List<Imported> items = new ArrayList<>();
    String prose = "This is a line of prose, not JSON.\n".repeat(100);
    assertThatThrownBy(() -> importer.read(
        new BytesInput("notes.json", Provenance.Kind.FILE, prose.getBytes(StandardCharsets.UTF_8), null), items::add))
        .isInstanceOf(IngestException.class).hasMessageContaining("stopped after 20 lines without one article");
    assertThat(items).hasSize(20);
  }

  @Test
  void rejectsAnOverlongLineWithoutHoldingItInMemory() throws IOException {
    StringBuilder sb = new StringBuilder("{\"id\":\"big\",\"text\":\"");
    sb.append("x".repeat(Limits.MAX_DOCUMENT_BYTES + 10)).append("\"}\n{\"id\":\"small\",\"text\":\"y\"}\n");
    List<Imported> items = read(sb.toString());
    assertThat(rejections(items)).singleElement().satisfies(r -> assertThat(r.reason()).contains("larger than the"));
    assertThat(articles(items)).extracting(Article::sourceId).containsExactly("small");
  }
}
