package org.crosscheck.boilerplate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Titles of the shared local news stream, as their outlets wrote them. */
class TitleSegmentsTest {
  @Test
  void theOutletsNameAndSloganAreTakenOffEitherEndOfATitle() {
    assertThat(TitleSegments.headline("Man arrested after son finds gun, shoots himself in hand"
        + " - KSLA News 12 Shreveport, Louisiana News Weather & Sports", "ksla.com", Set.of()))
        .isEqualTo("Man arrested after son finds gun, shoots himself in hand");
    assertThat(TitleSegments.headline("Teen injured in accidental shooting - WMC Action News 5 - Memphis, Tennessee",
        "wmcactionnews5.com", Set.of())).isEqualTo("Teen injured in accidental shooting");
    assertThat(TitleSegments.headline("FOX 46 Charlotte - Man accidentally shoots 16-year-old Catawba County girl",
        "fox46charlotte.com", Set.of())).isEqualTo("Man accidentally shoots 16-year-old Catawba County girl");
    assertThat(TitleSegments.headline("Modesto Police: 4 Injured In Drive-By Shooting \u00ab CBS Sacramento",
        "sacramento.cbslocal.com", Set.of())).isEqualTo("Modesto Police: 4 Injured In Drive-By Shooting");
    assertThat(TitleSegments.headline("Senate Set to Override Veto | The New York Times", "The New York Times",
        Set.of())).isEqualTo("Senate Set to Override Veto");
  }

  @Test
  void aTitleThatIsAllHeadlineIsKeptWhole() {
    assertThat(TitleSegments.headline("4 shot, 1 fatally, in East Orange", "northjersey.com", Set.of()))
        .isEqualTo("4 shot, 1 fatally, in East Orange");
    // a headline with a dash in it names nothing of the outlet
    assertThat(TitleSegments.headline("Gang shooting - two arrested in Long Beach", "presstelegram.com", Set.of()))
        .isEqualTo("Gang shooting - two arrested in Long Beach");
    // the last segment standing is kept, even when it names the outlet
    assertThat(TitleSegments.headline("KSLA News 12 - KSLA", "ksla.com", Set.of())).isEqualTo("KSLA News 12");
    assertThat(TitleSegments.headline(null, "ksla.com", Set.of())).isNull();
  }

  @Test
  void aSegmentThatEndedEarlierTitlesOfTheOutletIsItsOwnOnceLearned() {
    String title = "2 dead in west side shooting - Fox 2 News Headlines";
    Set<Long> known = new HashSet<>();
    assertThat(TitleSegments.headline(title, "myfoxdetroit.com", known)).isEqualTo(title);
    // OutletBoilerplate counts these hashes per outlet and knows a segment once it has ended three titles
    known.addAll(TitleSegments.hashes("Man killed at gas station - Fox 2 News Headlines"));
    known.remove(TitleSegments.hashes("Man killed at gas station - Fox 2 News Headlines").getFirst());
    assertThat(TitleSegments.headline(title, "myfoxdetroit.com", known)).isEqualTo("2 dead in west side shooting");
  }

  @Test
  void outletLabelsLeaveOutWhatNamesNoOutlet() {
    assertThat(TitleSegments.labels("www.news.sacramento.cbslocal.com")).containsExactly("sacramento", "cbslocal");
    assertThat(TitleSegments.labels("The New York Times")).containsExactly("thenewyorktimes");
    assertThat(TitleSegments.labels("ap")).isEmpty();
  }
}
