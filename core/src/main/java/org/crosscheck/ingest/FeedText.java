package org.crosscheck.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns feed content into plain text: HTML is rendered with paragraphs ({@code <p>}, block
 * elements, {@code <br><br>}) separated by blank lines; plain text keeps its blank-line paragraphs.
 */
final class FeedText {
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
