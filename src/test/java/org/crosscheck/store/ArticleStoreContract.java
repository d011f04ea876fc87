package org.crosscheck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.crosscheck.outlet.Outlet;
import org.crosscheck.outlet.Outlets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ArticleStore} must have; each implementation's test extends this. */
abstract class ArticleStoreContract {
  protected ArticleStore store;

  /** @return a new, empty store */
  protected abstract ArticleStore newStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Article article(String id, String outlet, String text, Published published) {
    return new Article(new ArticleId(id), outlet, "https://example.test/" + id, "A title", published, "en", text,
        TextKind.FULL, new Provenance(Provenance.Kind.FILE, "/data/" + id + ".txt", "line 3", "jsonl"), "gold-1",
        List.of("a note"), "src-" + id);
  }

  @Test
  void storesAndReturnsEveryField() {
    Article a = new Article(new ArticleId("a1"), "Arirang News", "https://x.test/a", "Kim\u2019s \u201Cheroes\u201D",
        new Published.AtInstant(OffsetDateTime.of(2025, 4, 28, 10, 0, 0, 0, ZoneOffset.ofHours(9))), "en",
        "Line one.\n\nLine two \uD83D\uDE00 caf\u00e9.", TextKind.SUMMARY,
        new Provenance(Provenance.Kind.URL, "https://x.test/feed", "item 2", "feed"), null,
        List.of("feed item carries only a summary"), null);
    assertThat(store.put(a)).isEqualTo(new PutResult.Added(new ArticleId("a1")));
    assertThat(store.get(new ArticleId("a1"))).contains(a);
    Article b = article("b1", null, "Body.", new Published.AtLocalTime(LocalDateTime.of(2025, 4, 28, 14, 52)));
    store.put(b);
    assertThat(store.get(new ArticleId("b1"))).contains(b);
    Article c = article("c1", "X", "Other body.", Published.unknown());
    store.put(c);
    assertThat(store.get(new ArticleId("c1"))).contains(c);
  }

