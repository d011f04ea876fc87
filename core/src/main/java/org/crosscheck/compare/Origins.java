package org.crosscheck.compare;

import java.util.ArrayList;
import java.util.Collection;
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
 * Where a story's statements come from: what each sentence attributes its content to, which of
 * those sources relay one another, and so which outlets' statements share one origin.
 *
 * <ul>
 *   <li>A sentence <b>names</b> a source when a person or organisation is the subject of a
 *       reporting verb ("KCNA said", "the commission explained"), follows "according to", "cited
 *       by", "reported by", or is cited or quoted ("citing the party", "quoted the commission as
 *       saying"). It attributes <b>vaguely</b> when the source is unnamed ("according to media
 *       reports", "officials asserted", "state media", "the report quoted").
 *   <li>Sources named together in one attribution ("KCNA cited the Central Military Commission";
 *       "reported by KCNA and cited by Reuters") relay one another: they are one origin, named
 *       after the member most outlets attribute statements to. The story's own outlets are never
 *       origins of one another.
 *   <li>A fact's origins: each outlet's sentence counts for the origin it names. One that
 *       attributes vaguely relays the fact's named origin when it has one. One that attributes
 *       nothing relays a named origin of the fact that its article cites elsewhere, or, when no
 *       sentence of the fact names an origin, the origin that every stating article cites. Those
 *       two readings are marked inferred. Otherwise the outlet is its own origin.
 * </ul>
 *
 * Built once per story; immutable afterwards.
 */
public final class Origins {
  private static final String VERBS = "said|says|reported|reports|announced|stated|states|confirmed|cited|quoted|claimed"
      + "|noted|explained|stressed|emphasized|emphasised|asserted|added|declared|told|affirmed|insisted|argued|wrote"
      + "|reads|notes|warned|urged|acknowledged|revealed|disclosed|published|praised|hailed|condemned|briefed"
      + "|expressed|thanked|accused|denied|described|called|informed|announced";
  private static final Pattern ACCORDING_TO = Pattern.compile("(?i)\\baccording to\\s+(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){0,4}$");
  private static final Pattern RELAYED_BY = Pattern.compile(
      "(?i)\\b(?:cited|reported|quoted|carried|published|broadcast|released)\\s+by\\s+(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){0,6}$");
  private static final Pattern CITING = Pattern.compile("(?i)\\b(?:citing|cited|quoted|quoting)\\s+(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){0,3}$");
  private static final Pattern SAID_BEFORE = Pattern.compile("(?i)[,\"”’']\\s*(?:said|says|stated|added|wrote|noted|explained|"
      + "asserted|declared|insisted|warned)\\s+(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){0,3}$");
  private static final Pattern CUE_AFTER = Pattern.compile("(?i)^[\\s,’'”)]*(?:\\([^)]{1,12}\\)\\s*)?"
      + "(?:,[^,]{1,60},\\s*)?(?:has |had |have |also |further |earlier |later |then |on \\w+ (?:local time )?|\\w+ly )*(?:"
      + VERBS + ")\\b");
  private static final Pattern VAGUE = Pattern.compile("(?i)\\baccording to (?:the |some |several |local )?"
      + "(?<a>(?:[\\p{L}-]+ ){0,2}(?:media reports|reports|officials|authorities|sources|media|statement|report|analysts))\\b"
      + "|\\b(?<b>state(?:-run)? (?:media|news agency|television|tv))\\b"
      + "|\\b(?<c>(?:the |its |their )?(?:officials|authorities|report|statement|commission|ministry|agency|spokesperson|spokesman))"
      + "(?: in [\\p{Lu}][\\p{L}]+)? (?:has |had |also |further )?(?:" + VERBS + ")\\b");

  private static final Pattern POSSESSIVE = Pattern.compile("^['’]s\\b");
  private static final Pattern PLACE_OF = Pattern.compile("(?i)\\b(?:in|from|of|to|at|for|with|against|by|and)\\s+$");
  private static final Set<String> SOURCE_TYPES = Set.of("ORGANIZATION", "PERSON", "LOCATION");

