package org.crosscheck.ingest;

import java.net.URI;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crosscheck.model.Published;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * What an HTML page says about its article in its markup (JSON-LD, Open Graph and Twitter meta
 * tags, schema.org microdata, {@code <link rel=canonical>}, {@code <title>}), each field taken from
 * the most trusted source that has it. Never taken from the body prose.
 *
 * @param title the headline with any site-name suffix removed, or {@code null}
 * @param outlet the site's name, or {@code null}
 * @param published the publication date, {@link Published#unknown()} when no source parses
 * @param url the absolute http(s) canonical URL, or {@code null}
 * @param declaredLanguage the language the page declares ({@code en-GB}), or {@code null}
 * @param jsonLdBody the JSON-LD {@code articleBody}, or {@code null}
 */
record HtmlMetadata(
    @Nullable String title,
    @Nullable String outlet,
    Published published,
    @Nullable String url,
    @Nullable String declaredLanguage,
    @Nullable String jsonLdBody) {

  /** Separators between a headline and the site name in {@code <title>} and social titles. */
  private static final Pattern SEPARATOR = Pattern.compile(" (?:\\||-|\u2013|\u2014|::|\u00B7) ");
  private static final String[] DATE_META_NAMES = {
    "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created",
    "dcterms.issued", "parsely-pub-date", "sailthru.date", "article.published"
  };
  /** Where the article itself is, for the headline and {@code <time>} fallbacks. */
  private static final String ARTICLE_SCOPE =
      "article, [itemtype~=(?i)schema.org/\\w*Article], main, [role=main]";

  /**
   * @param doc the parsed page, not yet modified
   * @param pageUrl the http(s) URL the page was fetched from, or {@code null}
   * @return what the page says about itself
   */
  static HtmlMetadata read(Document doc, @Nullable String pageUrl) {
    JsonLd ld = JsonLd.of(doc);
    Element scope = doc.selectFirst(ARTICLE_SCOPE);
    String url = url(doc, ld, pageUrl);
    String outlet = outlet(doc, ld, url);
    String title = firstNonNull(
        stripOutlet(ld.text("headline"), outlet),
        stripOutlet(meta(doc, "og:title"), outlet),
        stripOutlet(meta(doc, "twitter:title"), outlet),
        scope == null ? null : text(scope.selectFirst("h1")),
        titleTagHeadline(doc.title(), outlet));
    Element html = doc.selectFirst("html");
    String language = firstNonNull(
        html == null ? null : blankToNull(html.attr("lang")),
        meta(doc, "og:locale"),
        ld.text("inLanguage"),
        meta(doc, "content-language"));
    return new HtmlMetadata(title, outlet, published(doc, ld, scope), url, language, ld.text("articleBody"));
  }

  private static Published published(Document doc, JsonLd ld, @Nullable Element scope) {
    Published p = firstDate(meta(doc, "article:published_time"), ld.text("datePublished"));
    for (Element e : doc.select("[itemprop=datePublished]")) {
      p = p != null ? p : firstDate(blankToNull(e.attr("content")), blankToNull(e.attr("datetime")));
    }
    for (String name : DATE_META_NAMES) {
      p = p != null ? p : HtmlDates.parse(meta(doc, name));
    }
    Element time = scope == null ? null : scope.selectFirst("time[datetime]");
    if (p == null && time != null) {
      p = HtmlDates.parse(time.attr("datetime"));
    }
    return p != null ? p : Published.unknown();
  }

  private static @Nullable String outlet(Document doc, JsonLd ld, @Nullable String url) {
    Element microdata = doc.selectFirst("[itemprop=publisher] [itemprop=name]");
    String host = url == null ? null : URI.create(url).getHost();
    return firstNonNull(
        meta(doc, "og:site_name"),
        ld.publisherName(),
        microdata == null ? null : firstNonNull(blankToNull(microdata.attr("content")), text(microdata)),
        meta(doc, "application-name"),
        siteName(doc.title().strip()),
        host == null ? null : host.replaceFirst("^www\\.", ""));
  }

  private static @Nullable String url(Document doc, JsonLd ld, @Nullable String pageUrl) {
    String ogUrl = absoluteHttp(meta(doc, "og:url"), pageUrl);
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    String base = pageUrl != null ? pageUrl : ogUrl;
    return firstNonNull(
        canonical == null ? null : absoluteHttp(canonical.attr("href"), base),
        ogUrl,
        absoluteHttp(ld.text("url"), base),
        absoluteHttp(ld.text("mainEntityOfPage"), base),
        pageUrl);
  }

  /** @return {@code href} resolved against {@code base} when it is then an absolute http(s) URL, else {@code null} */
  private static @Nullable String absoluteHttp(@Nullable String href, @Nullable String base) {
    if (href == null || href.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(href.strip().replace(" ", "%20"));
      if (!uri.isAbsolute() && base != null) {
        uri = URI.create(base).resolve(uri);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** @return {@code <title>} without the site name and section labels after the headline */
  private static @Nullable String titleTagHeadline(String title, @Nullable String outlet) {
    String t = stripOutlet(title, outlet);
    if (t == null) {
      return null;
    }
    MatchResult site = t.equals(title.strip()) ? siteNameSeparator(t) : null;
    if (site != null) {
      t = t.substring(0, site.start());
    }
    while (t.contains(" | ") && words(t.substring(t.lastIndexOf(" | ") + 3)) <= 3) {
      t = t.substring(0, t.lastIndexOf(" | "));
    }
    return blankToNull(t);
  }

  /** @return the part of a title after its last separator when it is short enough to be a site name, else {@code null} */
  private static @Nullable String siteName(String title) {
    MatchResult m = siteNameSeparator(title);
    return m == null ? null : blankToNull(title.substring(m.end()));
  }

  /** @return the last separator of a title when the part after it is short enough to be a site name */
  private static @Nullable MatchResult siteNameSeparator(String title) {
    Matcher m = SEPARATOR.matcher(title);
    MatchResult last = null;
    while (m.find()) {
      last = m.toMatchResult();
    }
    return last != null && last.start() > 0 && words(title.substring(last.end())) <= 5 ? last : null;
  }

  /** @return {@code title} without a trailing separator and {@code outlet} */
  private static @Nullable String stripOutlet(@Nullable String title, @Nullable String outlet) {
    if (title == null || title.isBlank()) {
      return null;
    }
    String t = title.strip();
    if (outlet != null && t.length() > outlet.length() + 3
        && t.toLowerCase(Locale.ROOT).endsWith(outlet.toLowerCase(Locale.ROOT))) {
      String head = t.substring(0, t.length() - outlet.length());
      if (SEPARATOR.matcher(head.substring(head.length() - 3)).matches() || head.endsWith(" :: ")) {
        return head.substring(0, head.length() - 3).strip();
      }
    }
    return t;
  }

  /** @return the content of the first {@code <meta>} whose property, name or itemprop is {@code key} */
  private static @Nullable String meta(Document doc, String key) {
    for (Element m : doc.select("meta[content]")) {
      if (key.equalsIgnoreCase(m.attr("property")) || key.equalsIgnoreCase(m.attr("name"))
          || key.equalsIgnoreCase(m.attr("http-equiv"))) {
        String content = blankToNull(m.attr("content"));
        if (content != null) {
          return content;
        }
      }
    }
    return null;
  }

  private static @Nullable Published firstDate(@Nullable String... candidates) {
    for (String c : candidates) {
      Published p = HtmlDates.parse(c);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  @SafeVarargs
  private static <T> @Nullable T firstNonNull(@Nullable T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static @Nullable String text(@Nullable Element e) {
    return e == null ? null : blankToNull(e.text());
  }

  private static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip().replaceAll("\\s+", " ");
  }
}