  @Test
  void storesTheSameContentOnceWhateverItsIdOrOrigin() {
    Article a = article("a1", "MENAFN", "Same body.", new Published.OnDate(LocalDate.of(2025, 4, 28)));
    Article sameContent = article("other-id", "MENAFN", "Same  body. ", Published.unknown());
    assertThat(store.put(a)).isInstanceOf(PutResult.Added.class);
    assertThat(store.put(a)).isEqualTo(new PutResult.AlreadyStored(new ArticleId("a1")));
    assertThat(store.put(sameContent)).isEqualTo(new PutResult.AlreadyStored(new ArticleId("a1")));
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void refusesASecondArticleWithAnIdInUse() {
    store.put(article("a1", "X", "First body.", Published.unknown()));
    assertThat(store.put(article("a1", "X", "Different body.", Published.unknown())))
        .isEqualTo(new PutResult.IdTaken(new ArticleId("a1")));
    assertThat(store.get(new ArticleId("a1")).orElseThrow().text()).isEqualTo("First body.");
  }

  @Test
  void storesABatchInOrderCatchingRepeatsInsideIt() {
    List<PutResult> results = store.putAll(List.of(
        article("a1", "X", "One.", Published.unknown()),
        article("a2", "X", "Two.", Published.unknown()),
        article("a3", "X", "One.", Published.unknown())));
    assertThat(results).containsExactly(new PutResult.Added(new ArticleId("a1")),
        new PutResult.Added(new ArticleId("a2")), new PutResult.AlreadyStored(new ArticleId("a1")));
    assertThat(store.putAll(List.of())).isEmpty();
  }

  @Test
  void findsArticlesBySourceIdEvenWhenSeveralShareIt() {
    Article a = article("a1", "X", "First.", Published.unknown()).withSourceId("shared");
    Article b = article("b1", "X", "Second.", Published.unknown()).withSourceId("shared");
    Article c = article("c1", "X", "Third.", Published.unknown());
    store.putAll(List.of(a, b, c));
    assertThat(store.findBySourceId("shared")).containsExactly(a, b);
    assertThat(store.findBySourceId("src-c1")).containsExactly(c);
    assertThat(store.findBySourceId("none")).isEmpty();
  }

  @Test
  void keepsSketchesNumberedInStoringOrderAndDuplicateLinks() {
    SketchStore sketches = (SketchStore) store;
    ArticleId a = new ArticleId("a-1");
    ArticleId b = new ArticleId("a-2");
    long[] numbers = new long[3];
    sketches.inTransaction(() -> {
      numbers[0] = sketches.putSketch(new SketchStore.Sketch(a, new int[] {1, 2, 3, 4}, 11L));
      numbers[1] = sketches.putSketch(new SketchStore.Sketch(b, new int[] {1, 2, 9, 9}, 22L));
      numbers[2] = sketches.putSketch(new SketchStore.Sketch(a, new int[] {7, 7, 7, 7}, 33L));
    });
    assertThat(numbers[1]).isGreaterThan(numbers[0]);
    assertThat(numbers[2]).as("a second sketch of one article keeps the first").isEqualTo(numbers[0]);
    assertThat(sketches.sketches(new long[] {numbers[0], 999L})).singleElement().satisfies(x -> {
      assertThat(x.number()).isEqualTo(numbers[0]);
      assertThat(x.sketch().id()).isEqualTo(a);
      assertThat(x.sketch().signature()).containsExactly(1, 2, 3, 4);
      assertThat(x.sketch().textHash()).isEqualTo(11L);
    });
    List<SketchStore.Numbered> all = new java.util.ArrayList<>();
    sketches.sketchesAfter(0, all::add);
    assertThat(all).extracting(n -> n.sketch().id()).containsExactly(a, b);
    List<SketchStore.Numbered> later = new java.util.ArrayList<>();
    sketches.sketchesAfter(numbers[0], later::add);
    assertThat(later).extracting(SketchStore.Numbered::number).containsExactly(numbers[1]);
    var link = new SketchStore.DuplicateLink(b, a, 0.75, false);
    sketches.putDuplicate(link);
    assertThat(sketches.duplicateOf(b)).contains(link);
    assertThat(sketches.duplicateOf(a)).isEmpty();
    assertThat(sketches.copiesOf(a)).containsExactly(link);
  }

  @Test
  void listsInStoringOrderWithPaging() {
    List<Article> batch = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      batch.add(article("id-" + (char) ('z' - i), "X", "Body " + i, Published.unknown()));
    }
    store.putAll(batch);
    assertThat(store.count()).isEqualTo(25);
    assertThat(store.list(0, 100)).containsExactlyElementsOf(batch);
    assertThat(store.list(20, 10)).containsExactlyElementsOf(batch.subList(20, 25));
    assertThat(store.list(30, 10)).isEmpty();
    assertThat(store.get(new ArticleId("missing"))).isEmpty();
  }

  @Test
  void splitMovesTheGivenArticlesKeepsTheirOrderAndIsRecorded() {
    StoryStore stories = (StoryStore) store;
    for (String id : List.of("a1", "a2", "a3", "a4")) {
      store.put(article(id, "X", "Body of " + id + ".", Published.unknown()));
    }
    org.crosscheck.model.StoryId s1 = stories.newStoryId();
    for (String id : List.of("a1", "a2", "a3", "a4")) {
      stories.assign(new ArticleId(id), s1);
    }
    org.crosscheck.model.StoryId s2 = stories.newStoryId();
    stories.split(new StoryStore.Split(s1, s2, List.of(new ArticleId("a2"), new ArticleId("a4")), new ArticleId("a4")));
    assertThat(stories.articlesOf(s1)).containsExactly(new ArticleId("a1"), new ArticleId("a3"));
    assertThat(stories.articlesOf(s2)).containsExactly(new ArticleId("a2"), new ArticleId("a4"));
    assertThat(stories.allAssignments().keySet()).extracting(ArticleId::value).containsExactly("a1", "a2", "a3", "a4");
    assertThat(stories.splits()).singleElement().satisfies(sp -> {
      assertThat(sp.from()).isEqualTo(s1);
      assertThat(sp.into()).isEqualTo(s2);
      assertThat(sp.moved()).extracting(ArticleId::value).containsExactly("a2", "a4");
      assertThat(sp.trigger().value()).isEqualTo("a4");
    });
  }

