package org.crosscheck.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes the parts of a news page that are not the article (menus, header and footer, cookie and
 * consent banners, newsletter boxes, share buttons, related and most-read lists, comments, ads,
 * captions) before Readability looks for the main content, which on its own keeps some of them.
 * The element that holds the most paragraph text, and everything around it, is never removed, so
 * a page that wraps its whole body in a {@code <form>} or gives its article a "social" class keeps
 * its article. Stateless and thread-safe.
 */
final class HtmlBoilerplate {
  /** Elements that are never article text. */
  private static final String NEVER_TEXT = String.join(", ",
      "script, style, noscript, template, iframe, svg, canvas, form, button, input, select, textarea",
      "figcaption, nav, aside, footer, header, dialog, ins.adsbygoogle, [hidden], [role=navigation], [role=banner]",
      "[role=contentinfo], [role=complementary], [role=dialog], [role=alertdialog], [aria-label~=(?i)cookie|consent]",
      "amp-ad, amp-embed, amp-sticky-ad, amp-sidebar, amp-consent, amp-social-share, amp-analytics",
      "amp-iframe, amp-user-notification, amp-app-banner, amp-geo");

  /** Words in a class or id that mark boilerplate; a class is split into words at -, _ and camelCase. */
  private static final Set<String> BOILERPLATE_WORDS = Set.of(
      "cookie", "cookies", "consent", "cmp", "gdpr", "ccpa",
      "newsletter", "newsletters", "signup", "sign-up", "subscribe", "subscription", "paywall", "nl",
      "related", "relatedposts", "recommended", "recommend", "recirc", "onward", "more-from", "more-on",
      "most-read", "most-popular", "most-viewed", "mostread", "popular", "trending", "read-more",
      "share", "sharing", "sharedaddy", "social", "sns", "comment", "comments", "discussion",
      "promo", "advert", "advertisement", "advertising", "ad", "ads", "adsbygoogle", "adslot", "dfp",
      "sponsor", "sponsored", "outbrain", "taboola", "breadcrumb", "breadcrumbs", "menu", "navbar",
      "nav", "gnb", "sidebar", "widget", "skip-link", "tags", "tag", "keyword", "keywords", "byline",
      "caption", "credit", "credits", "copyright", "meta", "submeta", "timestamp", "rich-link",
      "masthead", "site-header", "site-footer", "screen-reader-text", "visually-hidden", "sr-only",
      "btn", "toolbar", "print-only");

  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern RELATED_HEADING = Pattern.compile(
      "(?i)^(related( stories| articles| content| news| coverage)?|read more|more (from|on|in) .*|"
          + "most (read|popular|viewed|shared)|recommended( for you)?|you (may|might) also like|"
          + "also read|see also|trending( now)?|latest news|top stories|more stories)\\W*$");

  /** A headline link with at most this many words around it is a teaser, not an article section. */
  private static final int MAX_TEASER_WORDS = 60;

  private HtmlBoilerplate() {}

  /**
   * Removes boilerplate from {@code doc} in place.
   *
   * @param doc a page; modified
   */
  static void remove(Document doc) {
    Element holder = mainTextHolder(doc);
    Set<Element> keep = new HashSet<>(holder.parents());
    keep.add(holder);
    for (Element e : doc.select(NEVER_TEXT)) {
      removeUnlessKept(e, keep);
    }
    for (Element e : doc.body().select("[class], [id], [style]")) {
      if (e.parent() != null && (isBoilerplateName(e) || isHiddenByStyle(e))) {
        removeUnlessKept(e, keep);
      }
    }
    removeTeaserCards(doc, keep);
    // a time stamp on a line of its own (a live-blog update's "9.40am"), not a date inside a sentence
    for (Element time : doc.body().select("div > time, section > time, article > time, header > time")) {
      removeUnlessKept(time, keep);
    }
    for (Element heading : doc.body().select("h2, h3, h4, h5, h6")) {
      Element parent = heading.parent();
      if (parent == null || !RELATED_HEADING.matcher(heading.text().strip()).matches()) {
        continue;
      }
      if (!keep.contains(parent) && linkDensity(parent) >= 0.5) {
        removeUnlessKept(parent, keep);
      } else {
        Element list = heading.nextElementSibling();
        if (list != null && linkDensity(list) >= 0.5) {
          removeUnlessKept(list, keep);
        }
        removeUnlessKept(heading, keep);
      }
    }
  }

