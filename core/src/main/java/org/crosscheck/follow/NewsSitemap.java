package org.crosscheck.follow;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.crosscheck.ingest.IngestException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Google News sitemap ({@code <urlset>} whose {@code <url>} entries carry {@code
 * <news:news>}) with crawler-commons' parser, DTDs refused. Only entries with news attributes are
 * kept: a plain sitemap lists a whole site, not its news. Stateless.
 */
final class NewsSitemap {
  private NewsSitemap() {}

  /** One article a news sitemap lists. */
  record Entry(String url, @Nullable String title, @Nullable Instant published) {}

  /** @return whether the bytes look like a sitemap ({@code <urlset} or {@code <sitemapindex} near the start) */
  static boolean looksLikeSitemap(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    return head.contains("<urlset") || head.contains("<sitemapindex");
  }

  /**
   * @param bytes the sitemap, XML (gzip already undone)
   * @param url where it came from
   * @return its news entries, newest first (those without a date last)
   * @throws IngestException when it is no sitemap, a sitemap index (named with its sitemaps), or has
   *     no {@code news:news} entries
   */
  static List<Entry> parse(byte[] bytes, String url) {
    SiteMapParser parser = new SiteMapParser(false);
    parser.enableExtension(Extension.NEWS);
    AbstractSiteMap map;
    try {
      map = parser.parseSiteMap("text/xml", bytes, toUrl(url));
    } catch (UnknownFormatException | IOException | RuntimeException e) {
      throw new IngestException("not a readable sitemap: " + e.getMessage());
    }
    if (map instanceof SiteMapIndex index) {
      String children = index.getSitemaps().stream().limit(5).map(m -> m.getUrl().toString())
          .collect(Collectors.joining(", "));
      throw new IngestException("a sitemap index, not a news sitemap; follow its news sitemaps instead: " + children
          + (index.getSitemaps().size() > 5 ? ", ..." : ""));
    }
    if (!(map instanceof SiteMap siteMap)) {
      throw new IngestException("not a readable sitemap");
    }
    List<Entry> entries = new ArrayList<>();
    for (SiteMapURL u : siteMap.getSiteMapUrls()) {
      ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
      if (news == null || news.length == 0 || !(news[0] instanceof NewsAttributes n)) {
        continue;
      }
      Instant published = n.getPublicationDateTime() == null ? null : n.getPublicationDateTime().toInstant();
      entries.add(new Entry(u.getUrl().toString(), n.getTitle(), published));
    }
    if (entries.isEmpty() && !siteMap.getSiteMapUrls().isEmpty()) {
      throw new IngestException("a sitemap without news:news entries, not a Google News sitemap");
    }
    entries.sort(Comparator.comparing(Entry::published, Comparator.nullsLast(Comparator.reverseOrder())));
    return entries;
  }

  private static URL toUrl(String url) {
    try {
      return URI.create(url).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IngestException("not a valid URL: " + e.getMessage());
    }
  }
}