  // the outlet registry (OutletStore)

  static Article from(String id, String outlet, String url) {
    return new Article(new ArticleId(id), outlet, url, "A title", Published.unknown(), "en", "Body of " + id + ".",
        TextKind.FULL, new Provenance(Provenance.Kind.FILE, "/data/" + id + ".txt", null, "jsonl"), null, List.of(),
        null);
  }

  @Test
  void registersOutletsWithTheirAliasesOverTheBuiltInTable() {
    OutletStore outlets = (OutletStore) store;
    assertThat(outlets.outlets().registered()).isEmpty();
    outlets.register(List.of(new Outlet("kdvr.com", "KDVR", List.of("KDVR", "Fox 31 Denver")),
        new Outlet("nytimes.com", "The New York Times", List.of("NYT", "Gray Lady"))));
    Outlets registry = outlets.outlets();
    assertThat(registry.registered()).extracting(Outlet::key).containsExactly("nytimes.com", "kdvr.com");
    assertThat(registry.find("fox 31 denver")).map(Outlet::name).contains("KDVR");
    assertThat(registry.of("Gray Lady", null).key()).isEqualTo("nytimes.com");
    assertThat(registry.of("New York Times", null).key()).as("the built-in table still answers").isEqualTo("nytimes.com");
    assertThat(outlets.outlets()).as("one snapshot until the registry changes").isSameAs(registry);
  }

  @Test
  void registeringAgainKeepsTheNameAndMovesAnAliasToItsNewOutlet() {
    OutletStore outlets = (OutletStore) store;
    outlets.register(List.of(new Outlet("kdvr.com", "KDVR", List.of("Channel 31"))));
    Outlets before = outlets.outlets();
    outlets.register(List.of(new Outlet("kdvr.com", "Other Name", List.of()),
        new Outlet("wgn9.com", "WGN", List.of("Channel 31"))));
    Outlets after = outlets.outlets();
    assertThat(after).isNotSameAs(before);
    assertThat(after.find("kdvr.com")).map(Outlet::name).contains("KDVR");
    assertThat(after.of("Channel 31", null).key()).isEqualTo("wgn9.com");
    assertThat(after.find("kdvr.com").orElseThrow().aliases()).doesNotContain("Channel 31");
    assertThat(before.of("Channel 31", null).key()).as("an older snapshot is unchanged").isEqualTo("kdvr.com");
  }

  @Test
  void renameSetsTheNameOfARegisteredOrBuiltInOutlet() {
    OutletStore outlets = (OutletStore) store;
    outlets.rename("nytimes.com", "New York Times Co.");
    assertThat(outlets.outlets().of("NYT", null).name()).isEqualTo("New York Times Co.");
    assertThat(outlets.outlets().registered()).extracting(Outlet::key).containsExactly("nytimes.com");
    outlets.register(List.of(new Outlet("kdvr.com", "KDVR", List.of())));
    outlets.rename("kdvr.com", "  Fox 31 ");
    assertThat(outlets.outlets().find("kdvr.com")).map(Outlet::name).contains("Fox 31");
    assertThat(outlets.outlets().find("fox 31")).map(Outlet::key).contains("kdvr.com");
  }

