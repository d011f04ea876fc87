package org.crosscheck.outlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crosscheck.SharedData;
import org.junit.jupiter.api.Test;

class OutletsTest {
  private static final Outlets BUILT_IN = Outlets.builtIn();

  @Test
  void mapsAbbreviationsDomainsAndVariantsToOneOutlet() {
    for (String name : List.of("NYT", " new york times ", "The New York Times", "www.nytimes.com", "NYTimes.com")) {
      assertThat(BUILT_IN.of(name, null)).as(name).extracting(Outlet::key, Outlet::name)
          .containsExactly("nytimes.com", "The New York Times");
    }
    assertThat(BUILT_IN.of("HPO", null).name()).isEqualTo("HuffPost");
    assertThat(BUILT_IN.of("The Huffington Post", null).name()).isEqualTo("HuffPost");
    assertThat(BUILT_IN.of("FOX", null).name()).isEqualTo("Fox News");
    assertThat(BUILT_IN.of("KCNA", null).key()).isEqualTo("kcna.kp");
  }

  @Test
  void findsAnUnnamedOutletByItsUrlsRegistrableDomain() {
    assertThat(BUILT_IN.of(null, "http://thecaucus.blogs.nytimes.com/2012/01/01/x/").name())
        .isEqualTo("The New York Times");
    assertThat(BUILT_IN.of(null, "https://www.bbc.co.uk/news/x").name()).isEqualTo("BBC News");
    assertThat(BUILT_IN.of(null, "https://news.example.org/a").key()).isEqualTo("example.org");
  }

  @Test
  void keepsNamesItDoesNotKnowAndKeysThemByDomainOrName() {
    assertThat(BUILT_IN.of("Arirang News", null)).extracting(Outlet::key, Outlet::name)
        .containsExactly("arirang news", "Arirang News");
    assertThat(BUILT_IN.of("  The Gaze ", null).name()).isEqualTo("The Gaze");
    assertThat(BUILT_IN.of("KDVR", "http://www.kdvr.com/news/1")).extracting(Outlet::key, Outlet::name)
        .containsExactly("kdvr.com", "KDVR");
    // a host name given as the outlet is keyed by its domain, as the URL would be
    assertThat(BUILT_IN.of("articles.chicagotribune.com", null)).extracting(Outlet::key, Outlet::name)
        .containsExactly("chicagotribune.com", "chicagotribune.com");
  }

  @Test
  void aNameFirstSeenWithADomainBecomesAnAliasOfThatDomainsOutlet() {
    List<Outlet> learned = BUILT_IN.learnSeen(List.of(new Outlets.Seen("KDVR", "http://kdvr.com/a"),
        new Outlets.Seen("Fox 31 Denver", "https://www.kdvr.com/b"),
        new Outlets.Seen("Fox News Insider", "http://insider.foxnews.com/c")));
    assertThat(learned).containsExactly(new Outlet("kdvr.com", "KDVR", List.of("KDVR", "Fox 31 Denver")),
        new Outlet("foxnews.com", "Fox News", List.of("Fox News Insider")));
    Outlets after = BUILT_IN.withRegistered(learned);
    assertThat(after.of("Fox 31 Denver", null).key()).as("without its URL now").isEqualTo("kdvr.com");
    assertThat(after.registered()).extracting(Outlet::key).containsExactly("foxnews.com", "kdvr.com");
    assertThat(after.learnSeen(List.of(new Outlets.Seen("Fox 31 Denver", "https://kdvr.com/c")))).as("nothing new")
        .isEmpty();
  }

  @Test
  void anAgencysNameOnAPortalsPageDoesNotMakeThePortalTheAgency() {
    List<Outlet> learned = BUILT_IN.learnSeen(List.of(new Outlets.Seen("Reuters", "https://news.yahoo.com/x")));
    assertThat(learned).containsExactly(new Outlet("reuters.com", "Reuters", List.of("Reuters")));
    Outlets after = BUILT_IN.withRegistered(learned);
    assertThat(after.of("Yahoo News", "https://news.yahoo.com/y").key()).isEqualTo("yahoo.com");
  }