  /**
   * Removes teaser cards: a headline that links to another page, with at most a short summary
   * under it, as home pages and "more stories" blocks list them. A live blog's updates have
   * headings that are not links, so they stay.
   */
  private static void removeTeaserCards(Document doc, Set<Element> keep) {
    for (Element heading : doc.body().select("h2, h3, h4, h5")) {
      if (heading.parent() == null || !isLinkHeading(heading)) {
        continue;
      }
      Element card = heading;
      while (card.parent() != null && !keep.contains(card.parent()) && !card.parent().nameIs("body")
          && hasAtMostWords(card.parent(), MAX_TEASER_WORDS) && linkHeadings(card.parent()) == 1) {
        card = card.parent();
      }
      removeUnlessKept(card, keep);
    }
  }

  private static int linkHeadings(Element e) {
    int n = 0;
    for (Element h : e.select("h2, h3, h4, h5")) {
      n += isLinkHeading(h) ? 1 : 0;
    }
    return n;
  }

  private static boolean isLinkHeading(Element heading) {
    Element a = heading.selectFirst("a[href]");
    return a != null && !a.attr("href").startsWith("#") && linkDensity(heading) >= 0.9;
  }

  /** @return whether the element has at most {@code limit} words; stops counting early, so it is cheap on big elements */
  private static boolean hasAtMostWords(Element e, int limit) {
    int[] words = {0};
    NodeTraversor.filter((node, depth) -> {
      if (node instanceof TextNode t && !t.isBlank()) {
        words[0] += t.text().strip().split("\\s+").length;
      }
      return words[0] > limit ? NodeFilter.FilterResult.STOP : NodeFilter.FilterResult.CONTINUE;
    }, e);
    return words[0] <= limit;
  }

  /**
   * @return the element with the most paragraph text in its own text nodes and {@code <p>}
   *     children; of elements with equal scores, the first in document order, so the same page
   *     always gives the same text
   */
  static Element mainTextHolder(Document doc) {
    Map<Element, Integer> score = new HashMap<>();
    for (Element p : doc.body().select("p")) {
      if (p.parent() != null) {
        score.merge(p.parent(), p.text().length(), Integer::sum);
      }
    }
    Elements all = doc.body().select("*");
    for (Element e : all) {
      int own = 0;
      for (Node child : e.childNodes()) {
        if (child instanceof TextNode t) {
          own += t.text().strip().length();
        }
      }
      if (own > 0) {
        score.merge(e, own, Integer::sum);
      }
    }
    Element best = doc.body();
    int bestScore = 0;
    for (Element e : all) { // document order; the map is only looked up, never iterated
      int s = score.getOrDefault(e, 0);
      if (s > bestScore) {
        best = e;
        bestScore = s;
      }
    }
    return best;
  }

  private static void removeUnlessKept(Element e, Set<Element> keep) {
    if (!keep.contains(e) && e.parent() != null && !e.nameIs("body") && !e.nameIs("html")) {
      e.remove();
    }
  }

  /** @return whether a class or id of the element names boilerplate ({@link #BOILERPLATE_WORDS}) */
  private static boolean isBoilerplateName(Element e) {
    String names = e.className() + " " + e.id();
    for (String name : names.split("\\s+")) {
      String words = CAMEL.matcher(name).replaceAll("$1-$2").toLowerCase(Locale.ROOT).replace('_', '-');
      List<String> parts = List.of(words.split("-+"));
      for (int i = 0; i < parts.size(); i++) {
        if (BOILERPLATE_WORDS.contains(parts.get(i))
            || (i + 1 < parts.size() && BOILERPLATE_WORDS.contains(parts.get(i) + "-" + parts.get(i + 1)))) {
          return true;
        }
      }
    }
    return false;
  }

  /** @return the share of an element's text that is link text, 0 to 1 */
  static double linkDensity(Element e) {
    int all = e.text().length();
    if (all == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : e.select("a")) {
      links += a.text().length();
    }
    return Math.min(1.0, links / (double) all);
  }

  private static boolean isHiddenByStyle(Element e) {
    String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
    return style.contains("display:none") || style.contains("visibility:hidden");
  }
}
