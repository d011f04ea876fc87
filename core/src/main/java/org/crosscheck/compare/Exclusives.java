package org.crosscheck.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crosscheck.analysis.Analysis;
import org.crosscheck.model.TextSpan;

/**
 * Finds what only one outlet reports: a sentence is exclusive when it names a person,
 * organisation, place or other name, an amount, or a date that no other outlet of the story
 * states anywhere in its articles. What counts as stated elsewhere is generous, so that a fact the
 * others phrase differently is not taken for an exclusive: a name is stated elsewhere when another
 * outlet's entity resolves to it or another outlet's text contains it or (for a person) the
 * surname; an amount when another outlet gives the same number or its words; a date when another
 * outlet gives the same date.
 *
 * <p>Exclusives are ranked by what they name: people and organisations weigh most, then amounts,
 * places, other names and dates; a sentence earlier in its article weighs a little more (news puts
 * what matters first). A story with one outlet has no exclusives.
 *
 * <p>Stateless; thread-safe.
 */
final class Exclusives {
  /** Least words for a sentence to be an exclusive. */
  static final int MIN_WORDS = 6;

  private Exclusives() {}

  /** An exclusive sentence with what makes it exclusive. */
  record Found(ClaimAligner.Claim claim, List<String> anchors, List<TextSpan> anchorSpans, double weight) {}

  /**
   * @param sources the story's articles
   * @param entities the story's entities
   * @return the exclusive sentences, the weightiest first
   */
  static List<Found> find(List<ClaimAligner.Source> sources, List<EntityResolver.Entity> entities) {
    Set<String> outlets = new HashSet<>();
    sources.forEach(s -> outlets.add(s.outletOrArticle()));
    if (outlets.size() < 2) {
      return List.of();
    }
    // per outlet: its text (lower-cased), its numbers and its dates
    Map<String, StringBuilder> textOf = new HashMap<>();
    Map<String, Set<String>> numbersOf = new HashMap<>();
    Map<String, Set<String>> datesOf = new HashMap<>();
    for (ClaimAligner.Source s : sources) {
      String o = s.outletOrArticle();
      textOf.computeIfAbsent(o, k -> new StringBuilder()).append(s.text().toLowerCase(Locale.ROOT)).append('\n');
      Set<String> numbers = numbersOf.computeIfAbsent(o, k -> new HashSet<>());
      s.analysis().quantities().forEach(q -> numbers.add(ClaimAligner.number(q.value())));
      Set<String> dates = datesOf.computeIfAbsent(o, k -> new HashSet<>());
      s.analysis().times().forEach(t -> dates.add(String.valueOf(t.value())));
    }
    Map<String, String> lowered = new HashMap<>();
    textOf.forEach((o, b) -> lowered.put(o, b.toString()));
    Map<String, EntityResolver.Entity> byVariant = new HashMap<>();
    for (EntityResolver.Entity e : entities) {
      e.variants().forEach(v -> byVariant.putIfAbsent(v, e));
    }
    List<Found> out = new ArrayList<>();
    for (ClaimAligner.Source s : sources) {
      String outlet = s.outletOrArticle();
      List<String> others = lowered.keySet().stream().filter(o -> !o.equals(outlet)).toList();
      Analysis a = s.analysis();
      List<TextSpan> sentences = a.sentences();
      Map<Integer, Anchors> bySentence = new HashMap<>();
      for (Analysis.Entity e : a.entities()) {
        EntityResolver.Entity resolved = byVariant.get(e.text());
        boolean elsewhere = resolved != null && resolved.outlets().stream().anyMatch(o -> !o.equals(outlet))
            || others.stream().anyMatch(o -> mentions(lowered.get(o), e));
        if (!elsewhere) {
          bySentence.computeIfAbsent(e.sentence(), k -> new Anchors()).add(e.text(), e.span(),
              weight(e.type()));
        }
      }
      for (Analysis.Quantity q : a.quantities()) {
        String n = ClaimAligner.number(q.value());
        if (q.type().equals("ORDINAL") || n.matches("[0-9](\\.0)?")) {
          continue; // "one", "two": too common to make a fact of their own
        }
        boolean elsewhere = others.stream().anyMatch(o -> numbersOf.get(o).contains(n)
            || lowered.get(o).contains(q.text().toLowerCase(Locale.ROOT)));
        if (!elsewhere) {
          bySentence.computeIfAbsent(q.sentence(), k -> new Anchors()).add(q.text(), q.span(), AMOUNT);
        }
      }
      for (Analysis.TimeMention t : a.times()) {
        if (t.value() == null || !t.type().equals("DATE")) {
          continue;
        }
        boolean elsewhere = others.stream().anyMatch(o -> datesOf.get(o).contains(t.value()));
        if (!elsewhere) {
          bySentence.computeIfAbsent(t.sentence(), k -> new Anchors()).add(t.text(), t.span(), DATE);
        }
      }
      for (var e : bySentence.entrySet()) {
        TextSpan sentence = sentences.get(e.getKey());
        String text = sentence.of(s.text()).replaceAll("\\s+", " ").strip();
        if (s.inBoilerplate(sentence) || text.split(" ").length < MIN_WORDS) {
          continue;
        }
        Anchors anchors = e.getValue();
        double position = 1 + 0.5 / (1 + e.getKey()); // the lead weighs up to half more
        out.add(new Found(new ClaimAligner.Claim(s.article(), outlet, sentence, text, null),
            List.copyOf(anchors.names), List.copyOf(anchors.spans), anchors.weight * position));
      }
    }
    out.sort(Comparator.comparingDouble(Found::weight).reversed());
    return out;
  }

  private static final double PERSON_OR_ORGANIZATION = 2;
  private static final double AMOUNT = 1.5;
  private static final double PLACE = 1.2;
  private static final double OTHER_NAME = 1;
  private static final double DATE = 0.8;

  private static double weight(String type) {
    return switch (type) {
      case "PERSON", "ORGANIZATION" -> PERSON_OR_ORGANIZATION;
      case "LOCATION" -> PLACE;
      default -> OTHER_NAME;
    };
  }

  /** @return whether an outlet's lower-cased text names the entity: its words, or a person's surname */
  private static boolean mentions(String text, Analysis.Entity e) {
    String name = e.text().toLowerCase(Locale.ROOT);
    if (contains(text, name)) {
      return true;
    }
    if (e.type().equals("PERSON")) {
      String[] parts = name.split("\\s+");
      return parts.length > 1 && parts[parts.length - 1].length() > 2 && contains(text, parts[parts.length - 1]);
    }
    return false;
  }

  /** @return whether the text holds the words as whole words */
  private static boolean contains(String t, String words) {
    for (int at = t.indexOf(words); at >= 0; at = t.indexOf(words, at + 1)) {
      boolean startOk = at == 0 || !Character.isLetterOrDigit(t.charAt(at - 1));
      int end = at + words.length();
      boolean endOk = end == t.length() || !Character.isLetterOrDigit(t.charAt(end));
      if (startOk && endOk) {
        return true;
      }
    }
    return false;
  }

  /** What makes one sentence exclusive. */
  private static final class Anchors {
    final Set<String> names = new LinkedHashSet<>();
    final List<TextSpan> spans = new ArrayList<>();
    double weight;

    void add(String name, TextSpan span, double w) {
      if (names.add(name)) {
        spans.add(span);
        weight += w;
      }
    }
  }
}
