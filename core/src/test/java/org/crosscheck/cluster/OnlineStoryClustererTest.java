package org.crosscheck.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.crosscheck.SharedData;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import java.util.HashMap;
import java.util.Map;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.IngestSummary;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import org.crosscheck.store.StoryStore;
import org.junit.jupiter.api.Test;

class OnlineStoryClustererTest {

  @Test
  void aBridgingArticleMergesTwoStoriesOfOneEventAndTheMergeIsRecorded() throws Exception {
    // two reports of one event that were kept as two stories (as the store holds them when a
    // clusterer reopens it); a third report close to both joins one and merges the other into it
    String seed = Files.readString(SharedData.path("seeds/000_3e73613c10c7acdf.txt"), StandardCharsets.UTF_8);
    String body = seed.substring(seed.indexOf("(MENAFN)"));
    Store store = Store.inMemory();
    OnlineStoryClusterer clusterer = new OnlineStoryClusterer(store);
    StoryId first = store.newStoryId();
    StoryId second = store.newStoryId();
    clusterer.add(clusterer.prepare(report("Outlet A", rewrite(body, 1), "2025-04-20")), first);
    clusterer.add(clusterer.prepare(report("Outlet B", rewrite(body, 2), "2025-04-24")), second);
    Article bridge = report("Outlet C", rewrite(body, 3), "2025-04-22");
    StoryClusterer.Assignment third = clusterer.assign(bridge);
    assertThat(third.newStory()).isFalse();
    assertThat(List.of(third.story(), third.merged().getFirst())).containsExactlyInAnyOrder(first, second);
    assertThat(store.merges()).singleElement().satisfies(m -> {
      assertThat(m.into()).isEqualTo(third.story());
      assertThat(m.bridge()).isEqualTo(bridge.id());
    });
  }

  /** An incident and the report of its trial months later, as local papers write them. */
  private static final String INCIDENT = "Police say four women were found shot to death Monday inside an apartment"
      + " at the Fairmont Terrace complex in south Tulsa. Officers responded at about 12:30 p.m. and found the"
      + " victims in a second-floor unit. Police Sgt. Dave Walker said detectives were looking for two men seen"
      + " leaving the complex in a white car. The victims were identified as Rebecca Poore, Misty Nunley,"
      + " Kayetie Melchor and Julie Jackson.";
  private static final String TRIAL = "Two brothers will stand trial in the %s shooting deaths of four women at the"
      + " Fairmont Terrace apartments in south Tulsa, a judge ruled Friday. Cedric Poore and James Poore are"
      + " charged with first-degree murder in the deaths of Rebecca Poore, Misty Nunley, Kayetie Melchor and Julie"
      + " Jackson. Prosecutors said the brothers went to the apartment to rob a drug dealer.";

  @Test
  void aFollowUpMonthsLaterJoinsItsIncidentWhenItNamesTheIncidentsMonth() {
    Store store = Store.inMemory();
    OnlineStoryClusterer clusterer = new OnlineStoryClusterer(store);
    StoryClusterer.Assignment incident = clusterer.assign(
        report("Tulsa World", "Four women found shot dead in Tulsa apartment", INCIDENT, "2013-01-07"));
    StoryClusterer.Assignment trial = clusterer.assign(report("KJRH", "Brothers to stand trial in quadruple murder",
        TRIAL.formatted("January"), "2013-09-13"));
    assertThat(trial.newStory()).isFalse();
    assertThat(trial.story()).isEqualTo(incident.story());
  }

  @Test
  void aFollowUpMonthsLaterThatNamesNoMonthOfTheIncidentNeedsCloserText() {
    Store store = Store.inMemory();
    OnlineStoryClusterer clusterer = new OnlineStoryClusterer(store);
    clusterer.assign(report("Tulsa World", "Four women found shot dead in Tulsa apartment", INCIDENT, "2013-01-07"));
    // "June" of 2013 is after the incident; the same words seven months on are likely another event
    StoryClusterer.Assignment trial = clusterer.assign(report("KJRH", "Brothers to stand trial in quadruple murder",
        TRIAL.formatted("June"), "2013-09-13"));
    assertThat(trial.newStory()).isTrue();
    // within a week, the same text joins without naming any month
    StoryClusterer.Assignment soon = clusterer.assign(report("KOTV", "Brothers charged in quadruple murder",
        TRIAL.formatted("Monday"), "2013-01-11"));
    assertThat(soon.newStory()).isFalse();
  }

