package org.crosscheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.TestModels;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed story's report as a journalist reads it: labelled citations, short statements, a lead. */
class ReportRendererTest {
  private static Store store;
  private static StoryReport report;
  private static Citations citations;

  @BeforeAll
  static void build() {
    store = Store.inMemory();
    Pipeline.builder().store(store).buildIngestor().ingest(List.of(SharedData.path("seeds").toString()),
        new IngestListener() {});
    report = Pipeline.builder().store(store).models(TestModels.STANDARD).buildReporter()
        .build(store, Stories.all(store).getFirst().id()).orElseThrow();
    citations = Citations.of(report, store);
  }

  private static Article menafn() {
    String id = report.story().articles().stream().filter(a -> "MENAFN".equals(a.outlet())).findFirst().orElseThrow().id();
    return store.get(new ArticleId(id)).orElseThrow();
  }

  @Test
  void aCitationNamesItsOutletAndParagraph() {
    Article a = menafn();
    // MENAFN's fourth line: "It stated that the military actions of North Korean forces in Russia ..."
    int start = a.text().indexOf("It stated that the military actions");
    StoryReport.Evidence x = new StoryReport.Evidence(a.id().value(), start, start + 10, a.text().substring(start, start + 10));
    assertThat(citations.label(x)).isEqualTo("MENAFN ¶4");
    assertThat(citations.label(new StoryReport.Evidence(a.id().value(), 0, 9, "(MENAFN)"))).isEqualTo("MENAFN ¶1");
    // the report cites that sentence: the Markdown and the HTML label it so, the HTML with the cited words on hover
    assertThat(report.citations()).anySatisfy(e -> assertThat(e.start()).isEqualTo(start));
    assertThat(ReportRenderer.markdown(report, citations)).contains("[MENAFN ¶4]").doesNotContain("[a-");
    Document html = Jsoup.parse(HtmlReportRenderer.html(report, citations));
    Element cite = html.select("#consensus cite").stream().filter(c -> c.text().equals("[MENAFN ¶4]")).findFirst()
        .orElseThrow();
    assertThat(cite.attr("title")).startsWith("It stated that the military actions");
    assertThat(a.text().substring(start)).startsWith(cite.attr("title"));
    assertThat(cite.attr("data-span")).isEqualTo(start + "-" + (start + cite.attr("title").length()));
  }

  @Test
  void paragraphsAreBlankLineBlocksOrElseLines() {
    assertThat(Citations.paragraphStarts("One.\nTwo.\n\nThree.")).containsExactly(0, 11);
    assertThat(Citations.paragraphStarts("One.\nTwo.\n  Three.")).containsExactly(0, 5, 12);
    assertThat(Citations.paragraphStarts("")).containsExactly(0);
  }

  @Test
  void aFactIsShownAsItsShortStatementWithTheFullSentenceInDetails() {
    int shorter = 0;
    for (StoryReport.Fact f : report.consensus()) {
      String statement = ShortStatement.of(f.text());
      List<String> words = ShortStatement.wordsOf(f.text());
      List<String> kept = ShortStatement.wordsOf(statement);
      assertThat(isSubsequence(kept, words)).as(statement + " <- " + f.text()).isTrue();
      assertThat(kept.size()).as(statement).isLessThanOrEqualTo(words.size()).isGreaterThan(3);
      if (kept.size() < words.size()) {
        shorter++;
      }
    }
    assertThat(shorter).isGreaterThanOrEqualTo(5);
    assertThat(ShortStatement.of("(MENAFN) North Korea officially confirmed on Monday that it sent troops to Russia to"
        + " support Moscow in its ongoing conflict with Ukraine, marking the first acknowledgment of such a deployment,"
        + " according to media reports.")).isEqualTo("North Korea officially confirmed on Monday that it sent troops to"
            + " Russia to support Moscow in its ongoing conflict with Ukraine.");
    assertThat(ShortStatement.of("The report notes that North Korean troops were deployed under the mutual defense treaty"
        + " signed between Pyongyang and Moscow in June 2024.")).startsWith("North Korean troops were deployed");
    Document html = Jsoup.parse(HtmlReportRenderer.html(report, citations));
    List<Element> facts = html.select("#consensus li details.fact");
    assertThat(facts).hasSize(report.consensus().size());
    for (int i = 0; i < facts.size(); i++) {
      StoryReport.Fact f = report.consensus().get(i);
      assertThat(facts.get(i).selectFirst("summary .statement").text()).isEqualTo(ShortStatement.of(f.text()));
      assertThat(facts.get(i).selectFirst(".full").text()).isEqualTo(f.text().replaceAll("\\s+", " ").strip());
    }
  }

