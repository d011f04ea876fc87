package org.crosscheck.report;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How the one HTML rendering of a report ({@code src/main/jte/report/sections.jte}) is shown: as a
 * file of its own, citing spans as {@code <cite>[OUTLET ¶N]</cite>} with the article and offsets in
 * data attributes, or in the web app, citing them as links to the article with the span marked and
 * marking what articles the reader has not seen add. Either way a citation's title is the cited text.
 *
 * @param web whether the report is a page of the web app
 * @param fresh ids of the articles the reader has not seen (web only)
 * @param citations how citations and outlets are labelled, or {@code null} for outlet-only labels read
 *     from the report
 */
public record HtmlView(boolean web, Set<String> fresh, @Nullable Citations citations) {
  public HtmlView {
    fresh = Set.copyOf(fresh);
  }

  /** @return the view of a report saved as a file */
  public static HtmlView file() {
    return new HtmlView(false, Set.of(), null);
  }

  /** @return the view of a report saved as a file, citations labelled as given */
  public static HtmlView file(Citations citations) {
    return new HtmlView(false, Set.of(), citations);
  }

  /** @return the view of the web app's story page, marking what the given articles add */
  public static HtmlView web(Set<String> fresh) {
    return new HtmlView(true, fresh, null);
  }

  /** @return the view of the web app's story page, marking what the given articles add, citations labelled as given */
  public static HtmlView web(Set<String> fresh, Citations citations) {
    return new HtmlView(true, fresh, citations);
  }

  /** @return the citation labels to use for this report: the view's, else outlet-only labels read from the report */
  public Citations citations(StoryReport r) {
    return citations != null ? citations : Citations.of(r);
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
