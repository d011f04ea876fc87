package org.crosscheck.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * Reads one HTML page (a saved file or a fetched URL) as one news article.
 *
 * <p>The page's metadata (JSON-LD, Open Graph, microdata, canonical link, {@code <title>}) gives
 * the headline, outlet, publication date, URL and language; the body text is the main content
 * that Readability4J finds after navigation, banners, share buttons, related-story lists, comments
 * and ads are removed, as paragraphs separated by blank lines. When that finds too little, the
 * JSON-LD {@code articleBody} is used. A page with no article (a home page, an error page, an empty
 * document) is refused with an {@link IngestException}.
 *
 * <p>The charset is the one the server declared in {@link Input#contentType()}, else the byte-order
 * mark or {@code <meta charset>}, else UTF-8.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlArticleImporter implements ArticleImporter {
  /** Fewer words of body text than this and the page is not an article. */
  static final int MIN_WORDS = 40;

  private static final String PLACEHOLDER_BASE = "https://localhost/";
  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([^\"';\\s]+)");
  private static final Pattern HTTP_URL = Pattern.compile("(?i)^https?://\\S+$");

  /** Creates the importer. */
  public HtmlArticleImporter() {}

  /** @return {@code html} */
  @Override
  public String name() {
    return "html";
  }

  /**
   * Reads the page and gives the sink exactly one {@link Imported.Parsed}.
   *
   * @param input the page
   * @param sink receives the article
   * @throws IngestException when the page is larger than {@link Limits#MAX_DOCUMENT_BYTES}, has
   *     elements nested deeper than {@link Limits#MAX_HTML_DEPTH} levels, or has fewer than 40
   *     words of article text
   * @throws IOException when reading fails
   */
  @Override
  public void read(Input input, Consumer<Imported> sink) throws IOException {
    byte[] bytes = Limits.readBounded(input, Limits.MAX_DOCUMENT_BYTES);
    String pageUrl = HTTP_URL.matcher(input.name().strip()).matches() ? input.name().strip() : null;
    sink.accept(new Imported.Parsed(parse(bytes, input.contentType(), pageUrl, input.provenance(name(), null), null)));
  }

  /**
   * A publication date to use when a page gives none, and the note that says where it came from.
   *
   * @param date the date
   * @param note the note added to the article, e.g. {@code publication date not found in the page; ...}
   */
  record DateFallback(Published date, String note) {
    DateFallback {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(note, "note");
    }
  }

  /**
   * Reads the bytes of one HTML page as one article: the one path for pages in files, fetched
   * pages and pages held in web archives.
   *
   * @param bytes the page, at most {@link Limits#MAX_DOCUMENT_BYTES}
   * @param contentType the declared media type (its charset is used), or {@code null}
   * @param pageUrl the page's http(s) URL, or {@code null} when unknown
   * @param provenance where the page was read from
   * @param fallback the date to use when the page gives no publication date, or {@code null} to leave it unknown
   * @return the article
   * @throws IngestException when the page has elements nested deeper than {@link Limits#MAX_HTML_DEPTH}
   *     levels or fewer than 40 words of article text
   */
  Article parse(byte[] bytes, @Nullable String contentType, @Nullable String pageUrl, Provenance provenance,
      @Nullable DateFallback fallback) throws IOException {
    Document doc = Jsoup.parse(new ByteArrayInputStream(bytes), declaredCharset(contentType),
        pageUrl == null ? "" : pageUrl);
    if (deeperThan(doc, Limits.MAX_HTML_DEPTH)) {
      throw new IngestException("elements nested deeper than " + Limits.MAX_HTML_DEPTH + " levels");
    }
    HtmlMetadata meta = HtmlMetadata.read(doc, pageUrl);
    List<String> notes = new ArrayList<>();

    List<String> paragraphs = withoutTitle(
        HtmlBodyText.paragraphs(doc, pageUrl == null ? PLACEHOLDER_BASE : pageUrl), meta.title());
    int words = words(paragraphs);
    if (words < MIN_WORDS && meta.jsonLdBody() != null) {
      List<String> fromJsonLd = withoutTitle(jsonLdParagraphs(meta.jsonLdBody()), meta.title());
      if (words(fromJsonLd) > words) {
        paragraphs = fromJsonLd;
        words = words(fromJsonLd);
        notes.add("body text taken from the page's JSON-LD articleBody");
      }
    }
    if (words < MIN_WORDS) {
      throw new IngestException("no article text found in the HTML page (only " + words
          + " words of body text after removing navigation and boilerplate)");
    }
    Published published = meta.published();
    if (!published.isKnown()) {
      if (fallback == null) {
        notes.add("publication date not found in the page");
      } else {
        published = fallback.date();
        notes.add(fallback.note());
      }
    }
    String text = String.join("\n\n", paragraphs);
    return Article.withDerivedId(
        meta.outlet(), meta.url(), meta.title(), published,
        LanguageGuesser.languageOf(meta.declaredLanguage(), text), text, TextKind.FULL,
        provenance, null, notes);
  }

  /**
   * @return whether some element of the page is more than {@code limit} levels below the document
   *     ({@code <html>} is level 1); walks without recursion and stops at the first such element
   */
  static boolean deeperThan(Document doc, int limit) {
    boolean[] deeper = {false};
    NodeTraversor.filter((node, depth) -> {
      if (depth > limit && node instanceof Element) {
        deeper[0] = true;
        return NodeFilter.FilterResult.STOP;
      }
      return NodeFilter.FilterResult.CONTINUE;
    }, doc);
    return deeper[0];
  }

  /** @return the charset a {@code Content-Type} names when Java supports it, else {@code null} (detect) */
  static @Nullable String declaredCharset(@Nullable String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET.matcher(contentType);
    try {
      return m.find() && Charset.isSupported(m.group(1)) ? m.group(1) : null;
    } catch (IllegalCharsetNameException e) {
      return null;
    }
  }

  /** @return the paragraphs without leading ones that repeat the headline */
  private static List<String> withoutTitle(List<String> paragraphs, @Nullable String title) {
    int start = 0;
    while (title != null && start < paragraphs.size() && sameText(paragraphs.get(start), title)) {
      start++;
    }
    return paragraphs.subList(start, paragraphs.size());
  }

  private static boolean sameText(String a, String b) {
    return letters(a).equals(letters(b));
  }

  private static String letters(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }

  private static List<String> jsonLdParagraphs(String body) {
    List<String> out = new ArrayList<>();
    for (String p : body.split("\\n\\s*\\n|\\r?\\n")) {
      String c = HtmlBodyText.collapse(Jsoup.parse(p).text());
      if (!c.isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  private static int words(List<String> paragraphs) {
    int n = 0;
    for (String p : paragraphs) {
      n += p.isBlank() ? 0 : p.strip().split("\\s+").length;
    }
    return n;
  }
}
