package org.crosscheck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.FollowedSource;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.StoryId;
import org.crosscheck.model.TextKind;
import org.crosscheck.outlet.Outlet;
import org.crosscheck.outlet.Outlets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Store} must have, part by part; each implementation's test extends
 * this (the embedded SQLite store, the in-memory one, and the distributed engine's).
 */
public abstract class StoreContract {
  protected Store store;

  /** @return a new, empty store */
  protected abstract Store newStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  protected static Article article(String id, String outlet, String text, Published published) {
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

  @Test
  void sketchesAreNumberedInStoringOrderAndASecondSketchOfAnArticleIsIgnored() {
    store.putAll(List.of(article("s1", "X", "One.", Published.unknown()), article("s2", "X", "Two.", Published.unknown())));
    assertThat(store.uncheckedForDuplicates()).containsExactly(new ArticleId("s1"), new ArticleId("s2"));
    long first = store.putSketch(new SketchStore.Sketch(new ArticleId("s1"), new int[] {1, 2, 3}, 11L));
    long second = store.putSketch(new SketchStore.Sketch(new ArticleId("s2"), new int[] {4, 5, 6}, 22L));
    assertThat(second).isGreaterThan(first);
    assertThat(store.putSketch(new SketchStore.Sketch(new ArticleId("s1"), new int[] {9, 9, 9}, 99L))).isEqualTo(first);
    List<SketchStore.Numbered> after = new ArrayList<>();
    store.sketchesAfter(0, after::add);
    assertThat(after).extracting(n -> n.number()).containsExactly(first, second);
    assertThat(after.get(0).sketch().signature()).containsExactly(1, 2, 3);
    assertThat(after.get(1).sketch().textHash()).isEqualTo(22L);
    List<SketchStore.Numbered> later = new ArrayList<>();
    store.sketchesAfter(first, later::add);
    assertThat(later).extracting(n -> n.sketch().id()).containsExactly(new ArticleId("s2"));
    assertThat(store.sketches(new long[] {second, 12345L})).extracting(n -> n.sketch().id())
        .containsExactly(new ArticleId("s2"));
    assertThat(store.uncheckedForDuplicates()).isEmpty();
  }

  @Test
  void duplicateLinksAreFoundFromBothEnds() {
    store.putAll(List.of(article("o1", "X", "Body.", Published.unknown()), article("c1", "Y", "Body.", Published.unknown()),
        article("c2", "Z", "Body!", Published.unknown())));
    store.putDuplicate(new SketchStore.DuplicateLink(new ArticleId("c1"), new ArticleId("o1"), 1.0, true));
    store.putDuplicate(new SketchStore.DuplicateLink(new ArticleId("c2"), new ArticleId("o1"), 0.9, false));
    assertThat(store.duplicateOf(new ArticleId("c1")))
        .contains(new SketchStore.DuplicateLink(new ArticleId("c1"), new ArticleId("o1"), 1.0, true));
    assertThat(store.duplicateOf(new ArticleId("o1"))).isEmpty();
    assertThat(store.copiesOf(new ArticleId("o1"))).extracting(SketchStore.DuplicateLink::copy)
        .containsExactlyInAnyOrder(new ArticleId("c1"), new ArticleId("c2"));
    assertThat(store.uncheckedForDuplicates()).containsExactly(new ArticleId("o1"));
  }

  @Test
  void storiesKeepAssignmentOrderMergesAndSplits() {
    store.putAll(List.of(article("a", "X", "A.", Published.unknown()), article("b", "X", "B.", Published.unknown()),
        article("c", "X", "C.", Published.unknown()), article("d", "X", "D.", Published.unknown())));
    assertThat(store.unassigned()).hasSize(4);
    StoryId one = store.newStoryId();
    StoryId two = store.newStoryId();
    assertThat(two).isNotEqualTo(one);
    long version = store.storiesVersion();
    store.assign(new ArticleId("a"), one);
    store.assign(new ArticleId("b"), one);
    store.assign(new ArticleId("c"), two);
    assertThat(store.storiesVersion()).isGreaterThan(version);
    assertThat(store.articlesOf(one)).containsExactly(new ArticleId("a"), new ArticleId("b"));
    assertThat(store.storyOf(new ArticleId("c"))).contains(two);
    assertThat(store.unassigned()).containsExactly(new ArticleId("d"));

    store.merge(new StoryStore.Merge(two, one, new ArticleId("c")));
    assertThat(store.articlesOf(one)).containsExactly(new ArticleId("a"), new ArticleId("b"), new ArticleId("c"));
    assertThat(store.articlesOf(two)).isEmpty();
    assertThat(store.merges()).containsExactly(new StoryStore.Merge(two, one, new ArticleId("c")));

    StoryId three = store.newStoryId();
    assertThat(three).isNotIn(one, two);
    store.split(new StoryStore.Split(one, three, List.of(new ArticleId("a"), new ArticleId("c")), new ArticleId("d")));
    store.assign(new ArticleId("d"), three);
    assertThat(store.articlesOf(one)).containsExactly(new ArticleId("b"));
    assertThat(store.articlesOf(three)).containsExactly(new ArticleId("a"), new ArticleId("c"), new ArticleId("d"));
    assertThat(store.splits()).hasSize(1);
    assertThat(store.allAssignments()).containsEntry(new ArticleId("a"), three).containsEntry(new ArticleId("b"), one)
        .hasSize(4);
    assertThat(store.unassigned()).isEmpty();
  }

  @Test
  void aFailedTransactionStoresNothing() {
    StoryId story = store.newStoryId();
    try {
      store.inTransaction(() -> {
        store.put(article("t1", "X", "Kept?", Published.unknown()));
        store.assign(new ArticleId("t1"), story);
        store.putSketch(new SketchStore.Sketch(new ArticleId("t1"), new int[] {1}, 1L));
        store.countLines("X", new long[] {42}, 1);
        store.register(List.of(new Outlet("rolled.test", "Rolled Back", List.of("RB"))));
        throw new IllegalStateException("boom");
      });
    } catch (IllegalStateException expected) {
      assertThat(expected).hasMessage("boom");
    }
    assertThat(store.get(new ArticleId("t1"))).isEmpty();
    assertThat(store.storyOf(new ArticleId("t1"))).isEmpty();
    List<SketchStore.Numbered> sketches = new ArrayList<>();
    store.sketchesAfter(0, sketches::add);
    assertThat(sketches).isEmpty();
    assertThat(store.linesOf("X", 1)).isEmpty();
    assertThat(store.outlets().find("RB")).isEmpty();
    store.inTransaction(() -> store.inTransaction(() -> store.put(article("t2", "X", "Kept.", Published.unknown()))));
    assertThat(store.get(new ArticleId("t2"))).isPresent();
  }

  @Test
  void analysesAndReportsAreKeptByVersionAndFingerprint() {
    ArticleId a = new ArticleId("an1");
    assertThat(store.analysis(a, "v1")).isEmpty();
    store.putAnalysis(a, "v1", "{\"x\":1}");
    assertThat(store.analysis(a, "v1")).contains("{\"x\":1}");
    assertThat(store.analysis(a, "v2")).isEmpty();
    store.putAnalysis(a, "v2", "{\"x\":2}");
    assertThat(store.analysis(a, "v2")).contains("{\"x\":2}");
    assertThat(store.analysis(a, "v1")).as("a newer analysis replaces the older").isEmpty();
    StoryId s = StoryId.of(7);
    store.putReport(s, "f1", "{\"r\":1}");
    assertThat(store.report(s, "f1")).contains("{\"r\":1}");
    assertThat(store.report(s, "f2")).isEmpty();
    store.putReport(s, "f2", "{\"r\":2}");
    assertThat(store.report(s, "f2")).contains("{\"r\":2}");
    assertThat(store.report(s, "f1")).isEmpty();
  }

  @Test
  void boilerplateLinesAreCountedPerOutlet() {
    assertThat(store.countLines("X", new long[] {1, 2}, 2)).isEmpty();
    assertThat(store.countLines("X", new long[] {1, 3}, 2)).containsExactly(1L);
    assertThat(store.countLines("Y", new long[] {1}, 2)).isEmpty();
    assertThat(store.linesOf("X", 2)).containsExactly(1L);
    assertThat(store.linesOf("X", 1)).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(store.linesSeenAtLeast(2)).containsOnlyKeys("X");
    assertThat(store.linesSeenAtLeast(1)).containsOnlyKeys("X", "Y");
  }

  @Test
  void theOutletRegistryTakesAliasesAndNames() {
    store.register(List.of(new Outlet("example.org", "Example Daily", List.of("EXD"))));
    assertThat(store.outlets().find("EXD")).map(Outlet::key).contains("example.org");
    store.register(List.of(new Outlet("example.org", "Another Name", List.of())));
    assertThat(store.outlets().find("example.org")).map(Outlet::name).contains("Example Daily");
    store.rename("example.org", "The Example");
    assertThat(store.outlets().find("EXD")).map(Outlet::name).contains("The Example");
    store.putAll(List.of(article("o1", "EXD", "One.", Published.unknown()),
        article("o2", "The Example", "Two.", Published.unknown())));
    assertThat(store.articlesPerOutlet()).containsEntry("example.org", 2L);
  }

  @Test
  void followedSourcesKeepTheirStateAndSeenItems() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    FollowedSource feed = store.addFollowed(FollowedSource.newSource("https://a.test/feed", FollowedSource.Kind.FEED,
        "A", now, Duration.ofMinutes(15)));
    FollowedSource map = store.addFollowed(FollowedSource.newSource("https://b.test/sitemap.xml",
        FollowedSource.Kind.SITEMAP, null, now, Duration.ofMinutes(30)));
    assertThat(feed.id()).isNotEqualTo(map.id());
    assertThat(store.addFollowed(FollowedSource.newSource("https://a.test/feed", FollowedSource.Kind.FEED, "Other",
        now, Duration.ofMinutes(5)))).isEqualTo(feed);
    assertThat(store.followedSources()).extracting(FollowedSource::url)
        .containsExactly("https://a.test/feed", "https://b.test/sitemap.xml");
    FollowedSource polled = new FollowedSource(feed.id(), feed.url(), feed.kind(), "A", "\"etag\"", "Tue, 01 Dec 2026",
        now, now, 3, 1, 0, null, now.plusSeconds(900), Duration.ofMinutes(20));
    store.updateFollowed(polled);
    assertThat(store.followedSource("https://a.test/feed")).contains(polled);
    store.markSeen(feed.id(), List.of("g1", "g2"), now);
    assertThat(store.seenItems(feed.id(), List.of("g1", "g3"))).containsExactly("g1");
    assertThat(store.seenItems(map.id(), List.of("g1"))).isEmpty();
    assertThat(store.removeFollowed("https://a.test/feed")).isTrue();
    assertThat(store.removeFollowed("https://a.test/feed")).isFalse();
    assertThat(store.followedSource("https://a.test/feed")).isEmpty();
    assertThat(store.followedSources()).extracting(FollowedSource::url).containsExactly("https://b.test/sitemap.xml");
  }

  @Test
  void keepsEveryVersionOfAReportAndReplacesARebuildOfTheSameArticles() {
    StoryId s = new StoryId("s-7");
    assertThat(store.reportVersions(s)).isEmpty();
    store.putReport(s, "f1", "{\"v\":1}");
    store.putReport(s, "f1", "{\"v\":\"1b\"}"); // rebuilt from the same articles: the same version
    store.putReport(s, "f2", "{\"v\":2}");
    store.putReport(new StoryId("s-8"), "g1", "{}");
    List<ReportStore.ReportVersion> versions = store.reportVersions(s);
    assertThat(versions).extracting(ReportStore.ReportVersion::number).containsExactly(1, 2);
    assertThat(versions).extracting(ReportStore.ReportVersion::json).containsExactly("{\"v\":\"1b\"}", "{\"v\":2}");
    assertThat(versions.get(0).builtAt()).isBeforeOrEqualTo(versions.get(1).builtAt());
    assertThat(store.report(s, "f2")).contains("{\"v\":2}");
    assertThat(store.report(s, "f1")).isEmpty(); // only the latest version answers the fingerprint check
    assertThat(store.reportVersions(new StoryId("s-8"))).hasSize(1);

    assertThatThrownBy(() -> store.inTransaction(() -> {
      store.putReport(s, "f3", "{\"v\":3}");
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(store.reportVersions(s)).extracting(ReportStore.ReportVersion::number).containsExactly(1, 2);
  }

  @Test
  void keepsWatchesRaisesEachAlertOnceAndDeliversItToTheWebhooksRegisteredBefore() {
    AlertStore.Watch words = store.addWatch(AlertStore.Watch.Kind.WORDS, "harbour bridge");
    AlertStore.Watch story = store.addWatch(AlertStore.Watch.Kind.STORY, "s-4");
    assertThat(store.addWatch(AlertStore.Watch.Kind.WORDS, "harbour bridge")).isEqualTo(words);
    assertThat(store.watches()).containsExactly(words, story);
    assertThat(store.watch(story.id())).contains(story);

    AlertStore.Webhook hook = store.addWebhook("https://hooks.test/a", "s3cret");
    assertThat(hook.toString()).doesNotContain("s3cret");
    Instant at = hook.createdAt().plusSeconds(1);
    AlertStore.Alert first = store.addAlert(story.id(), "s-4", "new-outlet", "outlet:Herald", "Herald reports s-4",
        "{\"outlet\":\"Herald\"}", at).orElseThrow();
    assertThat(store.addAlert(story.id(), "s-4", "new-outlet", "outlet:Herald", "again", "{}", at.plusSeconds(5)))
        .as("the same event is raised once").isEmpty();
    AlertStore.Alert second = store.addAlert(words.id(), "s-9", "new-story", "story", "new story", "{}", at)
        .orElseThrow();
    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(store.alerts(0, 10)).extracting(AlertStore.Alert::id).containsExactly(second.id(), first.id());
    assertThat(store.alert(first.id())).contains(first);
    assertThat(store.alert(second.id() + 1000)).isEmpty();
    assertThat(store.alerts(story.id(), 10)).singleElement().satisfies(a -> {
      assertThat(a.key()).isEqualTo("outlet:Herald");
      assertThat(a.json()).isEqualTo("{\"outlet\":\"Herald\"}");
      assertThat(a.createdAt()).isEqualTo(at);
    });

    assertThat(store.dueDeliveries(at.minusSeconds(1), 10)).isEmpty();
    assertThat(store.dueDeliveries(at, 10)).extracting(AlertStore.Delivery::alert)
        .containsExactly(first.id(), second.id());
    store.recordAttempt(hook.id(), first.id(), false, "HTTP 500", at.plusSeconds(30));
    store.recordAttempt(hook.id(), second.id(), true, null, null);
    assertThat(store.dueDeliveries(at.plusSeconds(10), 10)).isEmpty();
    assertThat(store.dueDeliveries(at.plusSeconds(30), 10)).singleElement().satisfies(d -> {
      assertThat(d.attempts()).isEqualTo(1);
      assertThat(d.lastError()).isEqualTo("HTTP 500");
    });
    store.recordAttempt(hook.id(), first.id(), false, "HTTP 500", null); // given up
    assertThat(store.dueDeliveries(at.plusSeconds(3600), 10)).isEmpty();
    assertThat(store.deliveries(hook.id())).extracting(d -> d.deliveredAt() != null).containsExactly(false, true);

    // a webhook registered later gets only later alerts; the same URL again replaces the secret
    AlertStore.Webhook later = store.addWebhook("https://hooks.test/b", "other");
    assertThat(store.addWebhook("https://hooks.test/a", "new").id()).isEqualTo(hook.id());
    assertThat(store.webhooks()).extracting(AlertStore.Webhook::secret).containsExactly("new", "other");
    AlertStore.Alert third = store.addAlert(words.id(), "s-10", "new-story", "story", "new story", "{}",
        later.createdAt().plusSeconds(1)).orElseThrow();
    assertThat(store.deliveries(later.id())).extracting(AlertStore.Delivery::alert).containsExactly(third.id());
    assertThat(store.removeWebhook(later.id())).isTrue();
    assertThat(store.deliveries(later.id())).isEmpty();
    assertThat(store.removeWatch(words.id())).isTrue();
    assertThat(store.removeWatch(words.id())).isFalse();
    assertThat(store.watches()).containsExactly(story);
    assertThat(store.alerts(words.id(), 10)).hasSize(2); // alerts stay
  }

  @Test
  void reportsWhereItIsAndThatItIsSound() {
    assertThat(store.location()).isNotBlank();
    assertThat(store.checkIntegrity()).isEqualTo("ok");
  }

  @Test
  void searchFindsArticlesAndReportEntriesHighlightedByStory() {
    store.index(List.of(
        new SearchStore.Entry("article", "a1", "Harbour bridge opens", "Daily <News>", "s-1",
            "The new harbour bridge opened on Friday <b>after</b> nine years of work."),
        new SearchStore.Entry("article", "a2", "Council vote", "Evening Post", "s-2",
            "The council voted to close the harbour road for repairs."),
        new SearchStore.Entry("article", "a3", "Weather", "Evening Post", "", "Rain all week.")));
    store.indexReport("s-1", List.of(new SearchStore.Entry("quote", "quote:s-1:Mayor Lee", "Mayor Lee",
        "Daily <News>", "s-1", "a bridge for the whole harbour")));
    Map<String, List<SearchStore.Hit>> hits = store.search("harbour", 10);
    assertThat(hits).containsOnlyKeys("s-1", "s-2");
    assertThat(hits.get("s-1")).extracting(SearchStore.Hit::kind).containsExactlyInAnyOrder("article", "quote");
    SearchStore.Hit bridge = hits.get("s-1").stream().filter(h -> h.id().equals("a1")).findFirst().orElseThrow();
    assertThat(bridge.passages()).containsIgnoringCase("<mark>harbour</mark>").contains("&lt;b&gt;after")
        .doesNotContain("<b>");
    assertThat(bridge.outlet()).isEqualTo("Daily <News>");
    assertThat(store.search("\"council voted\" AND road", 10)).containsOnlyKeys("s-2");

    // an entry replaces the one of its id; a report's entries replace its earlier ones
    store.index(List.of(new SearchStore.Entry("article", "a2", "Council vote", "Evening Post", "s-3",
        "The council voted to close the harbour road for repairs.")));
    store.indexReport("s-1", List.of());
    assertThat(store.search("harbour", 10)).containsOnlyKeys("s-1", "s-3");
    assertThat(store.search("harbour", 10).get("s-1")).extracting(SearchStore.Hit::id).containsExactly("a1");
    assertThat(store.search("whole", 10)).isEmpty();
    assertThat(store.search("harbour (", 10)).as("a query that cannot be parsed is searched as words")
        .containsKey("s-1");
  }

  @Test
  void searchRefusesQueriesItCannotOrShouldNotRun() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.search(" ", 10))
        .isInstanceOf(SearchStore.BadQueryException.class).hasMessageContaining("the query is empty");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.search("a* ".repeat(20), 10))
        .isInstanceOf(SearchStore.BadQueryException.class).hasMessageContaining("wildcard or fuzzy words");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.search("x".repeat(1001), 10))
        .isInstanceOf(SearchStore.BadQueryException.class).hasMessageContaining("1001 characters long");
  }
}
