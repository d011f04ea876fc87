package org.crosscheck.report;

import java.util.List;
import java.util.Set;

/**
 * How the one HTML rendering of a report ({@code src/main/jte/report/sections.jte}) is shown: as a
 * file of its own, citing spans as {@code <cite>[ARTICLE:START-END]</cite>}, or in the web app,
 * citing them as links to the article with the span marked and marking what articles the reader
 * has not seen add.
 *
 * @param web whether the report is a page of the web app
 * @param fresh ids of the articles the reader has not seen (web only)
 */
public record HtmlView(boolean web, Set<String> fresh) {
  public HtmlView {
    fresh = Set.copyOf(fresh);
  }

  /** @return the view of a report saved as a file */
  public static HtmlView file() {
    return new HtmlView(false, Set.of());
  }

  /** @return the view of the web app's story page, marking what the given articles add */
  public static HtmlView web(Set<String> fresh) {
    return new HtmlView(true, fresh);
  }

  /** @return the web app's address of the article with the span marked */
  public String href(StoryReport.Evidence x) {
    return "/articles/" + x.article() + "?hl=" + x.start() + "-" + x.end() + "#cited";
  }

  /** @return whether some of the evidence comes from an article the reader has not seen */
  public boolean isNew(List<StoryReport.Evidence> evidence) {
    return evidence.stream().anyMatch(x -> fresh.contains(x.article()));
  }
}
