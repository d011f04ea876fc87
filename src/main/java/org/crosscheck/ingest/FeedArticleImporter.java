package org.crosscheck.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crosscheck.model.Article;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.xml.sax.SAXParseException;

/**
 * Reads RSS 0.9x, 1.0 and 2.0 and Atom feeds with Rome, one article per item, in feed order.
 * Items carrying a full body ({@code content:encoded} or Atom {@code content} of at least
 * {@value #FULL_TEXT_MIN_WORDS} words) become {@link TextKind#FULL} articles; the others are
 * {@link TextKind#SUMMARY} articles, unless full-text fetching is on and the linked page can be
 * fetched and read. Stateless and thread-safe when the fetcher and page importer are.
 *
 * <p>DOCTYPE declarations with an internal subset are refused and external DTDs and entities are
 * never loaded (Rome's defaults); an external-only DOCTYPE, as old RSS 0.91 feeds carry, is
 * ignored.
 */
public final class FeedArticleImporter implements ArticleImporter {
  /** Words a content body needs to count as the full article rather than a teaser. */
  public static final int FULL_TEXT_MIN_WORDS = 80;

  static final String SUMMARY_NOTE =
      "feed item carries only a summary; ingest with --fetch-full-text to fetch the linked page";
  static final String SUMMARY_NO_LINK_NOTE = "feed item carries only a summary and no link to the full text";

  private static final Set<String> FEED_ROOTS = Set.of("rss", "rdf", "feed");
  private static final Pattern XML_LANG = Pattern.compile("\\sxml:lang\\s*=\\s*[\"']([^\"']*)[\"']");

  private final boolean fetchFullText;
  private final @Nullable HttpFetcher fetcher;
  private final @Nullable ArticleImporter pageImporter;

  /**
   * @param fetchFullText whether to fetch the linked page of a summary-only item
   * @param fetcher fetches linked pages; may be {@code null} when {@code fetchFullText} is false
   * @param pageImporter reads a fetched page (the {@code html} importer); may be {@code null} when
   *     {@code fetchFullText} is false
   * @throws NullPointerException when full-text fetching is on and either is {@code null}
   */
  public FeedArticleImporter(
      boolean fetchFullText, @Nullable HttpFetcher fetcher, @Nullable ArticleImporter pageImporter) {
    if (fetchFullText) {
      Objects.requireNonNull(fetcher, "fetcher");
      Objects.requireNonNull(pageImporter, "pageImporter");
    }
    this.fetchFullText = fetchFullText;
    this.fetcher = fetcher;
    this.pageImporter = pageImporter;
  }

  @Override
  public String name() {
    return "feed";
  }

  /**
   * {@inheritDoc}
   *
   * @throws IngestException when the input is not well-formed XML ({@code malformed feed XML at
   *     line L, column C: ...}), not an RSS or Atom feed, or a feed without items
   */
  @Override
  public void read(Input input, Consumer<Imported> sink) throws IOException {
    byte[] bytes = Limits.readBounded(input, Limits.MAX_DOCUMENT_BYTES);
    FeedDocument document = FeedDocument.parse(bytes, input.contentType());
    SyndFeed feed = document.feed();
    if (feed.getEntries().isEmpty()) {
      throw new IngestException("the feed has no items");
    }
    String outlet = blankToNull(FeedText.inline(feed.getTitle()));
    String declaredLanguage = feed.getLanguage() != null ? feed.getLanguage() : document.rootLanguage();
    int n = 0;
    for (SyndEntry entry : feed.getEntries()) {
      n++;
      Item item = new Item(input, "item " + n, outlet, declaredLanguage, feed.getLink());
      sink.accept(item.read(entry));
    }
  }

  /** One feed item being turned into an article. */
  private final class Item {
    private final Input input;
    private final String locator;
    private final @Nullable String outlet;
    private final @Nullable String declaredLanguage;
    private final @Nullable String feedLink;

    Item(Input input, String locator, @Nullable String outlet, @Nullable String declaredLanguage,
        @Nullable String feedLink) {
      this.input = input;
      this.locator = locator;
      this.outlet = outlet;
      this.declaredLanguage = declaredLanguage;
      this.feedLink = feedLink;
    }

