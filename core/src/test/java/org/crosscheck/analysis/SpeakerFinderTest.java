package org.crosscheck.analysis;

import org.crosscheck.TestModels;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.SharedData;
import org.junit.jupiter.api.Test;

class SpeakerFinderTest {
  private final CoreNlpAnalyzer analyzer = new CoreNlpAnalyzer(TestModels.STANDARD);

  private List<Analysis.Quote> quotes(String text) {
    return analyzer.analyze(text, LocalDate.parse("2025-04-28")).quotes();
  }

  @Test
  void creditsTheSeedQuotesToTheirSpeakersPersonsAndMinistries() throws Exception {
    List<Analysis.Quote> all = new ArrayList<>();
    try (var files = Files.list(SharedData.path("seeds"))) {
      for (Path f : files.sorted().toList()) {
        all.addAll(quotes(Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    assertThat(all).filteredOn(q -> q.text().startsWith("This is a deceptive act"))
        .singleElement().satisfies(q -> assertThat(q.speaker().name()).isEqualTo("Jeon"));
    assertThat(all).filteredOn(q -> q.text().startsWith("The government points out"))
        .singleElement().satisfies(q -> {
          assertThat(q.speaker().name()).isEqualTo("Koo Byung-sam");
          assertThat(q.speaker().type()).isEqualTo("PERSON");
        });
    assertThat(all).filteredOn(q -> q.speaker() != null && q.speaker().text().equals("the Foreign Ministry"))
        .isNotEmpty().allSatisfy(q -> assertThat(q.speaker().type()).isEqualTo("ORGANIZATION"));
    // a quote with no cue of its own right after Koo's attributed one continues it
    assertThat(all).filteredOn(q -> q.text().startsWith("If military collusion")).singleElement()
        .satisfies(q -> {
          assertThat(q.speaker().name()).isEqualTo("Koo");
          assertThat(q.speaker().continued()).isTrue();
        });
  }

  @Test
  void readsEveryQuoteMarkStyleAndEveryPlaceTheSpeakerStands() {
    String text = "''We will not back down,'' said Defense Minister Jane Roe. \n"
        + "The agency said: \"Supplies are running low.\"\n"
        + "”Nobody expected this.” ― Ana Ruiz\n"
        + "“It is over,” Mr. Park, a former envoy, told reporters on Friday.\n"
        + "He walked past a poster of “Keep out” on the wall.";
    List<Analysis.Quote> q = quotes(text);
    assertThat(q).extracting(Analysis.Quote::text).containsExactly("We will not back down,", "Supplies are running low.",
        "Nobody expected this.", "It is over,", "Keep out");
    assertThat(q.get(0).speaker().name()).isEqualTo("Jane Roe");
    assertThat(q.get(1).speaker().text()).isEqualTo("The agency");
    assertThat(q.get(1).speaker().type()).isEqualTo("ORGANIZATION");
    assertThat(q.get(2).speaker().name()).isEqualTo("Ana Ruiz");
    assertThat(q.get(3).speaker().text()).isEqualTo("Mr. Park, a former envoy,");
    assertThat(q.get(3).speaker().name()).isEqualTo("Park");
    assertThat(q.get(4).speaker()).as("no cue: unattributed, not guessed").isNull();
    for (Analysis.Quote x : q) {
      assertThat(x.span().of(text)).contains(x.text());
      if (x.speaker() != null) {
        assertThat(x.speaker().span().of(text)).isEqualTo(x.speaker().text());
      }
    }
  }

  @Test
  void aPronounIsTheLastPersonOfItsGenderAndARoleNamedInAnAsideIsThatPerson() {
    String text = "Donald Trump criticized Justice Ruth Bader Ginsburg on Tuesday. Ginsburg was not moved.\n"
        + "“He has no consistency about him,” she said.\n"
        + "Mr. Jackson’s lawyer, Reid H. Weingarten, said: “He has come to terms with his misconduct.”\n"
        + "“The rules are a disaster,” Scott Pruitt, the Republican attorney general of Oklahoma, one of the states"
        + " suing the agency, said in a statement.\n"
        + "“You are not a leader.” ― Christina Lastra";
    List<Analysis.Quote> q = quotes(text);
    assertThat(q).hasSize(4);
    assertThat(q.get(0).speaker().text()).isEqualTo("she");
    assertThat(q.get(0).speaker().name()).as("she is not Donald Trump").isEqualTo("Ginsburg");
    assertThat(q.get(1).speaker().name()).isEqualTo("Reid H. Weingarten");
    assertThat(q.get(2).speaker().name()).isEqualTo("Scott Pruitt");
    assertThat(q.get(2).speaker().type()).isEqualTo("PERSON");
    assertThat(q.get(3).speaker().name()).isEqualTo("Christina Lastra");
  }

  @Test
  void theHolderOfAnOfficeIsThePersonLastNamedWithItsTitle() {
    String text = "President Barack Obama spoke after Gov. Paul LePage of Maine.\n"
        + "“I thought Joe Biden was terrific tonight,” the president said.\n"
        + "“I will not resign,” the governor said.";
    List<Analysis.Quote> q = quotes(text);
    assertThat(q).extracting(x -> x.speaker().name()).containsExactly("Barack Obama", "Paul LePage");
    assertThat(q.get(0).speaker().text()).isEqualTo("the president");
  }

  @Test
  void whoIsToldIsNotWhoSpeaks() {
    String text = "Benjamin Netanyahu pushed back in two interviews on Sunday, first telling CNN, “I know that people"
        + " are trying to draw me into the American election.”";
    assertThat(quotes(text)).singleElement().satisfies(q -> assertThat(q.speaker().name()).isEqualTo("Benjamin Netanyahu"));
  }

  @Test
  void aParticipleSpeaksForItsSentencesSubject() {
    String text = "During a speech earlier in the day, Donald Trump attacked Hillary Clinton for her support of the war,"
        + " saying, “She has made the wrong call every time.”\n"
        + "Mehmet Oz appeared on MSNBC on Tuesday. He then defended the remark, saying, “It was a fair question.”";
    List<Analysis.Quote> q = quotes(text);
    assertThat(q).extracting(x -> x.speaker().name()).containsExactly("Donald Trump", "Mehmet Oz");
    assertThat(q.get(1).speaker().text()).isEqualTo("He");
  }

  @Test
  void aSentenceEndingInAColonIntroducesItsSubjectsQuote() {
    // the subject is the person a verb follows, not the first person named
    String text = "Worried about a lack of passion for Hillary Clinton among young voters, President Barack Obama is"
        + " rolling out a new and more personal message:"
        + " “I will consider it a personal insult if you stay home.”";
    assertThat(quotes(text)).singleElement().satisfies(q -> assertThat(q.speaker().name()).isEqualTo("Barack Obama"));
  }

  @Test
  void asSomeonePutItAndANounPhraseWithOfAreSpeakers() {
    String text = "As Steven M. Rosenthal, a tax lawyer at the Urban-Brookings Tax Policy Center, recently put it,"
        + " “The line of legality is thin.”\n"
        + "Asked why the plan leaves out fathers, the 34-year-old mother of three replied, “We started with mothers.”";
    List<Analysis.Quote> q = quotes(text);
    assertThat(q).hasSize(2);
    assertThat(q.get(0).speaker().name()).isEqualTo("Steven M. Rosenthal");
    assertThat(q.get(1).speaker().text()).isEqualTo("the 34-year-old mother of three");
  }

  @Test
  void theSubjectOfAParticipleClauseIsNotItsPrepositionsObject() {
    String text = "Protesters marching through the streets chanted “No justice, no peace” until late at night.";
    assertThat(quotes(text)).singleElement().satisfies(q -> assertThat(q.speaker().text()).isEqualTo("Protesters"));
  }

  @Test
  void aPossessiveBeforeARoleIsNoObjectPronoun() {
    String text = "However, one of her lawyers, Tom Kirsch, says the plea agreement \"does not contemplate a sentence of"
        + " that length.\"";
    assertThat(quotes(text)).singleElement().satisfies(q -> assertThat(q.speaker().name()).isEqualTo("Tom Kirsch"));
  }

  @Test
  void aSpeakerIsSomeoneOrADocumentsIssuerNeverAThing() {
    String text = "The speech ended to cheers. \"We won,\" the world seemed to say.\n"
        + "The Sierra Club filed suit on Monday. \"The rule is unlawful,\" the statement said.\n"
        + "\"I am not going anywhere,\" Sen. Ted Cruz, R-Texas, said.\n"
        + "\"It is over,\" one union official said.";
    List<Analysis.Quote> all = quotes(text);
    assertThat(all).filteredOn(q -> q.text().startsWith("The rule")).singleElement().satisfies(q -> {
      assertThat(q.speaker().text()).isEqualTo("the statement");
      assertThat(q.speaker().name()).isEqualTo("Sierra Club");
      assertThat(q.speaker().type()).isEqualTo("ORGANIZATION");
    });
    assertThat(all).filteredOn(q -> q.text().startsWith("I am not")).singleElement()
        .satisfies(q -> assertThat(q.speaker().name()).isEqualTo("Ted Cruz"));
    assertThat(all).filteredOn(q -> q.text().startsWith("We won")).singleElement()
        .satisfies(q -> assertThat(q.speaker()).isNull());
    assertThat(all).filteredOn(q -> q.text().startsWith("It is over")).singleElement()
        .satisfies(q -> assertThat(q.speaker().name()).isEqualTo("one union official"));
  }
}