  /** How a sentence attributes its content. */
  record Attribution(List<String> named, @Nullable String vague) {
    static final Attribution NONE = new Attribution(List.of(), null);
  }

  /**
   * One origin of a fact.
   *
   * @param name the origin's name (the story's canonical entity name), or the outlet's when it is its own
   * @param outlets the outlets whose statements come from it
   * @param named how the outlets' sentences name it ("Korean Central News Agency", "media reports")
   * @param inferred whether some outlet's sentence does not say so and it is read from its article or the fact
   */
  public record Origin(String name, List<String> outlets, List<String> named, boolean inferred) {
    public Origin {
      outlets = List.copyOf(outlets);
      named = List.copyOf(named);
    }
  }

  /** A statement of a fact by one article's sentence. */
  record Statement(ArticleId article, String outlet, int sentence) {}

  private final Map<ArticleId, List<Attribution>> bySentence = new HashMap<>();
  private final Map<ArticleId, Set<String>> citedByArticle = new HashMap<>();
  private final Map<String, String> component = new HashMap<>();
  private final Map<String, String> componentName = new HashMap<>();

  private Origins() {}

  /**
   * @param sources the story's articles
   * @param entities the story's entities, to name sources canonically
   * @return the story's sources and how they relay one another
   */
  public static Origins of(List<ClaimAligner.Source> sources, List<EntityResolver.Entity> entities) {
    Map<String, String> canonical = new HashMap<>();
    for (EntityResolver.Entity e : entities) {
      e.variants().forEach(v -> canonical.putIfAbsent(v, e.name()));
    }
    Set<String> outletKeys = new LinkedHashSet<>();
    sources.forEach(s -> {
      if (s.outlet() != null) {
        outletKeys.add(EntityResolver.key(s.outlet()));
      }
    });
    Map<String, String> types = new HashMap<>();
    for (EntityResolver.Entity e : entities) {
      types.put(e.name(), e.type());
    }
    Origins o = new Origins();
    Map<String, String> parent = new HashMap<>();
    Map<String, Set<String>> attributingOutlets = new LinkedHashMap<>();
    Map<String, Integer> attributions = new HashMap<>();
    for (ClaimAligner.Source s : sources) {
      List<Attribution> list = new ArrayList<>();
      Set<String> cited = new LinkedHashSet<>();
      for (int k = 0; k < s.analysis().sentences().size(); k++) {
        Attribution a = attribution(s, k, canonical, outletKeys);
        list.add(a);
        cited.addAll(a.named());
        for (String n : a.named()) {
          attributingOutlets.computeIfAbsent(n, x -> new LinkedHashSet<>()).add(s.outletOrArticle());
          attributions.merge(n, 1, Integer::sum);
          union(parent, a.named().getFirst(), n);
        }
      }
      o.bySentence.put(s.article(), list);
      o.citedByArticle.put(s.article(), cited);
    }
    // a country speaks through its own agency: "North Korea's Korean Central News Agency", "North Korean Central News Agency"
    for (String place : attributingOutlets.keySet()) {
      if (!"LOCATION".equals(types.get(place))) {
        continue;
      }
      String demonym = place + "n";
      for (ClaimAligner.Source s : sources) {
        for (Analysis.Entity e : s.analysis().entities()) {
          String name = canonical.getOrDefault(e.text(), e.text());
          if (!attributingOutlets.containsKey(name) || !"ORGANIZATION".equals(types.get(name))) {
            continue;
          }
          String before = s.text().substring(Math.max(0, e.span().start() - place.length() - 3), e.span().start());
          if (e.text().startsWith(demonym + " ") || before.matches(".*" + Pattern.quote(place) + "['’]s\\s+$")) {
            union(parent, name, place);
          }
        }
      }
    }
    // each origin is named after the organisation or person most outlets attribute statements to (then most sentences)
    Map<String, List<String>> members = new LinkedHashMap<>();
    for (String n : attributingOutlets.keySet()) {
      members.computeIfAbsent(find(parent, n), r -> new ArrayList<>()).add(n);
    }
    java.util.function.ToIntFunction<String> rank = n -> ("LOCATION".equals(types.get(n)) ? 0 : 1_000_000)
        + attributingOutlets.get(n).size() * 1000 + attributions.get(n);
    for (List<String> m : members.values()) {
      String best = m.getFirst();
      for (String n : m) {
        if (rank.applyAsInt(n) > rank.applyAsInt(best)) {
          best = n;
        }
      }
      for (String n : m) {
        o.component.put(n, best);
      }
      o.componentName.put(best, best);
    }
    for (var e : o.citedByArticle.entrySet()) {
      Set<String> named = new LinkedHashSet<>();
      e.getValue().forEach(n -> named.add(o.component.get(n)));
      e.setValue(named);
    }
    return o;
  }

