package org.crosscheck.report;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * Renders a report as one self-contained HTML page: the same sections as the Markdown, every
 * citation a {@code <cite>} naming the article and the character span, every text from an
 * article escaped (an article containing {@code <script>} shows it as text). Stateless.
 */
public final class HtmlReportRenderer {
  private HtmlReportRenderer() {}

  /** @return the report as an HTML page */
  public static String html(StoryReport r) {
    StringBuilder b = new StringBuilder();
    StoryReport.Header h = r.story();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(e(h.headline()))
        .append("</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:auto}cite{color:#555;"
            + "font-size:.85em}td,th{padding:.2em .6em;text-align:left}</style></head><body>\n");
    b.append("<h1>").append(e(h.headline())).append("</h1>\n<p>Story ").append(e(h.id())).append(", ")
        .append(h.articles().size()).append(" articles");
    if (h.inferredDate() != null) {
      b.append("; undated articles read against ").append(e(h.inferredDate()));
    }
    b.append(".</p>\n<table><tr><th>article</th><th>outlet</th><th>published</th><th>title</th></tr>\n");
    for (StoryReport.ArticleRef a : h.articles()) {
      b.append("<tr><td>").append(e(a.id())).append("</td><td>").append(e(or(a.outlet()))).append("</td><td>")
          .append(e(or(a.published()))).append("</td><td>").append(e(or(a.title())))
          .append(a.copyOf() == null ? "" : " (copy of " + e(a.copyOf()) + ")").append("</td></tr>\n");
    }
    b.append("</table>\n");
    section(b, "Summary");
    for (StoryReport.Sentence s : r.summary()) {
      item(b, e(s.text()) + " " + cites(s.evidence()) + " — " + e(String.join(", ", s.outlets())));
    }
    end(b);
    section(b, "Consensus");
    for (StoryReport.Fact f : r.consensus()) {
      item(b, e(f.text()) + " " + cites(f.evidence()) + String.format(Locale.ROOT,
          " — <b>%d outlets</b> (%s), <b>%d independent origins</b> (%s)", f.outlets().size(),
          e(String.join(", ", f.outlets())), f.origins().size(), e(f.origins().stream().map(StoryReport.Origin::label).collect(java.util.stream.Collectors.joining("; ")))));
    }
    end(b);
    section(b, "Conflicts");
    for (StoryReport.Conflict c : r.conflicts()) {
      StringBuilder sides = new StringBuilder(c.kind().equals("DATE") ? "Dates differ:<ul>" : "Amounts differ:<ul>");
      for (StoryReport.Side side : c.sides()) {
        sides.append("<li><b>").append(e(side.value())).append("</b> — ").append(e(String.join(", ", side.outlets())))
            .append(": ").append(e(side.evidence().getLast().text())).append(' ').append(cite(side.evidence().getFirst()))
            .append("</li>");
      }
      item(b, sides.append("</ul>").toString());
    }
    end(b);
    section(b, "Exclusives");
    for (StoryReport.Sentence s : r.exclusives()) {
      item(b, e(s.text()) + " " + cites(s.evidence()) + " — only " + e(String.join(", ", s.outlets())));
    }
    end(b);
    b.append("<h2>Quotes</h2>\n");
    for (StoryReport.Speaker s : r.quotes()) {
      b.append("<h3>").append(e(s.speaker() == null ? "Unattributed" : s.speaker())).append("</h3>\n<ul>\n");
      for (StoryReport.Quote q : s.quotes()) {
        StringBuilder li = new StringBuilder("“" + e(q.text()) + "” " + (q.outlet() == null ? "" : "— " + e(q.outlet()))
            + " " + cite(q.evidence().getFirst()));
        for (StoryReport.Variant v : q.variants()) {
          li.append("<br>also “").append(e(v.text())).append("” — ").append(e(or(v.outlet()))).append(' ')
              .append(cite(v.evidence().getFirst()));
        }
        item(b, li.toString());
      }
      b.append("</ul>\n");
    }
    section(b, "Timeline");
    for (StoryReport.Date d : r.timeline()) {
      item(b, "<b>" + e(d.date()) + "</b>" + (d.inferred() ? " (inferred)" : "") + " — "
          + e(d.evidence().getFirst().text()) + " " + cite(d.evidence().getFirst()) + " — "
          + e(String.join(", ", d.outlets())));
    }
    end(b);
    section(b, "Entities");
    for (StoryReport.Entity en : r.entities()) {
      item(b, "<b>" + e(en.name()) + "</b> (" + e(en.type().toLowerCase(Locale.ROOT)) + ") — "
          + e(String.join(", ", en.outlets())) + " " + cite(en.evidence().getFirst()));
    }
    end(b);
    return b.append("</body></html>\n").toString();
  }

  private static void section(StringBuilder b, String title) {
    b.append("<h2>").append(title).append("</h2>\n<ul>\n");
  }

  private static void end(StringBuilder b) {
    b.append("</ul>\n");
  }

  private static void item(StringBuilder b, String html) {
    b.append("<li>").append(html).append("</li>\n");
  }

  private static String cites(List<StoryReport.Evidence> evidence) {
    StringBuilder b = new StringBuilder();
    evidence.forEach(x -> b.append(cite(x)));
    return b.toString();
  }

  private static String cite(StoryReport.Evidence x) {
    return "<cite title=\"" + e(x.text()) + "\">[" + e(x.article()) + ":" + x.start() + "-" + x.end() + "]</cite>";
  }

  private static String or(String s) {
    return s == null ? "unknown" : s;
  }

  /** @return the text escaped for HTML text and attribute values */
  static String e(String s) {
    return Entities.escape(s.replaceAll("\\s+", " ").strip()).replace("\"", "&quot;");
  }
}