    Imported read(SyndEntry entry) {
      String title = blankToNull(FeedText.inline(entry.getTitle()));
      String url = link(entry);
      Published published = published(entry);
      String body = "";
      for (SyndContent content : entry.getContents()) {
        String text = FeedText.of(content);
        if (text.length() > body.length()) {
          body = text;
        }
      }
      String summary = entry.getDescription() == null ? "" : FeedText.of(entry.getDescription());
      String text = body.length() >= summary.length() ? body : summary;
      if (words(body) >= FULL_TEXT_MIN_WORDS) {
        return parsed(title, url, published, text, TextKind.FULL, List.of());
      }
      if (text.isEmpty() && title == null) {
        return rejected("feed item has no title and no text");
      }
      if (fetchFullText && url != null) {
        try {
          return new Imported.Parsed(withPageText(fetchPage(url), title, url, published));
        } catch (IOException | RuntimeException e) {
          String reason = "full text not fetched: " + reasonOf(e);
          return text.isEmpty()
              ? rejected("feed item has no text (only a title); " + reason)
              : parsed(title, url, published, text, TextKind.SUMMARY, List.of(reason));
        }
      }
      if (text.isEmpty()) {
        return rejected("feed item has no text (only a title)");
      }
      return parsed(title, url, published, text, TextKind.SUMMARY,
          List.of(url != null ? SUMMARY_NOTE : SUMMARY_NO_LINK_NOTE));
    }

    private Imported parsed(@Nullable String title, @Nullable String url, Published published, String text,
        TextKind kind, List<String> notes) {
      return new Imported.Parsed(Article.withDerivedId(outlet, url, title, published,
          LanguageGuesser.languageOf(declaredLanguage, text), text, kind,
          input.provenance("feed", locator), null, notes));
    }

    private Imported rejected(String reason) {
      return new Imported.Rejected(new Rejection(input.name(), locator, reason));
    }

    private Article fetchPage(String url) throws IOException {
      BytesInput page = Objects.requireNonNull(fetcher).fetch(url);
      List<Imported> items = new ArrayList<>();
      Objects.requireNonNull(pageImporter).read(page, items::add);
      for (Imported imported : items) {
        if (imported instanceof Imported.Parsed p) {
          return p.article();
        }
      }
      for (Imported imported : items) {
        if (imported instanceof Imported.Rejected r) {
          throw new IngestException(r.rejection().reason());
        }
      }
      throw new IngestException("the linked page has no article");
    }

    private Article withPageText(Article page, @Nullable String title, String url, Published published) {
      String text = page.text();
      return Article.withDerivedId(
          outlet != null ? outlet : page.outlet(),
          page.url() != null ? page.url() : url,
          title != null ? title : page.title(),
          published.isKnown() ? published : page.published(),
          declaredLanguage != null ? LanguageGuesser.languageOf(declaredLanguage, text) : page.language(),
          text, TextKind.FULL, input.provenance("feed", locator), null, page.notes());
    }

    private @Nullable String link(SyndEntry entry) {
      String link = blankToNull(entry.getLink());
      if (link == null) {
        for (SyndLink l : entry.getLinks()) {
          link = blankToNull(l.getHref());
          if (link != null) {
            break;
          }
        }
      }
      return link == null ? null : resolve(link);
    }

    /** Resolves a relative item link against the feed's own link, or the URL the feed came from. */
    private String resolve(String link) {
      String base = feedLink != null ? feedLink : input.name();
      try {
        URI uri = new URI(link);
        if (uri.isAbsolute()) {
          return link;
        }
        URI baseUri = new URI(base.strip());
        return baseUri.isAbsolute() ? baseUri.resolve(uri).toString() : link;
      } catch (URISyntaxException | IllegalArgumentException e) {
        return link;
      }
    }
  }

