package org.crosscheck.follow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Finds the feeds a site's page announces: {@code <link rel="alternate" type="application/rss+xml">}
 * (or Atom, RDF) in its head, resolved against the page's URL. Stateless.
 */
final class FeedDiscovery {
  private static final Set<String> FEED_TYPES =
      Set.of("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml");

  private FeedDiscovery() {}

  /** A feed a page links to. */
  record Link(String url, @Nullable String title) {}

  /**
   * @param html the page
   * @param baseUrl the page's URL, against which relative links resolve
   * @return the feeds, in page order, each once
   */
  static List<Link> discover(String html, String baseUrl) {
    Document doc = Jsoup.parse(html, baseUrl);
    Set<String> seen = new LinkedHashSet<>();
    List<Link> links = new ArrayList<>();
    for (Element link : doc.select("link[rel][href][type]")) {
      List<String> rels = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
      String type = link.attr("type").toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
      if (!rels.contains("alternate") || !FEED_TYPES.contains(type)) {
        continue;
      }
      String url = link.absUrl("href");
      if (!url.isEmpty() && seen.add(url)) {
        String title = link.attr("title").strip();
        links.add(new Link(url, title.isEmpty() ? null : title));
      }
    }
    return links;
  }
}
