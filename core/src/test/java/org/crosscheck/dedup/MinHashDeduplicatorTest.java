package org.crosscheck.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.crosscheck.SharedData;
import org.crosscheck.model.Article;
import org.crosscheck.model.Provenance;
import org.crosscheck.model.Published;
import org.crosscheck.model.TextKind;
import org.crosscheck.store.Store;
import org.crosscheck.store.SketchStore.DuplicateLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sketch against brute-force Jaccard similarity on real articles with planted edits. */
class MinHashDeduplicatorTest {
  private static List<String> texts;

  @BeforeAll
  static void load() throws IOException {
    ObjectMapper json = new ObjectMapper();
    texts = new ArrayList<>();
    for (String line : Files.readAllLines(SharedData.path("basil-2010-2016.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode n = json.readTree(line);
      texts.add(n.get("text").asText());
    }
  }

  private static Article article(String outlet, String title, String text) {
    return Article.withDerivedId(outlet, null, title, Published.unknown(), "en", text, TextKind.FULL,
        new Provenance(Provenance.Kind.FILE, "t.jsonl", null, "jsonl"), null, List.of());
  }

  private static Set<Long> shingleSet(String text) {
    Set<Long> set = new HashSet<>();
    Arrays.stream(MinHashDeduplicator.hasher().shingles(text)).forEach(set::add);
    return set;
  }

  /** Exact Jaccard similarity of two texts' shingle sets. */
  private static double jaccard(String a, String b) {
    return jaccard(shingleSet(a), shingleSet(b));
  }

  private static double jaccard(Set<Long> sa, Set<Long> sb) {
    Set<Long> inter = new HashSet<>(sa);
    inter.retainAll(sb);
    Set<Long> union = new HashSet<>(sa);
    union.addAll(sb);
    return union.isEmpty() ? 1 : (double) inter.size() / union.size();
  }

  /** Syndication edits: trim the last paragraph(s), add or change a byline, rewrite some words. */
  private static String plantEdits(String text, Random r) {
    List<String> paras = new ArrayList<>(List.of(text.split("\n\n")));
    int trim = paras.size() > 3 ? r.nextInt(Math.max(1, paras.size() / 3)) : 0;
    paras = new ArrayList<>(paras.subList(0, paras.size() - trim));
    if (r.nextBoolean()) {
      paras.add(0, "By " + (r.nextBoolean() ? "Staff Reporter" : "Associated Press"));
    }
    String[] words = String.join("\n\n", paras).split(" ");
    int changes = r.nextInt(1 + words.length / (5 + r.nextInt(40)));
    for (int i = 0; i < changes; i++) {
      words[r.nextInt(words.length)] = "edit" + r.nextInt(1000);
    }
    return String.join(" ", words);
  }

  @Test
  void sketchEstimateTracksExactJaccardOnEditedRealArticles() {
    Random r = new Random(42);
    MinHasher h = MinHashDeduplicator.hasher();
    for (int i = 0; i < 300; i++) {
      String a = texts.get(r.nextInt(texts.size()));
      String b = plantEdits(a, r);
      double exact = jaccard(a, b);
      double estimate = MinHasher.similarity(h.signature(a), h.signature(b));
      assertThat(Math.abs(estimate - exact)).as("case %d: exact %.3f, estimate %.3f", i, exact, estimate)
          .isLessThanOrEqualTo(0.2);
    }
  }

  @Test
  void agreesWithBruteForceOnWhichPairsAreCopies() {
    Random r = new Random(7);
    Store store = Store.inMemory();
    MinHashDeduplicator dedup = new MinHashDeduplicator(store);
    List<Article> originals = new ArrayList<>();
    List<Set<Long>> originalShingles = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Article a = article("Wire", "Original " + i, texts.get(i));
      originals.add(a);
      originalShingles.add(shingleSet(a.text()));
      assertThat(dedup.check(a)).as("original %d", i).isEmpty();
    }
    int clearCopies = 0;
    int found = 0;
    int falseLinks = 0;
    for (int i = 0; i < 250; i++) {
      Article source = originals.get(r.nextInt(originals.size()));
      String text = plantEdits(source.text(), r);
      Article copy = article("Outlet " + i, "Changed headline " + i, text);
      Optional<DuplicateLink> link = dedup.check(copy);
      // brute force: the most similar original by exact Jaccard
      double bestExact = 0;
      Article best = null;
      Set<Long> copyShingles = shingleSet(text);
      for (int k = 0; k < originals.size(); k++) {
        double j = jaccard(originalShingles.get(k), copyShingles);
        if (j > bestExact) {
          bestExact = j;
          best = originals.get(k);
        }
      }
      if (bestExact >= 0.85) {
        clearCopies++;
        if (link.isPresent() && link.get().original().equals(best.id())) {
          found++;
        }
      }
      if (bestExact < 0.5 && link.isPresent()) {
        falseLinks++;
      }
    }
    assertThat(clearCopies).as("the edits leave many clear copies").isGreaterThan(60);
    assertThat((double) found / clearCopies).as("copies of similarity >= 0.85 found").isGreaterThanOrEqualTo(0.99);
    assertThat(falseLinks).as("pairs below 0.5 linked").isZero();
  }

  @Test
  void linksExactCopiesAcrossOutletsAndChainsToTheFirst() {
    Store store = Store.inMemory();
    MinHashDeduplicator dedup = new MinHashDeduplicator(store);
    Article first = article("AP", "Original", texts.get(0));
    Article second = article("Local Paper", "Same text, new headline", texts.get(0));
    Article third = article("Other Paper", "Trimmed", texts.get(0).substring(0, texts.get(0).length() - 200));
    assertThat(dedup.check(first)).isEmpty();
    DuplicateLink exact = dedup.check(second).orElseThrow();
    assertThat(exact.original()).isEqualTo(first.id());
    assertThat(exact.exact()).isTrue();
    assertThat(exact.similarity()).isEqualTo(1.0);
    assertThat(dedup.check(third).orElseThrow().original()).isEqualTo(first.id());
    assertThat(store.copiesOf(first.id())).extracting(DuplicateLink::copy).containsExactly(second.id(), third.id());
  }

  @Test
  void doesNotLinkDifferentArticlesAboutTheSameEvent() {
    Store store = Store.inMemory();
    MinHashDeduplicator dedup = new MinHashDeduplicator(store);
    int links = 0;
    for (int i = 0; i < texts.size(); i++) {
      links += dedup.check(article("O" + i, "T" + i, texts.get(i))).isPresent() ? 1 : 0;
    }
    assertThat(links).as("BASIL's 210 articles are three outlets' own reports of 70 events, no copies").isZero();
  }

  @Test
  void findsCopiesOfWhatAnotherWriterStoredAndOfWhatWasStoredBeforeItStarted() {
    Store store = Store.inMemory();
    MinHashDeduplicator first = new MinHashDeduplicator(store);
    Article a = article("Outlet A", "one", texts.get(0));
    Article b = article("Outlet B", "two", texts.get(1));
    assertThat(first.check(a)).isEmpty();
    // a second deduplicator on the same store (a server beside a command-line ingest, or a restart)
    MinHashDeduplicator second = new MinHashDeduplicator(store);
    assertThat(second.check(b)).isEmpty();
    Article copyOfA = article("Outlet C", "one again", texts.get(0) + "\n\nBy Staff Reporter");
    Article copyOfB = article("Outlet D", "two again", texts.get(1));
    assertThat(second.check(copyOfA)).hasValueSatisfying(l -> assertThat(l.original()).isEqualTo(a.id()));
    assertThat(first.check(copyOfB)).hasValueSatisfying(l -> assertThat(l.original()).isEqualTo(b.id()));
    // forgetting (after a rolled-back transaction) reads it all again
    first.reload();
    assertThat(first.check(article("Outlet E", "two, third time", texts.get(1))))
        .hasValueSatisfying(l -> assertThat(l.original()).isEqualTo(b.id()));
  }

  @Test
  void theBandIndexFindsEverySketchSharingABandAndOnlyThose() {
    BandIndex index = new BandIndex();
    index.add(new long[] {10L, 20L, 30L}, 1);
    index.add(new long[] {10L, 40L, 50L}, 2);
    index.add(new long[] {60L, 40L, 70L}, 3);
    index.add(new long[] {10L, 20L, 30L}, 1); // the same sketch again
    assertThat(index.find(new long[] {10L})).containsExactly(1, 2);
    assertThat(index.find(new long[] {40L, 30L})).containsExactly(1, 2, 3);
    assertThat(index.find(new long[] {99L, 98L})).isEmpty();
    // 64-bit keys that differ in either half are different keys
    index.add(new long[] {(7L << 32) | 5}, 4);
    assertThat(index.find(new long[] {(5L << 32) | 7})).isEmpty();
    index.clear();
    assertThat(index.find(new long[] {10L})).isEmpty();
  }
}
