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
 * Gathers the named entities of a story's articles into one entity per real-world thing, with the
 * outlets that mention it. Spellings that differ only in case, hyphens, dots or a possessive are
 * one name ("Kim Jong-un", "Kim Jong Un"); a lone first or last name joins the one longer name of
 * its type that contains it ("Kim"); an acronym joins the name the text defines it as ("Korean
 * Central News Agency (KCNA)", "UN [United Nations]") or whose initials it is; "Ministry of Foreign
 * Affairs" and "Foreign Ministry" are one name; an organisation's name of two words or more joins
 * the one longer organisation name that ends with it; organisation names that differ only by a
 * leading nationality or a trailing "of ..." are one. The canonical name is the most frequent of the
 * longest forms. Stateless.
 */
public final class EntityResolver {
  private static final Set<String> PRONOUNS = Set.of("he", "she", "it", "they", "i", "we", "you", "him", "her");
  private static final Set<String> SMALL_WORDS = Set.of("of", "the", "and", "for", "de", "la", "du");
  private static final Pattern DEFINED = Pattern.compile("([\\p{Lu}][\\p{L}'’.-]*(?:\\s+(?:of|the|and|for|[\\p{Lu}][\\p{L}'’.-]*))+)\\s*[(\\[]\\s*([\\p{Lu}]{2,8})\\s*[)\\]]");
  private static final Pattern DEFINED_BACKWARDS = Pattern.compile("\\b([\\p{Lu}]{2,8})\\s*[(\\[]\\s*([\\p{Lu}][\\p{L}'’.-]*(?:\\s+(?:of|the|and|for|[\\p{Lu}][\\p{L}'’.-]*))+)\\s*[)\\]]");
  private static final Pattern MINISTRY_OF = Pattern.compile("^ministry of (\\w+)(?: affairs)?$");

  private EntityResolver() {}

  /**
   * One article's analysis with what the resolver needs to know of the article.
   *
   * @param article the article
   * @param outlet its outlet as shown, or {@code null} when unknown
   * @param text its stored text
   * @param analysis its analysis
   */
  public record Source(ArticleId article, @Nullable String outlet, String text, Analysis analysis) {}

  /**
   * An entity of the story.
   *
   * @param name its canonical name
   * @param type {@code PERSON}, {@code ORGANIZATION}, {@code LOCATION} or {@code MISC}
   * @param variants every form it is written in, most frequent first
   * @param outlets the outlets that mention it, in story order
   * @param mentions every mention, in story order
   */
  public record Entity(String name, String type, List<String> variants, List<String> outlets, List<Mention> mentions) {
    public Entity {
      variants = List.copyOf(variants);
      outlets = List.copyOf(outlets);
      mentions = List.copyOf(mentions);
    }
  }

  /**
   * @param article the article
   * @param span where in its text
   * @param text the words
   */
  public record Mention(ArticleId article, TextSpan span, String text) {}

  private record Found(Source source, Analysis.Entity entity) {}

  /**
   * @param sources the story's articles with their analyses
   * @return its entities, the most widely reported first (outlets, then mentions)
   */
  public static List<Entity> resolve(List<Source> sources) {
    // 1. group by normalized key
    Map<String, List<Found>> byKey = new LinkedHashMap<>();
    Map<String, String> acronymDefinitions = new HashMap<>();
    for (Source s : sources) {
      for (Analysis.Entity e : s.analysis().entities()) {
        if (PRONOUNS.contains(e.text().toLowerCase(Locale.ROOT))) {
          continue; // the tagger sometimes marks a pronoun as a person
        }
        byKey.computeIfAbsent(key(e.text()), k -> new ArrayList<>()).add(new Found(s, e));
      }
      definitions(s.text(), acronymDefinitions);
    }
    // 2. attach short forms and acronyms to a longer key
    Map<String, String> parent = new HashMap<>();
    sameCore(byKey, parent);
    for (String k : byKey.keySet()) {
      if (parent.containsKey(k)) {
        continue;
      }
      String target = longerForm(k, byKey, acronymDefinitions);
      if (target != null && !target.equals(k)) {
        parent.put(k, target);
      }
    }
    Map<String, List<Found>> groups = new LinkedHashMap<>();
    for (var e : byKey.entrySet()) {
      groups.computeIfAbsent(root(e.getKey(), parent), k -> new ArrayList<>()).addAll(e.getValue());
    }
    List<Entity> out = new ArrayList<>();
    for (List<Found> g : groups.values()) {
      out.add(entity(g));
    }
    out.sort(Comparator.comparingInt((Entity e) -> e.outlets().size()).reversed()
        .thenComparing(Comparator.comparingInt((Entity e) -> e.mentions().size()).reversed()));
    return out;
  }

  private static String root(String k, Map<String, String> parent) {
    String r = k;
    for (int hops = 0; parent.containsKey(r) && hops < 5; hops++) {
      r = parent.get(r);
    }
    return r;
  }

  private static Entity entity(List<Found> g) {
    Map<String, Integer> forms = new LinkedHashMap<>();
    Map<String, Integer> types = new HashMap<>();
    Set<String> outlets = new LinkedHashSet<>();
    List<Mention> mentions = new ArrayList<>();
    for (Found f : g) {
      forms.merge(f.entity().text(), 1, Integer::sum);
      types.merge(f.entity().type(), 1, Integer::sum);
      if (f.source().outlet() != null) {
        outlets.add(f.source().outlet());
      }
      mentions.add(new Mention(f.source().article(), f.entity().span(), f.entity().text()));
    }
    List<String> variants = forms.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    int longest = variants.stream().mapToInt(v -> key(v).length()).max().orElse(0);
    String name = variants.stream().filter(v -> key(v).length() == longest).findFirst().orElse(variants.getFirst());
    String type = types.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("MISC");
    return new Entity(name, type, variants, List.copyOf(outlets), mentions);
  }

  /** @return the longer key a key is a short form, an acronym or a variant of, or {@code null} */
  private static @Nullable String longerForm(String k, Map<String, List<Found>> byKey, Map<String, String> defined) {
    String def = defined.get(k);
    if (def != null && byKey.containsKey(def)) {
      return def;
    }
    Matcher ministry = MINISTRY_OF.matcher(k);
    if (ministry.matches() && byKey.containsKey(ministry.group(1) + " ministry")) {
      return ministry.group(1) + " ministry";
    }
    String[] words = k.split(" ");
    String type = byKey.get(k).getFirst().entity().type();
    String found = null;
    for (String other : byKey.keySet()) {
      if (other.equals(k) || other.length() <= k.length()) {
        continue;
      }
      String[] ow = other.split(" ");
      boolean match;
      if (words.length == 1 && isAcronym(byKey.get(k))) {
        match = k.equals(initials(ow));
      } else if (words.length == 1 && "PERSON".equals(type)) {
        match = "PERSON".equals(byKey.get(other).getFirst().entity().type())
            && (ow[0].equals(k) || ow[ow.length - 1].equals(k));
      } else if (words.length >= 2 && "ORGANIZATION".equals(type)) {
        // "Central News Agency" (the tagger left "North Korean" out) is the end of "Korean Central News Agency"
        match = "ORGANIZATION".equals(byKey.get(other).getFirst().entity().type()) && other.endsWith(" " + k);
      } else {
        match = false;
      }
      if (match) {
        if (found != null && !found.equals(other)) {
          return null; // two candidates: the text does not make it clear
        }
        found = other;
      }
    }
    return found;
  }

  private static final Pattern DEMONYM = Pattern.compile("^(?:(?:north|south) )?(?:korean|russian|ukrainian|chinese|american"
      + "|japanese|british|french|german|israeli|iranian|us|uk|eu) ");
  private static final Pattern OF_TAIL = Pattern.compile(" of (?:the )?.*$");

  /**
   * Organisation names of three words or more that differ only by a leading nationality or a
   * trailing "of ..." ("North Korean Central Military Commission", "Central Military Commission of
   * the Workers' Party of Korea") join the longest of them, when it is the only longest.
   */
  private static void sameCore(Map<String, List<Found>> byKey, Map<String, String> parent) {
    Map<String, List<String>> byCore = new LinkedHashMap<>();
    for (var e : byKey.entrySet()) {
      String k = e.getKey();
      if (!"ORGANIZATION".equals(e.getValue().getFirst().entity().type()) || k.split(" ").length < 3) {
        continue;
      }
      String core = OF_TAIL.matcher(DEMONYM.matcher(k).replaceFirst("")).replaceFirst("");
      if (core.split(" ").length >= 2 && !core.startsWith("ministry") && !core.startsWith("department")) {
        byCore.computeIfAbsent(core, c -> new ArrayList<>()).add(k);
      }
    }
    for (List<String> keys : byCore.values()) {
      if (keys.size() < 2) {
        continue;
      }
      int longest = keys.stream().mapToInt(String::length).max().orElse(0);
      List<String> top = keys.stream().filter(k -> k.length() == longest).toList();
      if (top.size() == 1) {
        keys.stream().filter(k -> !k.equals(top.getFirst())).forEach(k -> parent.put(k, top.getFirst()));
      }
    }
  }

  private static boolean isAcronym(List<Found> forms) {
    String t = forms.getFirst().entity().text();
    return t.length() >= 2 && t.length() <= 8 && t.chars().allMatch(c -> Character.isUpperCase(c) || c == '.');
  }

  private static String initials(String[] words) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      if (!w.isEmpty() && !SMALL_WORDS.contains(w)) {
        b.append(w.charAt(0));
      }
    }
    return b.toString();
  }

  /** Records "Long Name (ACR)", "ACR (Long Name)" and bracketed forms, as acronym key to name key. */
  private static void definitions(String text, Map<String, String> into) {
    Matcher m = DEFINED.matcher(text);
    while (m.find()) {
      into.putIfAbsent(key(m.group(2)), key(trimLeadingSmall(m.group(1))));
    }
    Matcher b = DEFINED_BACKWARDS.matcher(text);
    while (b.find()) {
      into.putIfAbsent(key(b.group(1)), key(trimLeadingSmall(b.group(2))));
    }
  }

  private static String trimLeadingSmall(String name) {
    return name.replaceFirst("^(?i)(the|of|and)\\s+", "");
  }

  /** @return the name lowercased, hyphens as spaces, without dots, apostrophes or a possessive */
  static String key(String name) {
    String k = name.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("'s\\b", "").replace("'", "")
        .replace('-', ' ').replace(".", "").replaceAll("^the\\s+", "");
    return k.replaceAll("\\s+", " ").strip();
  }
}
