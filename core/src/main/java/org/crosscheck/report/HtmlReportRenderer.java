package org.crosscheck.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders a report as HTML from one set of templates ({@code src/main/jte/report/}, compiled to
 * Java at build time), for a file of its own and for the web app's story page alike, so that a
 * section is written once. The templates escape every value by default: an article containing
 * {@code <script>} shows it as text. Stateless; thread-safe.
 */
public final class HtmlReportRenderer {
  private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

  private HtmlReportRenderer() {}

  /** @return the report as a self-contained HTML page: its articles, then every section, each line cited */
  public static String html(StoryReport r) {
    return html(r, Citations.of(r));
  }

  /**
   * @param r the report
   * @param citations how its citations are labelled (outlet and paragraph, from the articles' texts)
   * @return the report as a self-contained HTML page
   */
  public static String html(StoryReport r, Citations citations) {
    return render("report/file.jte", Map.of("r", r, "view", HtmlView.file(citations)));
  }

  /**
   * @param r the report
   * @param view how it is shown
   * @param matrix HTML of the source matrix to show after the summary, already escaped, or {@code null}
   * @param axis HTML of a drawn timeline to show above the dated events, already escaped, or {@code null}
   * @return the report's sections, from the summary to the entities
   */
  public static String sections(StoryReport r, HtmlView view, @Nullable String matrix, @Nullable String axis) {
    Map<String, Object> params = new HashMap<>();
    params.put("r", r);
    params.put("view", view);
    params.put("matrix", matrix == null ? null : (gg.jte.Content) out -> out.writeContent(matrix));
    params.put("axis", axis == null ? null : (gg.jte.Content) out -> out.writeContent(axis));
    return render("report/sections.jte", params);
  }

  /**
   * @param changes changes of a story's report, in the order to show them
   * @param view how citations are shown
   * @param citations how they are labelled (those of the story's latest report)
   * @return a section per change: new outlets, articles, facts, conflicts, exclusives and quotes, each cited
   */
  public static String changes(java.util.List<ReportChanges> changes, HtmlView view, Citations citations) {
    return render("report/changes.jte", Map.of("changes", changes, "view", view, "c", citations));
  }

  private static String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    TEMPLATES.render(template, params, out);
    return out.toString();
  }
}
