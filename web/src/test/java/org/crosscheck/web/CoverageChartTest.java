package org.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crosscheck.report.StoryReport.ArticleRef;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class CoverageChartTest {
  private static ArticleRef ref(String id, String outlet, String published) {
    return new ArticleRef(id, outlet, "Title " + id, published, null);
  }

  @Test
  void rowsFollowWhoReportedFirstWithHowMuchLaterAndUndatedLast() {
    String svg = CoverageChart.svg(List.of(
        ref("a1", "Late Daily", "2025-04-29T08:00"),
        ref("a2", "Wire <Service>", "2025-04-28T01:00+09:00"),
        ref("a3", "Evening Post", "2025-04-28T10:00"),
        ref("a4", "Evening Post", "2025-04-30"),
        ref("a5", "No Dates", "unknown")));
    Document doc = Jsoup.parse(svg, "", Parser.xmlParser());
    List<String> labels = doc.select("g.outlet > text").eachText();
    assertThat(labels).containsExactly("Wire <Service> · first", "Evening Post · +18 h", "Late Daily · +1 d",
        "No Dates (undated)");
    assertThat(doc.select("circle")).hasSize(4);
    Element first = doc.selectFirst("circle.first");
    assertThat(first.selectFirst("title").text()).isEqualTo("Wire <Service>: Title a2 (2025-04-28T01:00+09:00)");
    assertThat(svg).contains("Wire &lt;Service&gt;").doesNotContain("Wire <Service>");
    // the first dot sits at the left of the time axis and the last at its right
    assertThat(cx(doc.selectFirst("circle.first"))).isLessThan(cx(doc.select("g.outlet").get(1).select("circle").last()));
    assertThat(doc.selectFirst("svg > title").text()).contains("4 outlets, first reported by Wire <Service>");
  }

  @Test
  void aStoryWithoutDatesStillDrawsItsOutlets() {
    String svg = CoverageChart.svg(List.of(ref("a1", "One", "unknown"), ref("a2", "Two", null)));
    Document doc = Jsoup.parse(svg, "", Parser.xmlParser());
    assertThat(doc.select("g.outlet > text").eachText()).containsExactly("One (undated)", "Two (undated)");
    assertThat(doc.select("circle")).isEmpty();
  }

  private static int cx(Element circle) {
    return Integer.parseInt(circle.attr("cx"));
  }
}
