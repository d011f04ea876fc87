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
 *   <li><b>Consensus</b>: a fact stated by two outlets or more, with the number of independent
 *       origins behind it. A claim's origin is what its sentence attributes it to ("according to
 *       KCNA", "KCNA said", "state media reported"), named as the story's entity; a claim that
 *       attributes nothing relays the origin its article attributes most of its report to (twice
 *       or more), or else is its outlet's own.
 *   <li><b>Conflicts</b>: within a fact, dates or amounts of the same thing that cannot both be
 *       true (2024-06 and 2024-12; 12,000 and 15,000 troops). Values that fit each other (2024 and
 *       2024-12; a day inside a week) are not conflicts.
 *   <li><b>Exclusives</b>: claims aligned with no other article's that give a number no other
 *       article gives ("more than 15,800 containers").
 * </ul>
 *
 * Stateless; thread-safe.
 */
public final class ClaimAligner {
  static final int MIN_WORDS = 6;
  static final double LINK = 0.6;
  /** Least average cosine between all claims of two groups for them to become one fact. */
  static final double LINK_AVERAGE = 0.6;
  private static final Pattern ACCORDING_TO = Pattern.compile("(?i)\\baccording to\\b");
  private static final Pattern STATE_MEDIA = Pattern.compile("(?i)\\bstate(?:-run)? (?:media|news agency|television|tv)\\b");
  private static final Pattern CUE_AFTER = Pattern.compile(
      "(?i)^\\W{0,3}\\s*(?:has |had |also |earlier |on \\w+ )?(?:said|says|reported|reports|announced|stated|confirmed|cited|quoted|claimed|noted)\\b");
  private static final Pattern CITED_BY = Pattern.compile("(?i)\\b(?:cited|reported|quoted|carried) by\\s*$");

  private final SentenceEmbedder embedder;

  /** @param embedder the sentence embedder */
  public ClaimAligner(SentenceEmbedder embedder) {
    this.embedder = embedder;
  }

  /**
   * One article of the story.
   *
   * @param article the article
   * @param outlet its outlet as shown, or {@code null} (the article then counts as its own outlet)
   * @param text its stored text
   * @param analysis its analysis
   */
  public record Source(ArticleId article, @Nullable String outlet, String text, Analysis analysis) {
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
   * @param origin what the sentence attributes its content to, or {@code null} when nothing
   */
  public record Claim(ArticleId article, String outlet, TextSpan span, String text, @Nullable String origin) {}

  /**
   * A fact stated by several outlets.
   *
   * @param claims one claim per article, the first the most central
   * @param outlets the outlets stating it
   * @param origins the independent origins behind it: attributed sources, or the outlets that attribute nothing
   */
  public record Fact(List<Claim> claims, List<String> outlets, List<String> origins) {}

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

  /** Two claims of different articles and their cosine. */
  private record Link(double cosine, int i, int j) {}

  /** A claim before its sentence is embedded. */
  private record Pending(Source source, int sentence, Claim claim) {}

  /** A claim with the words in it that give a date or an amount. */
  private record Valued(Item item, TextSpan words) {}