  /** Another shooting, in another city, the same week. */
  private static final String OTHER = "Four people were wounded late Saturday when gunfire erupted outside a"
      + " nightclub on Sonoma Boulevard in Vallejo, police said. Lt. Mark Ramirez said a gunman in a gray sedan"
      + " fired into a crowd leaving the Starlight Lounge at about 1:45 a.m. The victims, three men and a woman"
      + " from Fairfield, were taken to Kaiser Permanente Vallejo Medical Center.";

  @Test
  void anArticleThatReportsTwoEventsMakesThemNoOneStory() {
    Store store = Store.inMemory();
    OnlineStoryClusterer clusterer = new OnlineStoryClusterer(store);
    StoryId tulsa = store.newStoryId();
    StoryId vallejo = store.newStoryId();
    clusterer.add(clusterer.prepare(report("Tulsa World", "Four women found dead", INCIDENT, "2013-01-07")), tulsa);
    clusterer.add(clusterer.prepare(report("KOTV", "Quadruple murder in Tulsa", rewrite(INCIDENT, 4),
        "2013-01-07")), tulsa);
    clusterer.add(clusterer.prepare(report("Times-Herald", "Four shot in Vallejo", OTHER, "2013-01-06")), vallejo);
    clusterer.add(clusterer.prepare(report("KTVU", "Nightclub shooting", rewrite(OTHER, 5), "2013-01-06")), vallejo);
    StoryClusterer.Assignment roundup = clusterer.assign(report("Wire", "Weekend violence",
        INCIDENT + "\n" + OTHER, "2013-01-08"));
    assertThat(roundup.newStory()).isFalse();
    assertThat(roundup.merged()).isEmpty();
    assertThat(store.merges()).isEmpty();
  }

  @Test
  void storiesFoundToHoldTwoEventsAreSplitAndTheSplitsAreRecorded() {
    Store store = Store.inMemory();
    IngestSummary summary = Pipeline.builder().store(store).buildIngestor()
        .ingest(List.of(SharedData.path("ecbplus-train-dev.jsonl").toString()), new IngestListener() {});
    Map<ArticleId, String> gold = new HashMap<>();
    store.list(0, Integer.MAX_VALUE).forEach(a -> gold.put(a.id(), a.goldStory()));
    List<StoryStore.Split> splits = store.splits();
    assertThat(splits).hasSize((int) summary.splits()).hasSizeGreaterThanOrEqualTo(3);
    int alongEvents = 0;
    for (StoryStore.Split split : splits) {
      assertThat(split.moved()).hasSizeGreaterThanOrEqualTo(StorySplitter.MIN_GROUP);
      // the story kept its first article; the moved articles are mostly of another event
      String kept = gold.get(store.articlesOf(mergedInto(store, split.from())).getFirst());
      long ofAnother = split.moved().stream().filter(a -> !gold.get(a).equals(kept)).count();
      if (ofAnother * 2 > split.moved().size()) {
        alongEvents++;
      }
    }
    // most, not all: a story's first article is not always of the event most of it reports
    assertThat(alongEvents * 2).as("splits that moved mostly another event's articles (" + alongEvents + " of "
        + splits.size() + "), times 2").isGreaterThan(splits.size());
  }

  @Test
  void preparedArticlesFromAnotherClustererAreRefused() {
    OnlineStoryClusterer clusterer = new OnlineStoryClusterer(Store.inMemory());
    StoryClusterer.Prepared foreign = () -> report("Outlet A", "Some text about an event.", "2025-04-20");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> clusterer.assign(foreign))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another clusterer");
  }

  /** @return the story, or the story it was later merged into */
  private static StoryId mergedInto(Store store, StoryId story) {
    StoryId at = story;
    for (StoryStore.Merge m : store.merges()) {
      if (m.from().equals(at)) {
        at = m.into();
      }
    }
    return at;
  }

  /** Keeps the first two lines and shuffles the words within each later line: same words, new word order. */
  private static String rewrite(String text, long seed) {
    Random r = new Random(seed);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
    for (int i = 2; i < lines.size(); i++) {
      List<String> words = new ArrayList<>(Arrays.asList(lines.get(i).split(" ")));
      Collections.shuffle(words, r);
      lines.set(i, String.join(" ", words));
    }
    return String.join("\n", lines);
  }

  private static Article report(String outlet, String text, String date) {
    return report(outlet, "North Korea confirms troops in Kursk", text, date);
  }

  private static Article report(String outlet, String title, String text, String date) {
    return Article.withDerivedId(outlet, null, title,
        new Published.OnDate(LocalDate.parse(date)), "en", text, TextKind.FULL,
        new Provenance(Provenance.Kind.FILE, "/test/" + outlet, null, "jsonl"), null, List.of());
  }
}