  /** @return how the article's sentence attributes its content */
  Attribution of(ArticleId article, int sentence) {
    List<Attribution> list = bySentence.get(article);
    return list == null || sentence >= list.size() ? Attribution.NONE : list.get(sentence);
  }

  /** @return the origin a sentence names (its component's name), or {@code null} */
  @Nullable String named(ArticleId article, int sentence) {
    Attribution a = of(article, sentence);
    return a.named().isEmpty() ? null : component.get(a.named().getFirst());
  }

  /**
   * @param statements one fact's statements
   * @return its independent origins, the one most outlets relay first
   */
  List<Origin> resolve(List<Statement> statements) {
    Map<String, Set<String>> outlets = new LinkedHashMap<>();
    Map<String, Set<String>> namedAs = new LinkedHashMap<>();
    Set<String> inferred = new LinkedHashSet<>();
    List<Statement> vague = new ArrayList<>();
    List<Statement> silent = new ArrayList<>();
    for (Statement s : statements) {
      Attribution a = of(s.article(), s.sentence());
      if (!a.named().isEmpty()) {
        String c = component.get(a.named().getFirst());
        outlets.computeIfAbsent(c, x -> new LinkedHashSet<>()).add(s.outlet());
        namedAs.computeIfAbsent(c, x -> new LinkedHashSet<>()).add(a.named().getFirst());
      } else if (a.vague() != null) {
        vague.add(s);
      } else {
        silent.add(s);
      }
    }
    String main = outlets.entrySet().stream().max((x, y) -> Integer.compare(x.getValue().size(), y.getValue().size()))
        .map(Map.Entry::getKey).orElse(null);
    String common = null;
    if (main == null) {
      // no sentence names an origin: the one every stating article cites, if any
      Set<String> shared = null;
      for (Statement s : statements) {
        Set<String> cited = citedByArticle.getOrDefault(s.article(), Set.of());
        if (shared == null) {
          shared = new LinkedHashSet<>(cited);
        } else {
          shared.retainAll(cited);
        }
      }
      common = shared == null || shared.isEmpty() ? null : shared.iterator().next();
    }
    for (Statement s : vague) {
      String label = of(s.article(), s.sentence()).vague();
      String into = citedOrigin(s, outlets.keySet());
      if (into == null) {
        into = main != null ? main : common != null ? common : s.outlet();
      }
      outlets.computeIfAbsent(into, x -> new LinkedHashSet<>()).add(s.outlet());
      namedAs.computeIfAbsent(into, x -> new LinkedHashSet<>()).add(label);
      if (!into.equals(s.outlet())) {
        inferred.add(into);
      }
    }
    for (Statement s : silent) {
      String into = citedOrigin(s, outlets.keySet());
      if (into == null) {
        into = main == null ? common : null;
      }
      if (into == null) {
        outlets.computeIfAbsent(s.outlet(), x -> new LinkedHashSet<>()).add(s.outlet());
      } else {
        outlets.computeIfAbsent(into, x -> new LinkedHashSet<>()).add(s.outlet());
        namedAs.computeIfAbsent(into, x -> new LinkedHashSet<>());
        inferred.add(into);
      }
    }
    // an outlet whose statements come from a named origin is not also its own origin
    Set<String> relaying = new LinkedHashSet<>();
    outlets.forEach((c, os) -> {
      if (componentName.containsKey(c)) {
        relaying.addAll(os);
      }
    });
    List<Origin> out = new ArrayList<>();
    outlets.forEach((c, os) -> {
      if (!componentName.containsKey(c) && os.size() == 1 && relaying.contains(os.iterator().next())) {
        return;
      }
      out.add(new Origin(c, List.copyOf(os), List.copyOf(namedAs.getOrDefault(c, Set.of())), inferred.contains(c)));
    });
    out.sort((x, y) -> Integer.compare(y.outlets().size(), x.outlets().size()));
    return out;
  }