  private static boolean isSubsequence(List<String> part, List<String> whole) {
    int j = 0;
    for (String w : whole) {
      if (j < part.size() && part.get(j).equals(w)) {
        j++;
      }
    }
    return j == part.size();
  }

  @Test
  void theLeadSaysWhatHappenedWhatIsAgreedAndWhatIsDisputed() {
    Lead lead = Lead.of(report, citations);
    assertThat(lead.lines()).extracting(Lead.Line::label).containsExactly("What happened", "Agreed", "Disputed");
    assertThat(lead.lines()).allSatisfy(l -> assertThat(l.text()).isNotBlank());
    assertThat(lead.lines().get(0).evidence()).isNotEmpty();
    assertThat(lead.lines().get(1).text()).contains("Korean Central News Agency");
    Lead.Line disputed = lead.lines().get(2);
    assertThat(disputed.text()).contains("Dates differ", "2024-06", "2024-12", "The Gaze");
    assertThat(disputed.evidence()).anySatisfy(e -> assertThat(e.text()).isEqualTo("December last year"));
    // the summary is the lead, not the consensus list again
    Document html = Jsoup.parse(HtmlReportRenderer.html(report, citations));
    assertThat(html.select("#summary p")).hasSize(3);
    assertThat(html.select("#summary").text()).contains("Dates differ: 2024-06 (The Gaze) vs 2024-12");
    assertThat(ReportRenderer.markdown(report, citations)).contains("**Disputed:** Dates differ");
  }

  @Test
  void anOutletNoArticleNamesIsShownByItsFileOrDomainAndExplainedOnce() {
    String md = ReportRenderer.markdown(report, citations);
    String html = HtmlReportRenderer.html(report, citations);
    for (String out : List.of(md, html)) {
      assertThat(out).doesNotContain("unknown (").contains("004_0b0ccfb8523443b8.txt ¶");
      assertThat(out.split("named in none of their articles", -1)).hasSize(2);
    }
    StoryReport.Evidence x = new StoryReport.Evidence("a-1", 0, 5, "Words");
    StoryReport byDomain = new StoryReport(new StoryReport.Header("s-1", "Headline", List.of(
        new StoryReport.ArticleRef("a-1", "example.org", "Title", "2025-04-28", null),
        new StoryReport.ArticleRef("a-2", "Named Daily", "Title", "2025-04-28", null)), null),
        List.of(), List.of(), List.of(), List.of(new StoryReport.Sentence("Words here and there.", List.of("example.org"),
            List.of(x))), List.of(), List.of(), List.of());
    Citations c = Citations.of(byDomain, id -> java.util.Optional.of("Words here and there.\nMore."));
    assertThat(c.unnamedNote()).isEqualTo("1 outlet is named in none of its articles and shown by its domain: "
        + "example.org.");
    Document page = Jsoup.parse(HtmlReportRenderer.html(byDomain, c));
    assertThat(page.select("#unnamed").text()).contains("example.org");
    assertThat(page.select("#exclusives cite").text()).isEqualTo("[example.org ¶1]");
    assertThat(page.text().split("shown by its domain", -1)).hasSize(2);
  }
}
