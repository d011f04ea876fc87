package org.crosscheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenseTest {
  /**
   * @param tagged a sentence as {@code word/TAG} or {@code word/TAG/lemma} tokens (tags as CoreNLP gives them), the
   *     time expression's words in square brackets
   * @return the tense of the verb the bracketed expression dates
   */
  private static Tense tenseOf(String tagged) {
    List<CoreLabel> tokens = new ArrayList<>();
    int first = -1;
    int last = -1;
    for (String t : tagged.split(" ")) {
      boolean opens = t.startsWith("[");
      boolean closes = t.endsWith("]");
      String bare = t.replace("[", "").replace("]", "");
      String[] parts = bare.split("/");
      CoreLabel label = new CoreLabel();
      label.setWord(parts[0]);
      label.setTag(parts[1]);
      label.setLemma(parts.length > 2 ? parts[2] : parts[0].toLowerCase(java.util.Locale.ROOT));
      if (opens) {
        first = tokens.size();
      }
      if (closes) {
        last = tokens.size();
      }
      tokens.add(label);
    }
    return Tense.of(tokens, first, last);
  }

  @Test
  void thePastTenseBeforeTheExpressionLooksBack() {
    assertThat(tenseOf("Castro/NNP attended/VBD a/DT rally/NN [Thursday/NNP] by/IN media/NNS workers/NNS ./."))
        .isEqualTo(Tense.PAST);
    assertThat(tenseOf("They/PRP have/VBP gathered/VBN enough/JJ evidence/NN in/IN the/DT [October/NNP] slaying/NN ./."))
        .isEqualTo(Tense.PAST);
    assertThat(tenseOf("Two-thirds/NNS were/VBD products/NNS introduced/VBN in/IN [April/NNP] ./."))
        .isEqualTo(Tense.PAST);
  }

  @Test
  void modalsPlansAndThePresentLookAhead() {
    assertThat(tenseOf("The/DT plant/NN will/MD close/VB on/IN [Friday/NNP] ./.")).isEqualTo(Tense.FUTURE);
    assertThat(tenseOf("Protesters/NNS planned/VBD/plan a/DT large/JJ demonstration/NN in/IN Little/NNP Havana/NNP on/IN "
        + "[Saturday/NNP] ./.")).isEqualTo(Tense.FUTURE);
    assertThat(tenseOf("The/DT sale/NN is/VBZ scheduled/VBN to/TO close/VB [Monday/NNP] ./.")).isEqualTo(Tense.FUTURE);
    assertThat(tenseOf("Officials/NNS postponed/VBD until/IN [Tuesday/NNP morning/NN] any/DT action/NN ./."))
        .isEqualTo(Tense.FUTURE);
    assertThat(tenseOf("Congress/NNP reconvenes/VBZ [Jan./NNP 24/CD] ./.")).isEqualTo(Tense.PRESENT);
    assertThat(tenseOf("He/PRP and/CC Arafat/NNP meet/VB separately/RB [Monday/NNP] with/IN Albright/NNP ./."))
        .isEqualTo(Tense.PRESENT);
  }

  @Test
  void withNoVerbBeforeTheVerbAfterTellsOnlyThePast() {
    assertThat(tenseOf("Also/RB [Sunday/NNP] ,/, 2,000/CD protesters/NNS rallied/VBD in/IN Portadown/NNP ./."))
        .isEqualTo(Tense.PAST);
    assertThat(tenseOf("The/DT incidents/NNS of/IN [Aug./NNP 7/CD] underscore/VBP that/IN terrorists/NNS know/VBP "
        + "no/DT boundaries/NNS ./.")).isEqualTo(Tense.NONE);
    assertThat(tenseOf("Until/IN [Thursday/NNP] ,/, they/PRP had/VBD not/RB called/VBN Kopp/NNP a/DT suspect/NN ./."))
        .isEqualTo(Tense.PAST);
  }

  @Test
  void someVerbsAndWordsTellNothing() {
    assertThat(tenseOf("Thermo/NNP agreed/VBD to/TO purchase/VB the/DT line/NN in/IN [February/NNP] ./."))
        .isEqualTo(Tense.NONE);
    assertThat(tenseOf("They/PRP could/MD be/VB located/VBN [Wednesday/NNP] in/IN Cardenas/NNP ./."))
        .isEqualTo(Tense.NONE);
    assertThat(tenseOf("It/PRP had/VBD been/VBN due/JJ to/TO expire/VB [Friday/NNP evening/NN] ./."))
        .isEqualTo(Tense.NONE);
    assertThat(tenseOf("They/PRP will/MD get/VB around/IN [Wednesday/NNP] 's/POS ruling/NN ./."))
        .isEqualTo(Tense.NONE);
  }

  @Test
  void theVerbIsSoughtWithinTheClauseAndAmongRealVerbs() {
    // "would produce" belongs to the main clause; the blasts of the relative clause killed
    assertThat(tenseOf("She/PRP would/MD produce/VB aid/NN for/IN their/PRP$ countries/NNS ,/, where/WRB the/DT "
        + "[Aug./NNP 7/CD] blasts/NNS killed/VBD 257/CD people/NNS ./.")).isEqualTo(Tense.PAST);
    // "preferred" before a noun is an adjective
    assertThat(tenseOf("It/PRP will/MD redeem/VB 9.5/CD million/CD preferred/VBN shares/NNS on/IN [Oct./NNP 31/CD] ./."))
        .isEqualTo(Tense.FUTURE);
  }
}
