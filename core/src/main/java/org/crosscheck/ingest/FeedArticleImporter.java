package org.crosscheck.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.crosscheck.model.Article;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.jspecify.annotations.Nullable;

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


  private final boolean fetchFullText;
  private final @Nullable PageFetcher fetcher;
  private final @Nullable ArticleImporter pageImporter;
  private final Predicate<String> wanted;

  /**
   * @param fetchFullText whether to fetch the linked page of a summary-only item
   * @param fetcher fetches linked pages; may be {@code null} when {@code fetchFullText} is false
   * @param pageImporter reads a fetched page (the {@code html} importer); may be {@code null} when
   *     {@code fetchFullText} is false
   * @throws NullPointerException when full-text fetching is on and either is {@code null}
   */
  public FeedArticleImporter(
      boolean fetchFullText, @Nullable PageFetcher fetcher, @Nullable ArticleImporter pageImporter) {
    this(fetchFullText, fetcher, pageImporter, key -> true);
  }

  /**
   * An importer that reads only some of a feed's items, as a follower of the feed needs: items it
   * has seen before are passed over, and their linked pages never fetched.
   *
   * @param fetchFullText whether to fetch the linked page of a summary-only item
   * @param fetcher fetches linked pages; may be {@code null} when {@code fetchFullText} is false
   * @param pageImporter reads a fetched page; may be {@code null} when {@code fetchFullText} is false
   * @param wanted asked with each item's key (its GUID or Atom id, else its link, else its title), in
   *     feed order: items it refuses yield nothing
   * @throws NullPointerException when full-text fetching is on and the fetcher or page importer is {@code null}
   */
  public FeedArticleImporter(boolean fetchFullText, @Nullable PageFetcher fetcher,
      @Nullable ArticleImporter pageImporter, Predicate<String> wanted) {
    if (fetchFullText) {
      Objects.requireNonNull(fetcher, "fetcher");
      Objects.requireNonNull(pageImporter, "pageImporter");
    }
    this.fetchFullText = fetchFullText;
    this.fetcher = fetcher;
    this.pageImporter = pageImporter;
    this.wanted = Objects.requireNonNull(wanted, "wanted");
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
      String key = itemKey(entry);
      if (key != null && !wanted.test(key)) {
        continue;
      }
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

  /** @return what identifies an item across polls: its GUID or Atom id, else its link, else its title; or null */
  private static @Nullable String itemKey(SyndEntry entry) {
    String key = blankToNull(entry.getUri());
    if (key == null) {
      key = blankToNull(entry.getLink());
    }
    return key != null ? key : blankToNull(entry.getTitle());
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

  static String reasonOf(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

}
