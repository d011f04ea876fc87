package org.crosscheck.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutletNamesTest {
  @Test
  void mapsAbbreviationsDomainsAndVariantsToOneName() {
    assertThat(OutletNames.canonical("NYT")).isEqualTo("The New York Times");
    assertThat(OutletNames.canonical(" new york times ")).isEqualTo("The New York Times");
    assertThat(OutletNames.canonical("The New York Times")).isEqualTo("The New York Times");
    assertThat(OutletNames.canonical("www.nytimes.com")).isEqualTo("The New York Times");
    assertThat(OutletNames.canonical("HPO")).isEqualTo("HuffPost");
    assertThat(OutletNames.canonical("The Huffington Post")).isEqualTo("HuffPost");
    assertThat(OutletNames.canonical("FOX")).isEqualTo("Fox News");
  }

  @Test
  void keepsNamesItDoesNotKnow() {
    assertThat(OutletNames.canonical("Arirang News")).isEqualTo("Arirang News");
    assertThat(OutletNames.canonical("  The Gaze ")).isEqualTo("The Gaze");
  }
}
