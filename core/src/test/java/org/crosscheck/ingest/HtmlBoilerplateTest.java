package org.crosscheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class HtmlBoilerplateTest {
  private static final String SAME_LENGTH = "<p>The council approved the harbour budget on Monday evening.</p>";

  @RepeatedTest(20)
  void ofTwoEqualScoringElementsTheFirstInDocumentOrderHoldsTheText() {
    Document doc = Jsoup.parse("<body><div id=first>" + SAME_LENGTH + "</div><div id=second>"
        + SAME_LENGTH.replace("harbour", "airport") + "</div></body>");
    Element holder = HtmlBoilerplate.mainTextHolder(doc);
    assertThat(holder.id()).isEqualTo("first");
  }

  @Test
  void theElementWithTheMostParagraphTextHoldsTheText() {
    Document doc = Jsoup.parse("<body><div id=short>" + SAME_LENGTH + "</div><div id=long>"
        + SAME_LENGTH + SAME_LENGTH + "</div></body>");
    assertThat(HtmlBoilerplate.mainTextHolder(doc).id()).isEqualTo("long");
  }

  @Test
  void aPageWithoutTextIsHeldByItsBody() {
    Document doc = Jsoup.parse("<body><div><img src=a.png></div></body>");
    assertThat(HtmlBoilerplate.mainTextHolder(doc)).isSameAs(doc.body());
  }
}