  /** @return the first of the named origins that the statement's article cites elsewhere, or {@code null} */
  private @Nullable String citedOrigin(Statement s, Collection<String> origins) {
    Set<String> cited = citedByArticle.getOrDefault(s.article(), Set.of());
    return origins.stream().filter(c -> componentName.containsKey(c) && cited.contains(c)).findFirst().orElse(null);
  }

  /** @return whether the name is a source some sentence of the story attributes statements to */
  boolean isOrigin(String name) {
    return component.containsKey(name);
  }

  /** @return the names of the origins the article cites anywhere */
  Set<String> cited(ArticleId article) {
    return citedByArticle.getOrDefault(article, Set.of());
  }

  static Attribution attribution(ClaimAligner.Source s, int sentence, Map<String, String> canonical,
      Collection<String> outletKeys) {
    TextSpan span = s.analysis().sentences().get(sentence);
    String text = s.text();
    List<String> named = new ArrayList<>();
    for (Analysis.Quote q : s.analysis().quotes()) {
      // the speaker found for a quote in the sentence (pronouns resolved, organisations included)
      if (q.speaker() != null && SOURCE_TYPES.contains(q.speaker().type()) && q.span().start() < span.end()
          && q.span().end() > span.start() && !outletKeys.contains(EntityResolver.key(q.speaker().name()))) {
        String speaker = q.speaker().name().replaceFirst("^[\\p{Lu}][\\p{L}-]*(?: [\\p{Lu}][\\p{L}-]*)?['’]s ", "");
        if (!Character.isUpperCase(speaker.codePointAt(0))) {
          continue; // "the commission": a vague attribution, read below
        }
        String name = canonical.getOrDefault(speaker, speaker);
        if (!named.contains(name)) {
          named.add(name);
        }
      }
    }
    for (Analysis.Entity e : s.analysis().entities()) {
      if (e.sentence() != sentence || !SOURCE_TYPES.contains(e.type()) || outletKeys.contains(EntityResolver.key(e.text()))) {
        continue;
      }
      String before = text.substring(Math.max(span.start(), e.span().start() - 80), e.span().start());
      String after = text.substring(e.span().end(), Math.min(span.end(), e.span().end() + 100));
      if (e.type().equals("LOCATION") && (POSSESSIVE.matcher(after).find() || PLACE_OF.matcher(before).find())) {
        continue; // "Seoul's Foreign Ministry said": the ministry speaks; "officials in Pyongyang": the officials do
      }
      boolean attributed = ACCORDING_TO.matcher(before).find() || RELAYED_BY.matcher(before).find()
          || CITING.matcher(before).find() || SAID_BEFORE.matcher(before).find() || CUE_AFTER.matcher(after).find();
      if (attributed) {
        String name = canonical.getOrDefault(e.text(), e.text());
        if (!named.contains(name)) {
          named.add(name);
        }
      }
    }
    String vague = null;
    if (named.isEmpty()) {
      Matcher m = VAGUE.matcher(span.of(text));
      if (m.find()) {
        String label = m.group("a") != null ? m.group("a") : m.group("b") != null ? m.group("b") : m.group("c");
        vague = label.toLowerCase(Locale.ROOT).replaceFirst("^(?:the|its|their) ", "");
      }
    }
    return new Attribution(List.copyOf(named), vague);
  }

  private static String find(Map<String, String> parent, String x) {
    String r = x;
    while (parent.containsKey(r) && !parent.get(r).equals(r)) {
      r = parent.get(r);
    }
    return r;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      parent.put(rb, ra);
    }
  }
}
