package org.crosscheck.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crosscheck.analysis.Analysis;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.TextSpan;
import org.jspecify.annotations.Nullable;

/**
 * Aligns the claims (sentences) of a story's articles that state the same fact, and reads from
 * the alignment what outlets agree on, where they contradict each other and what only one reports.
 *
 * <ul>
 *   <li>Claims are sentences of at least {@value #MIN_WORDS} words. Each is embedded
 *       ({@link SentenceEmbedder}); pairs from different articles are linked best first from
 *       cosine {@value #LINK}, one claim per article per fact, so that a fact does not chain
 *       through loosely related sentences.
 *   <li><b>Consensus</b>: a fact stated by two outlets or more, with the independent origins
 *       behind it ({@link Origins}: outlets relaying one origin count once). Sentences are
 *       embedded without the words that only say where they come from ("According to KCNA, ").
 *   <li><b>Conflicts</b>: dates, amounts or names of the same slot that cannot both be true, wherever in
 *       the articles they are stated ({@link SlotAligner}).
 *   <li><b>Exclusives</b>: sentences naming a person, organisation, place, amount or date that no
 *       other outlet states ({@link Exclusives}), the weightiest first.
 * </ul>
 *
 * Stateless; thread-safe.
 */
public final class ClaimAligner {
  static final int MIN_WORDS = 6;
  static final double LINK = 0.6;
  /** Least average cosine between all claims of two groups for them to become one fact. */
  static final double LINK_AVERAGE = 0.6;
  /** Least cosine for claims naming different sources to be one fact. */
  static final double DIFFERENT_SOURCES = 0.75;
  private static final Pattern CAPITALISED = Pattern.compile("(?<=[\\p{L},;] )(\\p{Lu}\\p{Ll}{3,})\\b");
  /** Least average cosine for a claim to join a fact it states among other things. */
  static final double WIDEN = 0.58;
  /** Most share of the story's claims that may name what a fact is about ("Kim Jong-un", not "North Korea"). */
  static final double ANCHOR_SHARE = 0.2;
  private static final Pattern FRAME_START = Pattern.compile(
      "^(?:\\([^)]{1,30}\\)\\s*)?(?:(?:According to|Citing|Quoting) [^,]{1,80},\\s*)?");
  private static final Pattern FRAME_END = Pattern.compile(",?\\s+according to [^,]{1,80}?[.]?$");

  private final SentenceEmbedder embedder;
  private final SlotAligner slots;

  /** @param embedder the sentence embedder */
  public ClaimAligner(SentenceEmbedder embedder) {
    this.embedder = embedder;
    this.slots = new SlotAligner(embedder);
  }

  /**
   * One article of the story.
   *
   * @param article the article
   * @param outlet its outlet as shown, or {@code null} (the article then counts as its own outlet)
   * @param text its stored text
   * @param analysis its analysis
   * @param boilerplate spans of the text that its outlet puts on many pages (a copyright line, a
   *     newsletter plug): no claim comes from a sentence inside them
   */
  public record Source(ArticleId article, @Nullable String outlet, String text, Analysis analysis,
      List<TextSpan> boilerplate) {
    public Source(ArticleId article, @Nullable String outlet, String text, Analysis analysis) {
      this(article, outlet, text, analysis, List.of());
    }

    boolean inBoilerplate(TextSpan sentence) {
      for (TextSpan b : boilerplate) {
        if (sentence.start() >= b.start() && sentence.end() <= b.end()) {
          return true;
        }
      }
      return false;
    }

    String outletOrArticle() {
      return outlet != null ? outlet : article.value();
    }
  }

  /**
   * A sentence of an article.
   *
   * @param article the article
   * @param outlet its outlet, or the article id when the outlet is unknown
   * @param span the sentence's span
   * @param text the sentence
   * @param origin the origin the sentence names (see {@link Origins}), or {@code null} when it names none
   */
  public record Claim(ArticleId article, String outlet, TextSpan span, String text, @Nullable String origin) {}

  /**
   * A fact stated by several outlets.
   *
   * @param claims one claim per article, the first the most central
   * @param outlets the outlets stating it
   * @param origins the independent origins behind it, the one most outlets relay first
   */
  public record Fact(List<Claim> claims, List<String> outlets, List<Origins.Origin> origins) {}

  /**
   * Incompatible values of one fact.
   *
   * @param kind {@code DATE} or {@code NUMBER} (with what it counts)
   * @param sides each value with the claims stating it
   */
  public record Conflict(String kind, List<Side> sides) {}

  /**
   * @param value the value ({@code 2024-06}; {@code 12000.0 troops})
   * @param outlets outlets stating it
   * @param claims the claims, with the words giving the value
   * @param words the words that give the value, per claim
   */
  public record Side(String value, List<String> outlets, List<Claim> claims, List<TextSpan> words) {}

