package org.crosscheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.crosscheck.report.StoryReport.ArticleRef;
import org.crosscheck.report.StoryReport.Conflict;
import org.crosscheck.report.StoryReport.Evidence;
import org.crosscheck.report.StoryReport.Fact;
import org.crosscheck.report.StoryReport.Header;
import org.crosscheck.report.StoryReport.Sentence;
import org.crosscheck.report.StoryReport.Side;
import org.junit.jupiter.api.Test;

class ReportChangesTest {
  private static final Instant T1 = Instant.parse("2026-11-30T08:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-30T09:00:00Z");

  private static Evidence ev(String article, int start, int end) {
    return new Evidence(article, start, end, "x".repeat(end - start));
  }

  private static Fact fact(String text, List<String> outlets, Evidence... evidence) {
    return new Fact(text, outlets, List.of(), List.of(evidence));
  }

  private static StoryReport report(List<ArticleRef> articles, List<Fact> consensus, List<Conflict> conflicts,
      List<Sentence> exclusives) {
    return new StoryReport(new Header("s-1", "Bridge opens", articles, null), List.of(), consensus, conflicts,
        exclusives, List.of(), List.of(), List.of());
  }

  @Test
  void factsAreTheSameWhenTheyCiteOverlappingSpansEvenIfAnotherSentenceNowStatesThem() {
    ArticleRef a = new ArticleRef("a", "Daily", null, null, null);
    ArticleRef b = new ArticleRef("b", "Post", null, null, null);
    ArticleRef c = new ArticleRef("c", "Herald", null, null, null);
    Fact opened = fact("The bridge opened on Friday.", List.of("Daily", "Post"), ev("a", 0, 30), ev("b", 10, 40));
    Fact cost = fact("It cost $9m.", List.of("Daily", "Post"), ev("a", 50, 62), ev("b", 60, 72));
    StoryReport before = report(List.of(a, b), List.of(opened, cost),
        List.of(new Conflict("DATE", List.of(new Side("Friday", List.of("Daily"), List.of(ev("a", 20, 26))),
            new Side("Saturday", List.of("Post"), List.of(ev("b", 30, 38)))))),
        List.of(new Sentence("Only Daily says so.", List.of("Daily"), List.of(ev("a", 80, 99)))));
    // the Herald's sentence now states "opened" best; "cost" is no longer stated by two outlets
    Fact openedNow = fact("The Herald: the bridge opened Friday.", List.of("Daily", "Herald", "Post"),
        ev("c", 0, 35), ev("a", 5, 25), ev("b", 10, 40));
    Fact mayor = fact("The mayor cut the ribbon.", List.of("Herald", "Post"), ev("c", 40, 65), ev("b", 100, 125));
    StoryReport after = report(List.of(a, b, c), List.of(openedNow, mayor),
        List.of(new Conflict("DATE", List.of(new Side("Saturday", List.of("Post"), List.of(ev("b", 30, 38))),
                new Side("Friday", List.of("Daily", "Herald"), List.of(ev("a", 20, 26))))),
            new Conflict("MONEY", List.of(new Side("$9m", List.of("Daily"), List.of(ev("a", 58, 61))),
                new Side("$12m", List.of("Herald"), List.of(ev("c", 70, 74)))))),
        List.of(new Sentence("Only Daily says so.", List.of("Daily"), List.of(ev("a", 80, 99))),
            new Sentence("Only the Herald has this.", List.of("Herald"), List.of(ev("c", 90, 115)))));

    ReportChanges ch = ReportChanges.between(before, 1, T1, after, 2, T2);
    assertThat(ch.newArticles()).extracting(ArticleRef::id).containsExactly("c");
    assertThat(ch.newOutlets()).containsExactly("Herald");
    assertThat(ch.newFacts()).containsExactly(mayor);
    assertThat(ch.corroborated()).singleElement().satisfies(x -> {
      assertThat(x.fact()).isEqualTo(openedNow);
      assertThat(x.newOutlets()).containsExactly("Herald");
    });
    assertThat(ch.droppedFacts()).containsExactly(cost);
    // the date conflict is the same one (same values, in another order); the amounts are new
    assertThat(ch.newConflicts()).extracting(Conflict::kind).containsExactly("MONEY");
    assertThat(ch.newExclusives()).extracting(Sentence::text).containsExactly("Only the Herald has this.");
    assertThat(ch.headline()).isEqualTo("1 new article, 1 new outlet, 1 new fact, 1 fact more widely stated, "
        + "1 fact dropped, 1 new conflict, 1 new exclusive");

    ReportChanges none = ReportChanges.between(after, 2, T2, after, 2, T2);
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.headline()).isEqualTo("no changes");

    ReportChanges first = ReportChanges.between(null, 0, null, before, 1, T1);
    assertThat(first.newFacts()).containsExactly(opened, cost);
    assertThat(first.newOutlets()).containsExactly("Daily", "Post");
  }
}