  @Test
  void countsArticlesPerOutletUnderEveryNameAndDomainTheyGiveButNotPagesThatAreNotArticles() {
    OutletStore outlets = (OutletStore) store;
    store.putAll(List.of(from("a1", "NYT", "https://www.nytimes.com/a"),
        from("a2", "The New York Times", null),
        from("a3", null, "https://thecaucus.blogs.nytimes.com/b"),
        from("a4", "Fox News", "https://www.foxnews.com/c"),
        from("a5", "Fox News", "https://www.foxnews.com/login").asNotArticle("a login page")));
    List<String> seen = new ArrayList<>();
    outlets.articleOutlets((name, url) -> seen.add(name + " " + url));
    assertThat(seen).containsExactly("NYT https://www.nytimes.com/a", "The New York Times null",
        "null https://thecaucus.blogs.nytimes.com/b", "Fox News https://www.foxnews.com/c");
    assertThat(outlets.articlesPerOutlet()).containsOnly(java.util.Map.entry("nytimes.com", 3L),
        java.util.Map.entry("foxnews.com", 1L));
  }

  // ---------------------------------------------------------------- followed sources (FollowStore)

  private static org.crosscheck.model.FollowedSource feed(String url) {
    return org.crosscheck.model.FollowedSource.newSource(url, org.crosscheck.model.FollowedSource.Kind.FEED, "Feed",
        java.time.Instant.parse("2026-03-01T08:00:00Z"), java.time.Duration.ofMinutes(30));
  }

  @Test
  void followedSourcesAreKeptWithTheirStateAndEachUrlOnce() {
    FollowStore follows = (FollowStore) store;
    org.crosscheck.model.FollowedSource a = follows.addFollowed(feed("https://a.example/rss"));
    org.crosscheck.model.FollowedSource b = follows.addFollowed(feed("https://b.example/rss"));
    assertThat(a.id()).isPositive();
    assertThat(follows.addFollowed(feed("https://a.example/rss"))).isEqualTo(a);
    java.time.Instant at = java.time.Instant.parse("2026-03-01T09:00:00Z");
    org.crosscheck.model.FollowedSource polled = a.polled(at, "\"v1\"", "Sun, 01 Mar 2026 08:59:00 GMT", 3,
        java.time.Duration.ofMinutes(15), at.plusSeconds(900)).failed(at.plusSeconds(900), "HTTP 503", at.plusSeconds(2000));
    follows.updateFollowed(polled);

    assertThat(follows.followedSources()).containsExactly(polled, b);
    assertThat(follows.followedSource("https://a.example/rss")).contains(polled);
    assertThat(polled.items()).isEqualTo(3);
    assertThat(polled.consecutiveFailures()).isEqualTo(1);
    assertThat(follows.removeFollowed("https://a.example/rss")).isTrue();
    assertThat(follows.removeFollowed("https://a.example/rss")).isFalse();
    assertThat(follows.followedSources()).containsExactly(b);
  }

  @Test
  void theItemsEachSourceGaveAreRememberedUntilItIsRemoved() {
    FollowStore follows = (FollowStore) store;
    org.crosscheck.model.FollowedSource a = follows.addFollowed(feed("https://a.example/rss"));
    org.crosscheck.model.FollowedSource b = follows.addFollowed(feed("https://b.example/rss"));
    java.time.Instant at = java.time.Instant.parse("2026-03-01T09:00:00Z");
    follows.markSeen(a.id(), List.of("urn:1", "urn:2"), at);
    follows.markSeen(a.id(), List.of("urn:2"), at);

    assertThat(follows.seenItems(a.id(), List.of("urn:1", "urn:2", "urn:3"))).containsExactlyInAnyOrder("urn:1", "urn:2");
    assertThat(follows.seenItems(b.id(), List.of("urn:1"))).isEmpty();
    follows.removeFollowed("https://a.example/rss");
    org.crosscheck.model.FollowedSource again = follows.addFollowed(feed("https://a.example/rss"));
    assertThat(follows.seenItems(again.id(), List.of("urn:1"))).isEmpty();
  }
}