  private static Published published(SyndEntry entry) {
    Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return date == null
        ? Published.unknown()
        : new Published.AtInstant(OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC));
  }

  private static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private static String reasonOf(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * A feed document decoded and parsed: Rome's {@link XmlReader} picks the encoding (BOM, XML
   * declaration, a charset the server declared), the root element is checked before parsing, and
   * Rome's parse errors become {@link IngestException}s with line and column.
   */
  private record FeedDocument(SyndFeed feed, @Nullable String rootLanguage) {

    static FeedDocument parse(byte[] bytes, @Nullable String contentType) throws IOException {
      String xml = decode(bytes, contentType);
      Prolog prolog = Prolog.scan(xml);
      if (prolog.rootName() == null) {
        throw new IngestException(xml.isBlank() ? "the feed is empty" : "not an RSS or Atom feed (no XML root element)");
      }
      if (!FEED_ROOTS.contains(localName(prolog.rootName()).toLowerCase(Locale.ROOT))) {
        throw notAFeed(prolog.rootName());
      }
      SyndFeedInput feedInput = new SyndFeedInput();
      feedInput.setAllowDoctypes(false);
      try {
        SyndFeed feed = feedInput.build(new StringReader(prolog.withoutExternalDoctype(xml)));
        Matcher lang = XML_LANG.matcher(prolog.rootTag());
        return new FeedDocument(feed, lang.find() ? blankToNull(lang.group(1)) : null);
      } catch (ParsingFeedException e) {
        throw malformed(e);
      } catch (IllegalArgumentException e) {
        throw notAFeed(prolog.rootName());
      } catch (FeedException e) {
        throw new IngestException("cannot read the feed: " + reasonOf(e), e);
      }
    }

    /** Decodes with Rome's XmlReader; a server's content type counts only when it names a charset. */
    private static String decode(byte[] bytes, @Nullable String contentType) throws IOException {
      var in = new ByteArrayInputStream(bytes);
      boolean charsetGiven = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset=");
      try (Reader reader = charsetGiven ? new XmlReader(in, contentType, true) : new XmlReader(in)) {
        StringWriter out = new StringWriter(bytes.length);
        reader.transferTo(out);
        return out.toString();
      }
    }

    private static IngestException malformed(ParsingFeedException e) {
      int line = e.getLineNumber();
      int column = e.getColumnNumber();
      String message = reasonOf(e);
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof SAXParseException sax) {
          line = sax.getLineNumber();
          column = sax.getColumnNumber();
          message = reasonOf(sax);
        }
      }
      return new IngestException("malformed feed XML at line " + line + ", column " + column + ": " + message, e);
    }

    private static IngestException notAFeed(String rootName) {
      return new IngestException("not an RSS or Atom feed (root element <" + rootName + ">)");
    }

    private static String localName(String name) {
      return name.substring(name.indexOf(':') + 1);
    }
  }

  /**
   * What comes before the root element: XML declaration, comments, processing instructions and a
   * DOCTYPE; and the root element's start tag.
   *
   * @param rootName the root element's name as written, or {@code null} when there is none
   * @param rootTag the root element's start tag, or empty
   * @param doctypeStart where an external-only DOCTYPE starts, or -1
   * @param doctypeEnd where it ends (exclusive)
   */
  private record Prolog(@Nullable String rootName, String rootTag, int doctypeStart, int doctypeEnd) {

    static Prolog scan(String xml) {
      int i = 0;
      int doctypeStart = -1;
      int doctypeEnd = -1;
      int n = xml.length();
      while (i < n) {
        char c = xml.charAt(i);
        if (Character.isWhitespace(c) || c == '\uFEFF') {
          i++;
        } else if (xml.startsWith("<?", i)) {
          i = after(xml, "?>", i);
        } else if (xml.startsWith("<!--", i)) {
          i = after(xml, "-->", i);
        } else if (xml.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
          int close = xml.indexOf('>', i);
          int subset = xml.indexOf('[', i);
          if (subset >= 0 && (close < 0 || subset < close)) {
            i = after(xml, ">", after(xml, "]", subset)); // internal subset: left for the parser to refuse
          } else if (close < 0) {
            break;
          } else {
            doctypeStart = i;
            doctypeEnd = close + 1;
            i = doctypeEnd;
          }
        } else if (c == '<') {
          int end = i + 1;
          while (end < n && !Character.isWhitespace(xml.charAt(end)) && "/>".indexOf(xml.charAt(end)) < 0) {
            end++;
          }
          int tagEnd = xml.indexOf('>', i);
          String tag = xml.substring(i, tagEnd < 0 ? n : tagEnd + 1);
          return end > i + 1 ? new Prolog(xml.substring(i + 1, end), tag, doctypeStart, doctypeEnd)
              : new Prolog(null, "", -1, -1);
        } else {
          break;
        }
      }
      return new Prolog(null, "", -1, -1);
    }

    private static int after(String xml, String token, int from) {
      int at = xml.indexOf(token, from);
      return at < 0 ? xml.length() : at + token.length();
    }

    /** Blanks out an external-only DOCTYPE, keeping line breaks so error positions stay right. */
    String withoutExternalDoctype(String xml) {
      if (doctypeStart < 0) {
        return xml;
      }
      StringBuilder sb = new StringBuilder(xml);
      for (int i = doctypeStart; i < doctypeEnd; i++) {
        if (sb.charAt(i) != '\n' && sb.charAt(i) != '\r') {
          sb.setCharAt(i, ' ');
        }
      }
      return sb.toString();
    }
  }

  /**
   * Turns feed content into plain text: HTML is rendered with paragraphs ({@code <p>}, block
   * elements, {@code <br><br>}) separated by blank lines; plain text keeps its blank-line paragraphs.
   */
  static final class FeedText {
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(\\s[^<>]*)?/?>");
    private static final Set<String> BLOCKS = Set.of(
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
        "pre", "table", "tr", "section", "article", "header", "footer", "aside", "figure", "figcaption",
        "hr", "address", "main", "nav", "details", "summary");
    private static final String SKIPPED = "script, style, noscript, template, iframe, object, embed, svg";

    private FeedText() {}

    /** @return the content's text, or empty */
    static String of(SyndContent content) {
      String value = content.getValue();
      if (value == null || value.isBlank()) {
        return "";
      }
      boolean literal = "text".equalsIgnoreCase(content.getType());
      if (literal || !TAG.matcher(value).find()) {
        return plain(literal ? value : Parser.unescapeEntities(value, false));
      }
      return html(value);
    }

    /** @return a title or outlet name with tags and entities removed and whitespace collapsed */
    static @Nullable String inline(@Nullable String value) {
      if (value == null) {
        return null;
      }
      String text = TAG.matcher(value).find() ? Jsoup.parse(value).text() : Parser.unescapeEntities(value, false);
      return text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }

    static String plain(String text) {
      List<String> paragraphs = new ArrayList<>();
      for (String paragraph : text.replace("\r\n", "\n").split("\\n[ \\t\\u00A0]*\\n")) {
        String p = paragraph.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
        if (!p.isEmpty()) {
          paragraphs.add(p);
        }
      }
      return String.join("\n\n", paragraphs);
    }

    static String html(String html) {
      Element body = Jsoup.parseBodyFragment(html).body();
      body.select(SKIPPED).remove();
      StringBuilder out = new StringBuilder();
      NodeTraversor.traverse(new NodeVisitor() {
        @Override
        public void head(Node node, int depth) {
          if (node instanceof TextNode t) {
            out.append(t.getWholeText().replaceAll("[\\s\\u00A0]+", " "));
          } else if (node instanceof Element e && e.nameIs("br")) {
            out.append('\n');
          } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
            out.append("\n\n");
          }
        }

        @Override
        public void tail(Node node, int depth) {
          if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
            out.append("\n\n");
          }
        }
      }, body);
      List<String> paragraphs = new ArrayList<>();
      for (String paragraph : out.toString().split("\\n[ ]*\\n")) {
        List<String> lines = new ArrayList<>();
        for (String line : paragraph.split("\n")) {
          String l = line.replaceAll(" +", " ").strip();
          if (!l.isEmpty()) {
            lines.add(l);
          }
        }
        if (!lines.isEmpty()) {
          paragraphs.add(String.join("\n", lines));
        }
      }
      return String.join("\n\n", paragraphs);
    }
  }
}
