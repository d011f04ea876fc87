package org.crosscheck.boilerplate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import org.crosscheck.store.SketchStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an outlet prints on every page is learned online, kept across restarts, and matches nothing. */
class OutletBoilerplateTest {
  @TempDir Path tmp;

  /** The footer one outlet puts under every article: longer than the articles' own short texts. */
  private static final String FOOTER = String.join("\n",
      "For more neighborhood news, listen to Riverside Radio here, every weekday morning from six to nine.",
      "Copyright 2015 Riverside Daily Post. All rights reserved. This material may not be published,"
          + " broadcast, rewritten or redistributed.",
      "Stay up to date: follow the Riverside Daily Post on Twitter and join the conversation on our Facebook page.",
      "Sign up for the morning briefing and get the day's top stories from your neighborhood in your inbox.",
      "Have a news tip? Call the newsroom any time, day or night, or write to the editors at the address below.");

  private static final List<String> EVENTS = List.of(
      "The city council voted on Tuesday to close the public library on Oak Street for repairs to its roof.",
      "A truck overturned on the interstate near exit 12 early Monday, spilling oranges across three lanes.",
      "The high school robotics team won the state championship in Columbus with a machine that sorts mail.",
      "Firefighters rescued a dog from the frozen pond in Lincoln Park after it chased geese onto thin ice.",
      "A new bakery opened downtown on Saturday and sold out of its rye bread before ten in the morning.",
      "Police closed the bridge over the Miami River for six hours after a gas leak at a nearby station.");

  private static String line(int day, String event) {
    String text = (event + "\n" + FOOTER).replace("\"", "\\\"").replace("\n", "\\n");
    return "{\"source\": \"Riverside Daily Post\", \"published\": \"2015-04-" + (10 + day) + "\", \"text\": \"" + text
        + "\"}";
  }

  @Test
  void twoArticlesOfOneOutletSharingOnlyItsFooterAreNeitherCopiesNorOneStoryAfterARestart() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < EVENTS.size(); i++) {
      lines.add(line(i, EVENTS.get(i)));
    }
    Path first = Files.write(tmp.resolve("first.jsonl"), lines.subList(0, 4));
    Path later = Files.write(tmp.resolve("later.jsonl"), lines.subList(4, 6));
    Path data = tmp.resolve("data");
    List<SketchStore.DuplicateLink> copies = new ArrayList<>();
    IngestListener listener = new IngestListener() {
      @Override
      public void duplicate(Article copy, SketchStore.DuplicateLink link) {
        copies.add(link);
      }
    };
    try (Store store = Store.open(data)) {
      Pipeline.builder().store(store).buildIngestor().ingest(List.of(first.toString()), listener);
    }
    // the first articles, read before the footer was known, may look alike; what matters is what comes after it is
    copies.clear();
    try (Store store = Store.open(data)) {
      Pipeline.builder().store(store).buildIngestor().ingest(List.of(later.toString()), listener);
      assertThat(copies).as("copy links made by the footer").isEmpty();
      Map<ArticleId, StoryId> stories = store.allAssignments();
      List<StoryId> laterStories = store.list(4, 2).stream().map(a -> stories.get(a.id())).toList();
      assertThat(laterStories).doesNotContainNull().doesNotHaveDuplicates();
      assertThat(new java.util.HashSet<>(stories.values())).as("stories").hasSizeGreaterThanOrEqualTo(3);
      assertThat(store.list(4, 2)).allSatisfy(a -> assertThat(a.text()).contains("Riverside Radio"));
    }
  }

  @Test
  void aLineIsBoilerplateOnceThreeEarlierArticlesOfTheOutletHadItAndTheArticleKeepsItsOwnText() {
    var store = org.crosscheck.store.Store.inMemory();
    OutletBoilerplate boilerplate = new OutletBoilerplate(store);
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      articles.add(Article.withDerivedId("Riverside Daily Post", null, null,
          org.crosscheck.model.Published.unknown(), "en", EVENTS.get(i) + "\nCopyright 201" + i
              + " Riverside Daily Post. All rights reserved.", org.crosscheck.model.TextKind.FULL,
          new org.crosscheck.model.Provenance(org.crosscheck.model.Provenance.Kind.FILE, "x", null, "test"), null,
          List.of()));
    }
    for (int i = 0; i < 3; i++) {
      assertThat(boilerplate.withoutBoilerplate(articles.get(i))).isSameAs(articles.get(i));
      boilerplate.learn(articles.get(i));
    }
    Article stripped = boilerplate.withoutBoilerplate(articles.get(3));
    assertThat(stripped.text()).isEqualTo(EVENTS.get(3));
    assertThat(stripped.id()).isEqualTo(articles.get(3).id());
  }
}