  @Test
  void learningFromNamesAndUrlsMergesBasilsTwoSpellingsOfEachOutlet() throws Exception {
    List<Outlets.Seen> seen = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = Files.newBufferedReader(SharedData.path("basil-2010-2016.jsonl"))) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode n = json.readTree(line);
        seen.add(new Outlets.Seen(n.get("source").asText(), n.get("url").asText()));
      }
    }
    assertThat(seen).extracting(Outlets.Seen::name).containsOnly("NYT", "The New York Times", "FOX", "Fox News",
        "HPO", "HuffPost");
    // without any table, BASIL's own URLs link "NYT" to "The New York Times" and "FOX" to "Fox News"; HuffPost
    // comes first from huffpost.com, then from huffingtonpost.com, and only a table says those are one outlet
    assertThat(spellingsByKey(Outlets.empty(), seen)).containsOnly(
        Map.entry("nytimes.com", Set.of("NYT", "The New York Times")), Map.entry("foxnews.com", Set.of("FOX", "Fox News")),
        Map.entry("huffpost.com", Set.of("HuffPost")), Map.entry("huffingtonpost.com", Set.of("HPO")));
    assertThat(spellingsByKey(BUILT_IN, seen)).containsOnly(
        Map.entry("nytimes.com", Set.of("NYT", "The New York Times")), Map.entry("foxnews.com", Set.of("FOX", "Fox News")),
        Map.entry("huffpost.com", Set.of("HPO", "HuffPost")));
  }

  /** @return the names articles give, by the key of the outlet they resolve to once the table has learned from them */
  private static Map<String, Set<String>> spellingsByKey(Outlets table, List<Outlets.Seen> seen) {
    Outlets learned = table.withRegistered(table.learnSeen(seen));
    Map<String, Set<String>> out = new HashMap<>();
    for (Outlets.Seen s : seen) {
      out.computeIfAbsent(learned.of(s.name(), s.url()).key(), k -> new HashSet<>()).add(s.name());
    }
    return out;
  }

  @Test
  void aStoredAliasOrNameWinsOverTheBuiltInTable() {
    Outlets edited = BUILT_IN.withRegistered(List.of(new Outlet("foxnews.com", "FOX News Channel", List.of("NYT"))));
    assertThat(edited.of("NYT", null).name()).isEqualTo("FOX News Channel");
    assertThat(edited.find("nytimes.com").orElseThrow().aliases()).doesNotContain("NYT");
    assertThat(edited.find("Fox News")).map(Outlet::key).contains("foxnews.com");
    assertThat(BUILT_IN.of("NYT", null).name()).as("the table itself is unchanged").isEqualTo("The New York Times");
  }

  @Test
  void refusesAnEmptyAliasAnUnknownOutletAndAnotherOutletsKeyNamingTheInput() {
    assertThat(BUILT_IN.aliasing("Gray Lady", "NYT")).isEqualTo(new Outlet("nytimes.com", "The New York Times",
        List.of("Gray Lady")));
    assertThatThrownBy(() -> BUILT_IN.aliasing(" ", "NYT")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the alias is empty");
    assertThatThrownBy(() -> BUILT_IN.aliasing("Gray Lady", "Daily Planet"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no outlet goes by 'Daily Planet'");
    assertThatThrownBy(() -> BUILT_IN.aliasing("www.foxnews.com", "NYT")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'www.foxnews.com' is the key of the outlet Fox News");
    assertThatThrownBy(() -> BUILT_IN.renaming("NYT", "")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the new name is empty");
  }

  @Test
  void keysNamesByCaseSpaceAndLeadingTheAndHostsByRegistrableDomain() {
    assertThat(Outlets.aliasKey("  The   New York\tTimes ")).isEqualTo("new york times");
    assertThat(Outlets.aliasKey("thecaucus.blogs.NYTimes.com")).isEqualTo("nytimes.com");
    assertThat(Outlets.aliasKey("en.yna.co.kr")).isEqualTo("yna.co.kr");
    assertThat(Outlets.aliasKey("U.S. News")).isEqualTo("u.s. news");
    assertThat(Outlets.aliasKey("The")).isEqualTo("the");
  }
}