  /**
   * @param consensus facts stated by two outlets or more, the most widely stated first
   * @param conflicts facts whose outlets give incompatible values
   * @param exclusives claims only one outlet makes
   */
  public record Result(List<Fact> consensus, List<Conflict> conflicts, List<Claim> exclusives) {}

  private record Item(Source source, int sentence, Claim claim, float[] vector) {}

  /** A claim before its sentence is embedded. */
  private record Pending(Source source, int sentence, Claim claim) {}

  /**
   * @param sources the story's articles
   * @param entities the story's entities, to name origins canonically
   * @return the alignment
   */
  public Result align(List<Source> sources, List<EntityResolver.Entity> entities) {
    Origins origins = Origins.of(sources, entities);
    List<Item> items = claims(sources, origins);
    int n = items.size();
    double[][] cos = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        cos[i][j] = cos[j][i] = SentenceEmbedder.cosine(items.get(i).vector(), items.get(j).vector());
      }
    }
    // link pairs from different articles, best first, one claim per article per fact
    List<BestFirstGroups.Pair> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (!items.get(i).claim().article().equals(items.get(j).claim().article()) && cos[i][j] >= LINK) {
          pairs.add(new BestFirstGroups.Pair(cos[i][j], i, j));
        }
      }
    }
    // one claim per article per fact, and the two groups must hold together as a whole
    List<List<Integer>> groups = BestFirstGroups.of(n, pairs, (a, b) -> a.stream().noneMatch(x -> b.stream()
        .anyMatch(y -> items.get(x).claim().article().equals(items.get(y).claim().article())
            || differentSources(items.get(x), items.get(y), cos[x][y])))
        && averageCosine(a, b, cos) >= LINK_AVERAGE);
    boolean[] aligned = new boolean[n];
    for (List<Integer> g : groups) {
      if (g.size() > 1) {
        g.forEach(x -> aligned[x] = true);
      }
    }
    List<Set<String>> anchorsOf = anchorsOf(items, entities, origins);
    List<List<Integer>> facts = widen(groups, items, cos, anchorsOf, aligned);
    List<Fact> consensus = new ArrayList<>();
    List<Conflict> conflicts = slots.conflicts(sources);
    for (List<Integer> g : facts) {
      // the claim closest to all the others first: it states the fact best
      List<Item> members = g.stream().sorted(Comparator.comparingDouble((Integer x) -> -g.stream()
          .mapToDouble(o -> cos[x][o]).sum())).map(items::get).toList();
      Set<String> outlets = new LinkedHashSet<>();
      for (Item it : members) {
        outlets.add(it.claim().outlet());
      }
      if (outlets.size() >= 2) {
        List<Origins.Origin> behind = origins.resolve(members.stream().map(it -> new Origins.Statement(
            it.claim().article(), it.claim().outlet(), it.sentence())).toList());
        consensus.add(new Fact(members.stream().map(Item::claim).toList(), List.copyOf(outlets), behind));
      }
    }
    consensus.sort(Comparator.comparingInt((Fact f) -> f.outlets().size()).reversed()
        .thenComparing(Comparator.comparingInt((Fact f) -> f.origins().size()).reversed()));
    consensus.addAll(anchored(items, cos, anchorsOf, origins, consensus));
    List<Claim> exclusives = Exclusives.find(sources, entities).stream().map(Exclusives.Found::claim).toList();
    return new Result(consensus, conflicts, exclusives);
  }

  /**
   * Facts that outlets state in sentences worded too differently to align, found by what they
   * name: a name, a number or quoted words that two outlets or more give and that few of the
   * story's sentences name (at most {@value #ANCHORED_PER_OUTLET} per outlet naming it, and at most
   * {@value #ANCHOR_SHARE} of all unless once per outlet): "ABC News' Martha Raddatz moderated", "a $447 billion jobs plan",
   * "he was 'under duress'". Each outlet's sentence is the one closest to the others'. Anchors
   * that an aligned fact already carries for two outlets, and facts made of the same sentences as
   * one before, are left out. They come after the aligned facts, the most widely stated first.
   */
  private static List<Fact> anchored(List<Item> items, double[][] cos, List<Set<String>> anchorsOf, Origins origins,
      List<Fact> aligned) {
    Map<String, List<Integer>> naming = new LinkedHashMap<>();
    Map<Claim, Set<String>> byClaim = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      Set<String> a = new LinkedHashSet<>(anchorsOf.get(i)); // and the quoted words, which only anchor facts here
      for (Analysis.Quote q : it.source().analysis().quotes()) {
        String words = q.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]+", " ").replaceAll("\\s+", " ").strip();
        if (it.claim().span().start() <= q.span().start() && q.span().start() < it.claim().span().end()
            && !words.isEmpty() && words.split(" ").length <= QUOTED_WORDS) {
          a.add("\"" + words);
        }
      }
      byClaim.put(it.claim(), a);
      for (String x : a) {
        naming.computeIfAbsent(x, k -> new ArrayList<>()).add(i);
      }
    }
    Set<String> covered = new java.util.HashSet<>();
    for (Fact f : aligned) {
      Map<String, Set<String>> outletsNaming = new HashMap<>();
      f.claims().forEach(c -> byClaim.getOrDefault(c, Set.of()).forEach(x -> outletsNaming
          .computeIfAbsent(x, k -> new java.util.HashSet<>()).add(c.outlet())));
      outletsNaming.forEach((x, o) -> {
        if (o.size() >= 2) {
          covered.add(x);
        }
      });
    }
    List<Fact> out = new ArrayList<>();
    Set<Set<Claim>> seen = new java.util.HashSet<>();
    for (var e : naming.entrySet()) {
      List<Integer> claims = e.getValue();
      Map<String, List<Integer>> perOutlet = new LinkedHashMap<>();
      claims.forEach(i -> perOutlet.computeIfAbsent(items.get(i).claim().outlet(), k -> new ArrayList<>()).add(i));
      if (perOutlet.size() < 2 || covered.contains(e.getKey())
          || claims.size() > perOutlet.size() && claims.size() > ANCHOR_SHARE * items.size()
          || claims.size() > ANCHORED_PER_OUTLET * perOutlet.size()) {
        continue;
      }
      List<Integer> chosen = new ArrayList<>();
      for (List<Integer> own : perOutlet.values()) {
        chosen.add(own.stream().max(Comparator.comparingDouble((Integer x) -> claims.stream()
            .filter(y -> !items.get(y).claim().outlet().equals(items.get(x).claim().outlet()))
            .mapToDouble(y -> cos[x][y]).sum())).orElseThrow());
      }
      List<Item> members = chosen.stream().sorted(Comparator.comparingDouble((Integer x) -> -chosen.stream()
          .mapToDouble(o -> cos[x][o]).sum())).map(items::get).toList();
      if (!seen.add(members.stream().map(Item::claim).collect(java.util.stream.Collectors.toSet()))) {
        continue;
      }
      List<Origins.Origin> behind = origins.resolve(members.stream().map(it -> new Origins.Statement(
          it.claim().article(), it.claim().outlet(), it.sentence())).toList());
      out.add(new Fact(members.stream().map(Item::claim).toList(), List.copyOf(perOutlet.keySet()), behind));
    }
    out.sort(Comparator.comparingInt((Fact f) -> f.outlets().size()).reversed());
    return out;
  }

  /** Most claims per outlet naming an anchor for it to make a fact of its own. */
  static final int ANCHORED_PER_OUTLET = 2;
  /** Most words of quoted words to be an anchor (a phrase, not a statement aligned otherwise). */
  static final int QUOTED_WORDS = 12;

  /**
   * @return per claim, what it names ({@link #anchors}) but the sources it names as origins, which
   *     say where a fact comes from, not what it is about
   */
  private static List<Set<String>> anchorsOf(List<Item> items, List<EntityResolver.Entity> entities, Origins origins) {
    Map<String, String> canonical = new HashMap<>();
    for (EntityResolver.Entity e : entities) {
      e.variants().forEach(v -> canonical.putIfAbsent(v, e.name()));
    }
    List<Set<String>> out = new ArrayList<>(items.size());
    for (Item it : items) {
      Set<String> a = anchors(it, canonical);
      a.removeAll(origins.of(it.claim().article(), it.sentence()).named());
      out.add(a);
    }
    return out;
  }

  /**
   * Widens each fact to the articles that state it inside a sentence saying more: an article's
   * claim closest to the fact's claims joins it when their average cosine is at least {@value #WIDEN}
   * and it names what the fact is about (an entity or number in at least half the fact's claims and
   * in at most {@value #ANCHOR_SHARE} of the story's claims). Such a claim may serve several facts.
   * Facts whose claims all belong to a larger fact are dropped.
   *
   * @return the facts, as claim indexes, each with claims from two articles or more
   */
  private static List<List<Integer>> widen(List<List<Integer>> groups, List<Item> items, double[][] cos,
      List<Set<String>> anchorsOf, boolean[] aligned) {
    Map<String, Integer> claimsNaming = new HashMap<>();
    anchorsOf.forEach(a -> a.forEach(x -> claimsNaming.merge(x, 1, Integer::sum)));
    List<List<Integer>> out = new ArrayList<>();
    for (List<Integer> g : groups) {
      if (g.size() < 2) {
        continue;
      }
      Map<String, Integer> shared = new HashMap<>();
      g.forEach(x -> anchorsOf.get(x).forEach(a -> shared.merge(a, 1, Integer::sum)));
      Set<String> anchors = new LinkedHashSet<>();
      shared.forEach((a, c) -> {
        if (c >= 2 && 2 * c >= g.size() && claimsNaming.get(a) <= ANCHOR_SHARE * items.size()) {
          anchors.add(a);
        }
      });
      List<Integer> fact = new ArrayList<>(g);
      Set<ArticleId> present = new LinkedHashSet<>();
      g.forEach(x -> present.add(items.get(x).claim().article()));
      Map<ArticleId, Integer> best = new LinkedHashMap<>();
      Map<ArticleId, Double> bestScore = new HashMap<>();
      for (int i = 0; i < items.size(); i++) {
        ArticleId a = items.get(i).claim().article();
        if (present.contains(a) || anchors.stream().noneMatch(anchorsOf.get(i)::contains)) {
          continue;
        }
        final int x = i;
        double mean = g.stream().mapToDouble(y -> cos[x][y]).average().orElse(0);
        if (mean >= WIDEN && mean > bestScore.getOrDefault(a, 0.0)) {
          best.put(a, i);
          bestScore.put(a, mean);
        }
      }
      for (int i : best.values()) {
        fact.add(i);
        aligned[i] = true;
      }
      out.add(fact);
    }
    out.sort(Comparator.comparingInt((List<Integer> f) -> f.size()).reversed());
    List<List<Integer>> kept = new ArrayList<>();
    for (List<Integer> f : out) {
      if (kept.stream().noneMatch(k -> k.containsAll(f))) {
        kept.add(f);
      }
    }
    return kept;
  }

  /**
   * @return the canonical names of the entities a claim's sentence names, its capitalised words inside the sentence
   *     (names the tagger missed: "Kursk", "Article"), and its numbers
   */
  private static Set<String> anchors(Item it, Map<String, String> canonical) {
    Set<String> out = new LinkedHashSet<>();
    Matcher cap = CAPITALISED.matcher(it.claim().text());
    while (cap.find()) {
      out.add(cap.group(1));
    }
    Analysis a = it.source().analysis();
    for (Analysis.Entity e : a.entities()) {
      if (e.sentence() == it.sentence() && !e.type().equals("MISC")) {
        out.add(canonical.getOrDefault(e.text(), e.text()));
      }
    }
    for (Analysis.Quantity q : a.quantities()) {
      if (q.sentence() == it.sentence() && !q.type().equals("ORDINAL")) {
        out.add("#" + number(q.value()));
      }
    }
    return out;
  }

  /**
   * @return whether two claims name different sources and are not close paraphrases: what one source says and what
   *     another says of the same thing are usually two statements (a claim and its rebuttal), not one fact
   */
  private static boolean differentSources(Item x, Item y, double cosine) {
    String a = x.claim().origin();
    String b = y.claim().origin();
    return a != null && b != null && !a.equals(b) && cosine < DIFFERENT_SOURCES;
  }

  private static double averageCosine(List<Integer> a, List<Integer> b, double[][] cos) {
    double sum = 0;
    for (int x : a) {
      for (int y : b) {
        sum += cos[x][y];
      }
    }
    return sum / ((double) a.size() * b.size());
  }

  private List<Item> claims(List<Source> sources, Origins origins) {
    List<Pending> pending = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Source s : sources) {
      List<TextSpan> sentences = s.analysis().sentences();
      for (int k = 0; k < sentences.size(); k++) {
        if (s.inBoilerplate(sentences.get(k))) {
          continue;
        }
        String text = sentences.get(k).of(s.text()).replaceAll("\\s+", " ").strip();
        if (text.split(" ").length < MIN_WORDS) {
          continue;
        }
        Claim c = new Claim(s.article(), s.outletOrArticle(), sentences.get(k), text, origins.named(s.article(), k));
        pending.add(new Pending(s, k, c));
        texts.add(content(text));
      }
    }
    List<float[]> vectors = embedder.embed(texts);
    List<Item> out = new ArrayList<>(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      out.add(new Item(p.source(), p.sentence(), p.claim(), vectors.get(i)));
    }
    return out;
  }

  /** @return the sentence without the words that only say where it comes from ("According to KCNA, ...") */
  static String content(String sentence) {
    String c = FRAME_END.matcher(FRAME_START.matcher(sentence).replaceFirst("")).replaceFirst("");
    return c.split(" ").length >= MIN_WORDS ? c : sentence;
  }

  /** @return a normalized amount without its comparison prefix ({@code >15800.0} is {@code 15800.0}) */
  static String number(String value) {
    return value.replaceAll("^[<>~=]+", "");
  }
}
