package org.crosscheck.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.dankito.readability4j.Readability4J;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the article text of an HTML page: removes boilerplate ({@link HtmlBoilerplate}), lets
 * Readability4J pick the main content, then turns that content into paragraphs, one per block
 * element ({@code <p>}, {@code <h2>}..{@code <h6>}, {@code <li>}, {@code <blockquote>}, a run of
 * text ended by two {@code <br>}), whitespace collapsed. The headline ({@code <h1>}) and blocks
 * that are mostly link text ("Read more: ...", leftover link lists) are left out. Stateless and
 * thread-safe.
 */
final class HtmlBodyText {
  /** Elements that end one paragraph and start the next. */
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4",
      "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th",
      "figure", "hr", "address", "details", "summary", "center", "amp-live-list");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");
  /** Above this share of link text, a block is navigation, not prose. */
  private static final double MAX_LINK_DENSITY = 0.5;

  private HtmlBodyText() {}

  /**
   * @param doc the parsed page; not modified
   * @param baseUri the page's URL, or a placeholder, for Readability's link resolution
   * @return the article's paragraphs in page order; empty when Readability finds no content
   */
  static List<String> paragraphs(Document doc, String baseUri) {
    Document work = doc.clone();
    HtmlBoilerplate.remove(work);
    Element content;
    try {
      content = new Readability4J(baseUri, work).parse().getArticleContent();
    } catch (RuntimeException e) {
      // Readability4J fails on some odd markup; treat that as "no content found"
      content = null;
    }
    return content == null ? List.of() : paragraphsOf(content);
  }

  /**
   * @param root the content element
   * @return its text as paragraphs, without the headline and link-heavy blocks
   */
  static List<String> paragraphsOf(Element root) {
    Collector collector = new Collector();
    NodeTraversor.traverse(collector, root);
    collector.flush();
    return collector.paragraphs;
  }

  /** @return {@code text} with runs of whitespace (also non-breaking and zero-width) made one space, stripped */
  static String collapse(String text) {
    return SPACES.matcher(text).replaceAll(" ").strip();
  }

  /** Walks the content once, cutting it into paragraphs at block boundaries and double line breaks. */
  private static final class Collector implements NodeVisitor {
    final List<String> paragraphs = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int linkChars;
    private int linkDepth;
    private int headlineDepth;
    private boolean afterBr;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        String s = t.text();
        if (headlineDepth > 0 || s.isBlank()) {
          text.append(headlineDepth > 0 ? "" : " ");
          return;
        }
        afterBr = false;
        text.append(s);
        if (linkDepth > 0) {
          linkChars += collapse(s).length();
        }
      } else if (node instanceof Element e) {
        String name = e.normalName();
        if (name.equals("br")) {
          if (afterBr) {
            flush();
          } else {
            text.append(' ');
            afterBr = true;
          }
          return;
        }
        if (BLOCKS.contains(name)) {
          flush();
        }
        linkDepth += name.equals("a") ? 1 : 0;
        headlineDepth += name.equals("h1") ? 1 : 0;
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        String name = e.normalName();
        linkDepth -= name.equals("a") ? 1 : 0;
        headlineDepth -= name.equals("h1") ? 1 : 0;
        if (BLOCKS.contains(name)) {
          flush();
        }
      }
    }

    void flush() {
      String paragraph = collapse(text.toString());
      if (!paragraph.isEmpty() && linkChars <= paragraph.length() * MAX_LINK_DENSITY) {
        paragraphs.add(paragraph);
      }
      text.setLength(0);
      linkChars = 0;
      afterBr = false;
    }
  }
}