  /**
   * @param sources the story's articles
   * @param entities the story's entities, to name origins canonically
   * @return the alignment
   */
  public Result align(List<Source> sources, List<EntityResolver.Entity> entities) {
    Map<String, String> canonical = new HashMap<>();
    for (EntityResolver.Entity e : entities) {
      e.variants().forEach(v -> canonical.putIfAbsent(v, e.name()));
    }
    List<Item> items = claims(sources, canonical);
    int n = items.size();
    double[][] cos = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        cos[i][j] = cos[j][i] = SentenceEmbedder.cosine(items.get(i).vector(), items.get(j).vector());
      }
    }
    // link pairs from different articles, best first, one claim per article per fact
    List<Link> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (!items.get(i).claim().article().equals(items.get(j).claim().article()) && cos[i][j] >= LINK) {
          pairs.add(new Link(cos[i][j], i, j));
        }
      }
    }
    pairs.sort(Comparator.comparingDouble(Link::cosine).reversed());
    int[] group = new int[items.size()];
    List<List<Integer>> groups = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      group[i] = i;
      groups.add(new ArrayList<>(List.of(i)));
    }
    for (Link p : pairs) {
      int i = p.i();
      int j = p.j();
      if (group[i] == group[j]) {
        continue;
      }
      List<Integer> a = groups.get(group[i]);
      List<Integer> b = groups.get(group[j]);
      boolean clash = a.stream().anyMatch(x -> b.stream().anyMatch(y -> items.get(x).claim().article()
          .equals(items.get(y).claim().article())));
      if (clash || averageCosine(a, b, cos) < LINK_AVERAGE) {
        continue; // one claim per article per fact, and the two groups must hold together as a whole
      }
      int keep = group[i];
      int gone = group[j];
      for (int y : b) {
        group[y] = keep;
      }
      a.addAll(b);
      groups.set(gone, List.of());
    }
    List<Fact> consensus = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    for (List<Integer> g : groups) {
      if (g.size() < 2) {
        continue;
      }
      // the claim closest to all the others first: it states the fact best
      List<Item> members = g.stream().sorted(Comparator.comparingDouble((Integer x) -> -g.stream()
          .mapToDouble(o -> cos[x][o]).sum())).map(items::get).toList();
      Set<String> outlets = new LinkedHashSet<>();
      Set<String> origins = new LinkedHashSet<>();
      for (Item it : members) {
        outlets.add(it.claim().outlet());
        origins.add(it.claim().origin() != null ? it.claim().origin() : it.claim().outlet());
      }
      if (outlets.size() >= 2) {
        consensus.add(new Fact(members.stream().map(Item::claim).toList(), List.copyOf(outlets), List.copyOf(origins)));
      }
      conflicts.addAll(conflicts(members));
    }
    consensus.sort(Comparator.comparingInt((Fact f) -> f.outlets().size()).reversed()
        .thenComparing(Comparator.comparingInt((Fact f) -> f.origins().size()).reversed()));
    // exclusives: unaligned claims whose numbers and dates no other article gives
    Map<ArticleId, Set<String>> valuesByArticle = new HashMap<>();
    for (Source s : sources) {
      Set<String> values = valuesByArticle.computeIfAbsent(s.article(), a -> new LinkedHashSet<>());
      s.analysis().quantities().forEach(q -> values.add(number(q.value())));
      s.analysis().times().forEach(t -> values.add(String.valueOf(t.value())));
    }
    List<Claim> exclusives = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (groups.get(group[i]).size() > 1) {
        continue;
      }
      Set<String> own = values(it);
      if (own.isEmpty()) {
        continue;
      }
      boolean elsewhere = valuesByArticle.entrySet().stream().filter(e -> !e.getKey().equals(it.claim().article()))
          .anyMatch(e -> e.getValue().stream().anyMatch(own::contains));
      if (!elsewhere) {
        exclusives.add(it.claim());
      }
    }
    return new Result(consensus, conflicts, exclusives);
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

  private List<Item> claims(List<Source> sources, Map<String, String> canonical) {
    List<Pending> pending = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Source s : sources) {
      List<TextSpan> sentences = s.analysis().sentences();
      // the origin the article attributes most of its report to: its claims that attribute nothing relay it
      Map<String, Integer> attributed = new LinkedHashMap<>();
      String[] origins = new String[sentences.size()];
      for (int k = 0; k < sentences.size(); k++) {
        origins[k] = origin(s, k, canonical);
        if (origins[k] != null) {
          attributed.merge(origins[k], 1, Integer::sum);
        }
      }
      String main = attributed.entrySet().stream().filter(e -> e.getValue() >= 2)
          .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
      for (int k = 0; k < sentences.size(); k++) {
        String text = sentences.get(k).of(s.text()).replaceAll("\\s+", " ").strip();
        if (text.split(" ").length < MIN_WORDS) {
          continue;
        }
        Claim c = new Claim(s.article(), s.outletOrArticle(), sentences.get(k), text,
            origins[k] != null ? origins[k] : main);
        pending.add(new Pending(s, k, c));
        texts.add(text);
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

  /** @return what the sentence attributes its content to, named as the story's entity, or {@code null} */
  static @Nullable String origin(Source s, int sentence, Map<String, String> canonical) {
    TextSpan span = s.analysis().sentences().get(sentence);
    String text = s.text();
    for (Analysis.Entity e : s.analysis().entities()) {
      if (e.sentence() != sentence || !(e.type().equals("ORGANIZATION") || e.type().equals("PERSON"))) {
        continue;
      }
      String before = text.substring(span.start(), e.span().start());
      String after = text.substring(e.span().end(), span.end());
      int tail = Math.max(0, before.length() - 40);
      Matcher according = ACCORDING_TO.matcher(before.substring(tail));
      boolean attributed = according.find() || CITED_BY.matcher(before.replaceAll("[\\s,(]+$", " ").strip()).find()
          || CUE_AFTER.matcher(after).find();
      if (attributed) {
        return canonical.getOrDefault(e.text(), e.text());
      }
    }
    Matcher state = STATE_MEDIA.matcher(span.of(text));
    return state.find() ? "state media" : null;
  }

  /** @return the claim's numbers (cardinal amounts, money, percentages) and its dates more precise than a year */
  private static Set<String> values(Item it) {
    Analysis a = it.source().analysis();
    int k = it.sentence();
    Set<String> out = new LinkedHashSet<>();
    a.quantities().stream().filter(q -> q.sentence() == k && !q.type().equals("ORDINAL"))
        .filter(q -> !number(q.value()).matches("[0-9]\\.0")) // "one", "two": too common to be a fact of their own
        .forEach(q -> out.add(number(q.value())));
    return out;
  }

  /** @return the conflicting dates and amounts among one fact's claims */
  private static List<Conflict> conflicts(List<Item> members) {
    List<Conflict> out = new ArrayList<>();
    // dates: each claim's dated values (a day, a month or a year)
    Map<String, List<Valued>> dates = new LinkedHashMap<>();
    Map<String, List<Valued>> amounts = new LinkedHashMap<>();
    for (Item it : members) {
      Analysis a = it.source().analysis();
      for (Analysis.TimeMention t : a.times()) {
        if (t.sentence() == it.sentence() && t.value() != null && t.value().matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
          dates.computeIfAbsent(t.value(), v -> new ArrayList<>()).add(new Valued(it, t.span()));
        }
      }
      for (Analysis.Quantity q : a.quantities()) {
        if (q.sentence() == it.sentence() && q.counts() != null && q.type().equals("NUMBER")) {
          String key = number(q.value()) + " " + q.counts().toLowerCase(Locale.ROOT);
          amounts.computeIfAbsent(key, v -> new ArrayList<>()).add(new Valued(it, q.span()));
        }
      }
    }
    List<String> dateValues = new ArrayList<>(dates.keySet());
    boolean dateConflict = false;
    for (int i = 0; i < dateValues.size() && !dateConflict; i++) {
      for (int j = i + 1; j < dateValues.size(); j++) {
        if (!compatible(dateValues.get(i), dateValues.get(j)) && fromDifferentArticles(dates.get(dateValues.get(i)),
            dates.get(dateValues.get(j)))) {
          dateConflict = true;
          break;
        }
      }
    }
    if (dateConflict && onlyOneDatePerArticle(dates)) {
      out.add(new Conflict("DATE", sides(dates)));
    }
    // amounts of the same thing: same counted noun, different numbers, from different articles
    Map<String, Map<String, List<Valued>>> byThing = new LinkedHashMap<>();
    amounts.forEach((k, v) -> {
      int space = k.indexOf(' ');
      byThing.computeIfAbsent(k.substring(space + 1), t -> new LinkedHashMap<>()).put(k, v);
    });
    for (Map<String, List<Valued>> values : byThing.values()) {
      if (values.size() >= 2) {
        List<List<Valued>> lists = new ArrayList<>(values.values());
        if (fromDifferentArticles(lists.get(0), lists.get(1))) {
          out.add(new Conflict("NUMBER", sides(values)));
        }
      }
    }
    return out;
  }

  /** A fact whose claims each name one date can conflict; a claim naming several dates says more than one thing. */
  private static boolean onlyOneDatePerArticle(Map<String, List<Valued>> dates) {
    Map<ArticleId, Set<String>> perArticle = new HashMap<>();
    dates.forEach((v, list) -> list.forEach(o -> perArticle.computeIfAbsent(o.item().claim().article(),
        a -> new LinkedHashSet<>()).add(v)));
    return perArticle.values().stream().allMatch(s -> s.size() == 1);
  }

  private static boolean fromDifferentArticles(List<Valued> a, List<Valued> b) {
    return a.stream().anyMatch(x -> b.stream().noneMatch(y -> x.item().claim().article()
        .equals(y.item().claim().article())));
  }

  private static List<Side> sides(Map<String, List<Valued>> values) {
    List<Side> sides = new ArrayList<>();
    values.forEach((value, list) -> {
      List<Claim> claims = list.stream().map(o -> o.item().claim()).toList();
      List<TextSpan> words = list.stream().map(o -> o.words()).toList();
      sides.add(new Side(value, claims.stream().map(Claim::outlet).distinct().toList(), claims, words));
    });
    return sides;
  }

  /** @return whether two dates can both be right: one contains the other (2024 and 2024-12) */
  static boolean compatible(String a, String b) {
    return a.startsWith(b) || b.startsWith(a);
  }

  private static String number(String value) {
    return value.replaceAll("^[<>~=]+", "");
  }
}
