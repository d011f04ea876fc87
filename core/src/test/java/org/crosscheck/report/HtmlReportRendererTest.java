package org.crosscheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class HtmlReportRendererTest {
  @Test
  void escapesArticleTextAndCitesEveryLine() {
    String hostile = "Officials said <script>alert('x')</script> & \"more\".";
    StoryReport.Evidence ev = new StoryReport.Evidence("a-1", 10, 10 + hostile.length(), hostile);
    StoryReport r = new StoryReport(
        new StoryReport.Header("s-1", "Headline <b>bold</b>", List.of(new StoryReport.ArticleRef("a-1", "Outlet <i>",
            null, "2025-04-28", null)), null),
        List.of(new StoryReport.Sentence(hostile, List.of("Outlet"), List.of(ev))),
        List.of(new StoryReport.Fact(hostile, List.of("A", "B"), List.of(new StoryReport.Origin("KCNA <x>", List.of("A", "B"),
            List.of("media reports"), true)), List.of(ev, ev))),
        List.of(new StoryReport.Conflict("DATE", List.of(new StoryReport.Side("2024-06", List.of("A"), List.of(ev, ev)),
            new StoryReport.Side("2024-12", List.of("B"), List.of(ev, ev))))),
        List.of(), List.of(new StoryReport.Speaker("Koo", "PERSON", List.of(new StoryReport.Quote(hostile, "A", "Koo",
            List.of(ev), List.of(new StoryReport.Variant(hostile, "B", null, List.of(ev))))))),
        List.of(new StoryReport.Date("2025-04-26", false, List.of("A"), List.of(ev))),
        List.of(new StoryReport.Entity("KCNA", "ORGANIZATION", List.of("KCNA"), List.of("A"), List.of(ev))));
    String html = HtmlReportRenderer.html(r);
    assertThat(html).doesNotContain("<script>", "<b>bold</b>", "<i>").contains("&lt;script&gt;");
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.title()).isEqualTo("Headline <b>bold</b>");
    assertThat(doc.select("h2").eachText()).containsExactly("Summary", "Consensus", "Conflicts", "Exclusives", "Quotes",
        "Timeline", "Entities");
    assertThat(doc.select("cite").first().text()).isEqualTo("[Outlet <i>]");
    assertThat(doc.select("cite").first().attr("title")).isEqualTo(hostile);
    assertThat(doc.select("cite").first().attr("data-article")).isEqualTo("a-1");
    assertThat(doc.select("cite").first().attr("data-span")).isEqualTo("10-" + (10 + hostile.length()));
    assertThat(doc.text()).contains("2 outlets", "1 independent origin:", "KCNA <x> (via A, B; named as media reports", "2024-06", "also “" + hostile);
  }

  @Test
  void theWebPageShowsTheSameSectionsCitingLinksAndMarkingWhatIsNew() {
    StoryReport.Evidence old = new StoryReport.Evidence("a-1", 0, 9, "Old words");
    StoryReport.Evidence fresh = new StoryReport.Evidence("a-2", 5, 14, "New words");
    StoryReport r = new StoryReport(new StoryReport.Header("s-1", "Headline", List.of(), null),
        List.of(new StoryReport.Sentence("Old words", List.of("A"), List.of(old))), List.of(), List.of(),
        List.of(new StoryReport.Sentence("New words", List.of("B"), List.of(fresh))), List.of(), List.of(), List.of());
    Document web = Jsoup.parse(HtmlReportRenderer.sections(r, HtmlView.web(java.util.Set.of("a-2")),
        "<table id=\"matrix\"></table>", null));
    Document file = Jsoup.parse(HtmlReportRenderer.html(r));
    assertThat(web.select("h2").eachText()).containsExactly("Summary", "Source matrix", "Consensus", "Conflicts",
        "Exclusives", "Quotes", "Timeline", "Entities");
    assertThat(file.select("h2").eachText()).containsExactly("Summary", "Consensus", "Conflicts", "Exclusives", "Quotes",
        "Timeline", "Entities");
    assertThat(web.select("#exclusives a.cite").attr("href")).isEqualTo("/articles/a-2?hl=5-14#cited");
    assertThat(web.select("#exclusives span.new")).hasSize(1);
    assertThat(web.select("#summary span.new")).isEmpty();
    assertThat(file.select("a.cite")).isEmpty();
    assertThat(file.select("#exclusives cite").text()).isEqualTo("[a-2]");
    assertThat(file.select("#exclusives cite").attr("data-span")).isEqualTo("5-14");
  }
}
