package org.crosscheck.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.crosscheck.analysis.Analysis;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.TextSpan;
import org.junit.jupiter.api.Test;

class ExclusivesTest {
  private static final String FOX = "Rep. Bob Etheridge apologized on Monday for grabbing a student in the street. "
      + "Etheridge faces Republican Renee Ellmers, a registered nurse, in the November race. "
      + "Cordova is one of 198 people the congressman follows on the site. "
      + "He said two things about it to the reporters there.";
  private static final String TIMES = "Etheridge, a Democrat, apologized on Monday for grabbing a student in the street. "
      + "The video of the confrontation was posted by a user on the site.";

  @Test
  void aNameOrAmountNoOtherOutletStatesMakesAnExclusiveAndWhatOthersStateDoesNot() {
    var fox = source("a-1", "Fox News", FOX,
        List.of(entity(FOX, "Bob Etheridge", "PERSON"), entity(FOX, "Renee Ellmers", "PERSON")),
        List.of(quantity(FOX, "198", "198.0"), quantity(FOX, "two", "2.0")));
    var times = source("a-2", "The New York Times", TIMES, List.of(entity(TIMES, "Etheridge", "PERSON")), List.of());
    List<Exclusives.Found> found = Exclusives.find(List.of(fox, times), EntityResolver.resolve(List.of(
        new EntityResolver.Source(fox.article(), fox.outlet(), FOX, fox.analysis()),
        new EntityResolver.Source(times.article(), times.outlet(), TIMES, times.analysis()))));
    assertThat(found).extracting(f -> f.claim().text()).containsExactly(
        "Etheridge faces Republican Renee Ellmers, a registered nurse, in the November race.",
        "Cordova is one of 198 people the congressman follows on the site.");
    assertThat(found.getFirst().anchors()).containsExactly("Renee Ellmers");
    assertThat(found.getFirst().claim().outlet()).isEqualTo("Fox News");
    // "Bob Etheridge" is named by the other outlet by surname; "two" is too common to be a fact of its own
    assertThat(found).noneMatch(f -> f.anchors().contains("Bob Etheridge") || f.anchors().contains("two"));
  }

  @Test
  void aStoryWithOneOutletHasNoExclusives() {
    var fox = source("a-1", "Fox News", FOX, List.of(entity(FOX, "Renee Ellmers", "PERSON")), List.of());
    var again = source("a-3", "Fox News", TIMES, List.of(), List.of());
    assertThat(Exclusives.find(List.of(fox, again), List.of())).isEmpty();
  }

  private static ClaimAligner.Source source(String id, String outlet, String text, List<Analysis.Entity> entities,
      List<Analysis.Quantity> quantities) {
    List<TextSpan> sentences = sentences(text);
    List<Analysis.Entity> placed = entities.stream().map(e -> new Analysis.Entity(e.text(), e.type(), e.span(),
        sentenceOf(sentences, e.span()))).toList();
    List<Analysis.Quantity> placedQ = quantities.stream().map(q -> new Analysis.Quantity(q.text(), q.value(), null,
        q.type(), q.span(), sentenceOf(sentences, q.span()))).toList();
    return new ClaimAligner.Source(new ArticleId(id), outlet, text,
        new Analysis(null, 40, sentences, placed, placedQ, List.of(), List.of()));
  }

  private static Analysis.Entity entity(String text, String words, String type) {
    int at = text.indexOf(words);
    return new Analysis.Entity(words, type, new TextSpan(at, at + words.length()), -1);
  }

  private static Analysis.Quantity quantity(String text, String words, String value) {
    int at = text.indexOf(words + " ");
    return new Analysis.Quantity(words, value, null, "NUMBER", new TextSpan(at, at + words.length()), -1);
  }

  private static List<TextSpan> sentences(String text) {
    List<TextSpan> out = new ArrayList<>();
    int start = 0;
    for (int dot = text.indexOf(". "); dot >= 0; dot = text.indexOf(". ", start)) {
      out.add(new TextSpan(start, dot + 1));
      start = dot + 2;
    }
    out.add(new TextSpan(start, text.length()));
    return out;
  }

  private static int sentenceOf(List<TextSpan> sentences, TextSpan span) {
    for (int i = 0; i < sentences.size(); i++) {
      if (span.start() >= sentences.get(i).start() && span.end() <= sentences.get(i).end()) {
        return i;
      }
    }
    throw new IllegalArgumentException("no sentence holds " + span);
  }
}
