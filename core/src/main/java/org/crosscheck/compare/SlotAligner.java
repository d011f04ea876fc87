package org.crosscheck.compare;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crosscheck.analysis.Analysis;
import org.crosscheck.model.TextSpan;
import org.jspecify.annotations.Nullable;

/**
 * Finds conflicts by aligning <em>slots</em> across a story's articles: a value (a date, an amount,
 * a person's name) together with what it is the value of, read from the words around it. Outlets that give the
 * number of executive actions as 23 and 19, or the day of a vote as Tuesday and Wednesday, state the
 * slot in sentences worded differently, often far apart in their articles; sentence alignment alone
 * never puts the two values side by side.
 *
 * <p>How values are aligned:
 * <ul>
 *   <li>Each value's context is the {@value #WINDOW} characters either side of it with the value
 *       itself masked ("the House passed X jobs bills the Senate ignores"), embedded, and so is its
 *       wide context, {@value #WIDE_WINDOW} characters either side: what a value is of is said next
 *       to it in one sentence and a clause away in another ("his term ends in X" against "his second
 *       and final term as governor officially ends in X"). Two values of the same kind (date,
 *       number, money, percent, person) from different outlets are scored by the greatest of the
 *       cosine of their contexts, the cosine of their wide contexts less {@value #WIDE_DISCOUNT} and,
 *       for amounts, the cosine of their tails less {@value #TAIL_DISCOUNT}: the amount and the
 *       {@value #WINDOW} characters after it, which say what it counts ("lay out X separate actions
 *       the president could take by invoking the power of his office" against "includes X steps he
 *       took without congressional action"), plus {@value #SHARED} times the IDF (over the story's values) of the words
 *       their sentences share, so that a rare word in common ("motto", "Brooke") counts, plus
 *       {@value #NEAR_MISS} when the two values are almost the same (within {@value #NEAR} of each
 *       other, or years next to each other): $5,587.75 and $5,687.75 are more likely one amount
 *       told two ways than two amounts.
 *   <li>Only values that outlets could plausibly disagree on are compared: amounts within a factor
 *       of {@value #MOST_RATIO}, dates within {@value #MOST_DAYS} days, names almost alike (the same
 *       surname after two given names, as Loretta and Linda Sánchez, or one letter apart, as Stacy
 *       and Stacey). Outlets that disagree do so by a little (15 or 16 bills, Tuesday or Wednesday);
 *       35 and 194 seats are two things, and two senators quoted in like sentences are two people.
 *   <li>A time of day dates its day: the debate "Thursday night" is the debate "on Thursday".
 *   <li>Pairs scoring at least {@value #SAME_SLOT} are linked best first into slots, one value per
 *       article per slot.
 *   <li>A slot is a conflict when two of its values cannot both be true and neither outlet also
 *       gives the other's value in a like context (context cosine at least {@value #AGREE}): a vote of
 *       134 to 63 in both outlets is no conflict because one sentence paired 63 with 134. An outlet
 *       that names both people anywhere knows they are two.
 *   <li>A conflict's sides cite every statement of their value: a value in no slot joins the side of
 *       the same value when it scores at least {@value #SAME_SIDE} with it, so an outlet that gives 23
 *       as "nearly two dozen executive actions" and as "23 steps" is cited for both.
 * </ul>
 *
 * <p>When two values can both be true (documented in {@link #compatible}):
 * <ul>
 *   <li>the same words ("Thursday" and "Thursday"), whatever each was resolved to;
 *   <li>dates: their periods overlap (2024 and 2024-12; a day inside a named week or weekend);
 *   <li>amounts: their ranges overlap. A plain amount is exact; an amount written with a scale word
 *       is rounded ("$43 million" for $43,885,310: from just above half a unit below to a unit above);
 *       "about", "around", "roughly", "some", "approximately" give the amount plus or minus half its
 *       rounding unit (about $141 million: 140.5 to 141.5 million, so $139 million conflicts; about
 *       250,000 is 245,000 to 255,000); "nearly", "almost" give up to one unit below it; "more than",
 *       "over", "at least" anything from it up; "less than", "fewer than", "under", "up to" anything
 *       up to it. So "more than 250,000" agrees with "about 250,000".
 * </ul>
 * <p>Names are compatible when they fold to the same name ({@link #nameKey}: case, accents, initials,
 * titles and suffixes aside).
 *
 * <p>Thresholds were set on the development gold (BASIL report gold): 15 of 20 conflicts found, 16
 * of 19 reported real, against 2 of 20 and 3 of 14 for the former alignment of values within
 * aligned sentences. Of these, names found 2 (Stacy and Stacey, Loretta and Linda Sánchez), the
 * wide context 1 (the year a term ends), tails with the further evidence of sides 1 (19 against 23
 * executive actions), and dating times of day dropped one wrong conflict. A slot score of 0.72
 * instead of {@value #SAME_SLOT} loses 2 found; 0.68 adds 3 wrong ones. Tail discounts from 0 to
 * 0.06 and {@link #SAME_SIDE} from 0.4 to 0.6 give the same figures; tails of any length add two
 * wrong conflicts ("the coming year or X." against "out of many, X.").
 *
 * <p>Stateless; thread-safe.
 */
public final class SlotAligner {
  /** Least score for two values to fill the same slot. */
  static final double SAME_SLOT = 0.7;
  /** Weight of the IDF of the words two sentences share. */
  static final double SHARED = 0.02;
  /** Least context cosine for an outlet's own value to show it agrees with the other side. */
  static final double AGREE = 0.4;
  /** Most ratio between two amounts for them to be values of one slot. */
  static final double MOST_RATIO = 2.5;
  /** Most days between two dates for them to be values of one slot. */
  static final long MOST_DAYS = 400;
  /** Added to the score of two values that are almost the same: a near miss is more likely one slot told two ways. */
  static final double NEAR_MISS = 0.15;
  /** Most relative difference for two amounts to be almost the same. */
  static final double NEAR = 0.05;
  /** Characters either side of a value that say what it is the value of. */
  static final int WINDOW = 60;
  /** Characters either side of a value in its wide context: most of a sentence. */
  static final int WIDE_WINDOW = 100;
  /**
   * Taken from the cosine of wide contexts: they say less of what the value itself is of. Without it
   * "KCNA said Monday that the troop deployment was ordered" fills the slot of "the treaty signed in
   * June 2024" (wide cosine 0.58, near 0.32).
   */
  static final double WIDE_DISCOUNT = 0.1;
  /**
   * Taken from the cosine of tails (an amount and the {@value #WINDOW} characters after it): they
   * leave out what came before, which tells what the sentence is about, not what the amount counts.
   */
  static final double TAIL_DISCOUNT = 0.05;
  /**
   * Least words a tail has after the amount to be compared: "X seats." and "X." say too little ("35
   * seats" needed against "60 seats" lost are two things).
   */
  static final int TAIL_WORDS = 4;
  /** Kinds of values that are amounts: what they count is said after them. */
  private static final Set<String> AMOUNTS = Set.of("NUMBER", "MONEY", "PERCENT");
  /**
   * Least score for a value outside the slot to join a side of a conflict as more evidence, when it
   * is the same value as one of the side's.
   */
  static final double SAME_SIDE = 0.5;

  private static final Pattern DATED = Pattern.compile("\\d{4}(?:-\\d{2}(?:-\\d{2})?|-W\\d{2}(?:-WE)?)?");
  private static final Pattern DAY_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T.*");
  private static final String PERSON = "PERSON";
  private static final Set<String> NAME_AFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "mr", "mrs", "ms", "dr", "rep",
      "sen", "gov", "representative", "senator");
  /** Fewest letters of a name for one letter's difference to be a conflict (Stacy and Stacey). */
  static final int NAME_LETTERS = 5;
  private static final Pattern ODDS = Pattern.compile(
      "\\b(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ](?:in|out of)[- ](?:\\d+|one|two|three|four|five|six|"
      + "seven|eight|nine|ten)\\b");
  private static final Pattern NUMERIC = Pattern.compile("([<>~=]*)\\$?(-?[0-9]+(?:\\.[0-9]+)?(?:E[0-9]+)?)");
  private static final Pattern ABOUT = Pattern.compile("\\b(?:about|around|roughly|some|approximately|an estimated)\\s+$");
  private static final Pattern NEARLY = Pattern.compile("\\b(?:nearly|almost|close to)\\s+$");
  private static final Pattern AT_LEAST = Pattern.compile("\\b(?:more than|over|at least|upwards of)\\s+$");
  private static final Pattern AT_MOST = Pattern.compile("\\b(?:less than|fewer than|under|up to|no more than)\\s+$");
  private static final Pattern SCALED = Pattern.compile("\\b(?:thousand|million|billion|trillion)\\b");
  private static final Pattern DOZENS = Pattern.compile("(?:\\b(one|two|three|four|five|six)[- ])?dozens?\\b");
  private static final List<String> DOZEN_COUNTS = List.of("one", "two", "three", "four", "five", "six");
  /** A number that ranks ("No. 2") or gives an age ("Hoyer, 77, of Maryland"): not an amount of the story. */
  private static final Pattern NAME_BEFORE = Pattern.compile("\\p{Lu}\\p{L}+,\\s*$");
  private static final Pattern AGE_AFTER = Pattern.compile("^(?:,|-year-old)");
  private static final Set<String> STOP = Set.of("that", "this", "with", "from", "have", "were", "been", "said",
      "says", "will", "would", "which", "their", "they", "them", "there", "than", "about", "after", "before", "when",
      "what", "also", "more", "into", "over", "other", "some", "only", "most", "last", "next", "year", "years", "week",
      "month", "day", "days", "time", "since", "while", "where", "just", "including");

  private final SentenceEmbedder embedder;

  /** @param embedder the sentence embedder */
  public SlotAligner(SentenceEmbedder embedder) {
    this.embedder = embedder;
  }

  /**
   * A value stated in a sentence.
   *
   * @param claim the sentence
   * @param kind {@code DATE}, or the amount's type: {@code NUMBER}, {@code MONEY}, {@code PERCENT}
   * @param value as shown: the TIMEX3 date, or the amount's words with what it counts
   * @param words where the value is
   * @param low the least it can be; for a date, its first day (epoch day)
   * @param high the most it can be; for a date, its last day
   * @param surface what is compared as its words: the words, lower-cased; for a person, the folded
   *     name ({@link #nameKey})
   */
  record Value(ClaimAligner.Claim claim, String kind, String value, TextSpan words, double low, double high,
      String surface) {}

  /**
   * @param sources the story's articles
   * @return the slots whose values conflict, the most widely stated first
   */
  public List<ClaimAligner.Conflict> conflicts(List<ClaimAligner.Source> sources) {
    List<Value> values = new ArrayList<>();
    Contexts contexts = new Contexts();
    for (ClaimAligner.Source s : sources) {
      List<TextSpan> sentences = s.analysis().sentences();
      for (Analysis.TimeMention t : s.analysis().times()) {
        String date = dateOf(t);
        if (date == null || s.inBoilerplate(sentences.get(t.sentence()))) {
          continue;
        }
        LocalDate[] p = period(date);
        if (p != null) {
          add(values, contexts, s, t.sentence(), "DATE", date, t.span(), p[0].toEpochDay(), p[1].toEpochDay(), null);
        }
      }
      for (Analysis.Quantity q : s.analysis().quantities()) {
        if (q.type().equals("ORDINAL") || s.inBoilerplate(sentences.get(q.sentence()))) {
          continue;
        }
        double[] range = range(q, s.text());
        if (range != null) {
          add(values, contexts, s, q.sentence(), q.type(), q.text() + (q.counts() == null ? "" : " " + q.counts()),
              q.span(), range[0], range[1], null);
        }
      }
    }
    Map<String, Set<String>> named = names(sources, values, contexts);
    Vectors vectors = contexts.embed(embedder);
    double[][] score = scores(values, vectors);
    List<List<Integer>> slots = slots(values, score);
    Set<Integer> slotted = new HashSet<>();
    slots.stream().filter(m -> m.size() > 1).forEach(slotted::addAll);
    List<ClaimAligner.Conflict> out = new ArrayList<>();
    for (List<Integer> members : slots) {
      if (members.size() > 1 && conflicting(members, values, vectors.near(), named)) {
        out.add(new ClaimAligner.Conflict(values.get(members.getFirst()).kind(),
            sides(withEvidence(members, values, score, slotted).stream().map(values::get).toList())));
      }
    }
    out.sort(Comparator.comparingInt((ClaimAligner.Conflict c) -> -c.sides().stream()
        .mapToInt(side -> side.outlets().size()).sum()));
    return out;
  }

  /**
   * Adds the people named by one outlet whose names are almost those another outlet names: the same
   * surname with another given name (Loretta and Linda Sánchez), or one letter apart (Stacy and
   * Stacey). Other names are no slot values: two outlets naming two people in like sentences (each
   * quoting a different senator) do not disagree.
   *
   * @return each outlet's people, by folded name ({@link #nameKey}), for {@link #agrees}
   */
  private static Map<String, Set<String>> names(List<ClaimAligner.Source> sources, List<Value> values,
      Contexts contexts) {
    Map<String, Set<String>> named = new HashMap<>();
    record Named(ClaimAligner.Source source, Analysis.Entity entity, String key) {}
    List<Named> people = new ArrayList<>();
    for (ClaimAligner.Source s : sources) {
      for (Analysis.Entity e : s.analysis().entities()) {
        if (e.type().equals(PERSON) && !s.inBoilerplate(s.analysis().sentences().get(e.sentence()))) {
          people.add(new Named(s, e, nameKey(e.text())));
          named.computeIfAbsent(s.outletOrArticle(), k -> new HashSet<>()).add(people.getLast().key());
        }
      }
    }
    // each outlet's names that another outlet names almost alike, compared once per distinct name
    Map<String, Set<String>> paired = new HashMap<>();
    named.forEach((outlet, keys) -> {
      for (String key : keys) {
        boolean near = named.entrySet().stream().anyMatch(other -> !other.getKey().equals(outlet)
            && other.getValue().stream().anyMatch(k -> nearName(key, k)));
        if (near) {
          paired.computeIfAbsent(outlet, k -> new HashSet<>()).add(key);
        }
      }
    });
    for (Named n : people) {
      if (paired.getOrDefault(n.source().outletOrArticle(), Set.of()).contains(n.key())) {
        add(values, contexts, n.source(), n.entity().sentence(), PERSON, n.entity().text(), n.entity().span(),
            Double.NaN, Double.NaN, n.key());
      }
    }
    return named;
  }

  /** @return a person's name folded for comparison: lower case, no accents, no initials, titles or suffixes */
  static String nameKey(String name) {
    String folded = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
    List<String> kept = new ArrayList<>();
    for (String w : folded.split("[^\\p{L}']+")) {
      if (w.length() > 1 && !NAME_AFFIXES.contains(w)) {
        kept.add(w);
      }
    }
    return String.join(" ", kept);
  }

  /**
   * @return whether two folded names are almost the same yet not one: the same surname after two
   *     given names ({@link #givenNamesDiffer}) or after one given name spelled two ways (Vicente and
   *     Vincente Fox), or one letter apart in names of {@value #NAME_LETTERS} letters or more
   */
  static boolean nearName(String a, String b) {
    if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
      return false;
    }
    String[] x = a.split(" ");
    String[] y = b.split(" ");
    if (x.length >= 2 && y.length >= 2 && x[x.length - 1].equals(y[y.length - 1])) {
      return givenNamesDiffer(x[0], y[0])
          || Math.min(x[0].length(), y[0].length()) >= NAME_LETTERS && oneEditApart(x[0], y[0]);
    }
    return x.length == y.length && Math.min(a.length(), b.length()) >= NAME_LETTERS && oneEditApart(a, b);
  }

  /**
   * @return whether two given names are two names, not one name written two ways: both of {@value
   *     #NAME_LETTERS} letters or more and not beginning with the same two letters. A nickname is
   *     short or begins as the name does (Jim and James, Ken and Kenneth, Ted and Edward, Chuck and
   *     Charles), and the same person written both ways is no conflict; Loretta and Linda Sánchez
   *     are two people.
   */
  static boolean givenNamesDiffer(String a, String b) {
    return a.length() >= NAME_LETTERS && b.length() >= NAME_LETTERS && !a.regionMatches(0, b, 0, 2);
  }

  /** @return whether one insertion, deletion or substitution turns one string into the other */
  static boolean oneEditApart(String a, String b) {
    if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (a.length() == b.length()) {
      return a.substring(i + 1).equals(b.substring(i + 1));
    }
    return a.length() < b.length() ? a.substring(i).equals(b.substring(i + 1)) : a.substring(i + 1).equals(b.substring(i));
  }

  /**
   * @return the day, week, month or year a time mention dates, or {@code null}: a time of day
   *     ("Thursday night", 2012-10-11TNI) dates its day, as the debate "Thursday night" is the debate
   *     "on Thursday"
   */
  static @Nullable String dateOf(Analysis.TimeMention t) {
    if (t.value() == null) {
      return null;
    }
    if (t.type().equals("DATE")) {
      return DATED.matcher(t.value()).matches() ? t.value() : null;
    }
    Matcher day = DAY_TIME.matcher(t.value());
    return t.type().equals("TIME") && day.matches() ? day.group(1) : null;
  }

  /**
   * @return each pair's score as a slot: for values of one kind from two outlets that could be told
   *     apart by a little, the best cosine of their contexts, plus the IDF of the words their sentences
   *     share, plus {@value #NEAR_MISS} when the values are almost the same; minus infinity for others
   */
  private static double[][] scores(List<Value> values, Vectors vectors) {
    List<Set<String>> words = values.stream().map(v -> words(v.claim().text())).toList();
    Map<String, Integer> df = new HashMap<>();
    words.forEach(ws -> ws.forEach(w -> df.merge(w, 1, Integer::sum)));
    double[][] out = new double[values.size()][values.size()];
    for (double[] row : out) {
      Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    for (int i = 0; i < values.size(); i++) {
      for (int j = i + 1; j < values.size(); j++) {
        Value a = values.get(i);
        Value b = values.get(j);
        if (a.kind().equals(b.kind()) && !a.claim().outlet().equals(b.claim().outlet()) && plausible(a, b)) {
          double score = vectors.cosine(i, j)
              + SHARED * sharedIdf(words.get(i), words.get(j), df, values.size())
              + (nearMiss(a, b) ? NEAR_MISS : 0);
          out[i][j] = score;
          out[j][i] = score;
        }
      }
    }
    return out;
  }

  /** @return the values linked into slots, best pairs first, one value per article per slot */
  private static List<List<Integer>> slots(List<Value> values, double[][] score) {
    List<BestFirstGroups.Pair> links = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      for (int j = i + 1; j < values.size(); j++) {
        if (score[i][j] >= SAME_SLOT) {
          links.add(new BestFirstGroups.Pair(score[i][j], i, j));
        }
      }
    }
    List<List<Integer>> slots = BestFirstGroups.of(values.size(), links, (a, b) -> a.stream().noneMatch(x -> b.stream()
        .anyMatch(y -> values.get(x).claim().article().equals(values.get(y).claim().article()))));
    return slots;
  }

  /**
   * @return the slot's values and, as more evidence of its sides, the values in no other slot that are
   *     the same as one of its values and score at least {@value #SAME_SIDE} with it, one outlet at a
   *     time never on two sides: "23 steps he took without congressional action" beside "nearly two
   *     dozen executive actions" when the slot paired the latter with another outlet's "23 executive
   *     actions"
   */
  private static List<Integer> withEvidence(List<Integer> members, List<Value> values, double[][] score,
      Set<Integer> slotted) {
    List<Integer> out = new ArrayList<>(members);
    for (int v = 0; v < values.size(); v++) {
      Value candidate = values.get(v);
      int index = v;
      boolean same = members.stream().anyMatch(m -> score[m][index] >= SAME_SIDE
          && values.get(m).low() == candidate.low() && values.get(m).high() == candidate.high());
      boolean contradictsItsOutlet = out.stream().map(values::get)
          .anyMatch(m -> m.claim().article().equals(candidate.claim().article()) && !compatible(m, candidate));
      if (same && !slotted.contains(v) && !contradictsItsOutlet) {
        out.add(v);
      }
    }
    return out;
  }

  /** @return whether two of the slot's values cannot both be true while neither outlet gives the other's too */
  private static boolean conflicting(List<Integer> members, List<Value> values, List<float[]> vectors,
      Map<String, Set<String>> named) {
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        Value a = values.get(members.get(i));
        Value b = values.get(members.get(j));
        if (!compatible(a, b) && !agrees(values, vectors, named, b.claim().outlet(), members.get(i))
            && !agrees(values, vectors, named, a.claim().outlet(), members.get(j))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * @return whether the outlet gives, anywhere, a value that fits the indexed one, is of its size, and
   *     stands in a like context ("more than $3 million" does not agree with "$141 million"); for a
   *     person, whether the outlet names them anywhere, or someone of the same given name alone or
   *     with the same surname ("Malia and Sasha Obama" names Malia): then it knows both people
   */
  private static boolean agrees(List<Value> values, List<float[]> vectors, Map<String, Set<String>> named,
      String outlet, int index) {
    Value v = values.get(index);
    if (v.kind().equals(PERSON)) {
      String key = v.surface();
      String given = key.split(" ")[0];
      String surname = key.substring(key.lastIndexOf(' ') + 1);
      return named.getOrDefault(outlet, Set.of()).stream().anyMatch(n -> n.equals(key) || n.equals(given)
          || n.startsWith(given + " ") && n.endsWith(" " + surname));
    }
    for (int k = 0; k < values.size(); k++) {
      Value o = values.get(k);
      if (o.claim().outlet().equals(outlet) && o.kind().equals(v.kind()) && compatible(o, v) && plausible(o, v)
          && SentenceEmbedder.cosine(vectors.get(k), vectors.get(index)) >= AGREE) {
        return true;
      }
    }
    return false;
  }

  private static void add(List<Value> values, Contexts contexts, ClaimAligner.Source s,
      int sentence, String kind, String shown, TextSpan words, double low, double high, @Nullable String key) {
    TextSpan span = s.analysis().sentences().get(sentence);
    String text = span.of(s.text());
    int from = Math.max(0, Math.min(text.length(), words.start() - span.start()));
    int to = Math.max(from, Math.min(text.length(), words.end() - span.start()));
    ClaimAligner.Claim claim = new ClaimAligner.Claim(s.article(), s.outletOrArticle(), span,
        text.replaceAll("\\s+", " ").strip(), null);
    values.add(new Value(claim, kind, shown, words, low, high, key != null ? key
        : text.substring(from, to).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip()));
    contexts.add(text, from, to, AMOUNTS.contains(kind));
  }

  /** The words around each value, by index: near, wide, and an amount's tail (or null) */
  private record Contexts(List<String> near, List<String> wide, List<@Nullable String> tails) {
    Contexts() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    void add(String text, int from, int to, boolean amount) {
      near.add(context(text, from, to, WINDOW, WINDOW));
      wide.add(context(text, from, to, WIDE_WINDOW, WIDE_WINDOW));
      String tail = context(text, from, to, 0, WINDOW);
      tails.add(amount && tail.split(" ").length > TAIL_WORDS ? tail : null);
    }

    Vectors embed(SentenceEmbedder embedder) {
      List<String> present = tails.stream().filter(Objects::nonNull).toList();
      Iterator<float[]> embedded = embedder.embed(present).iterator();
      List<float @Nullable []> tailVectors = new ArrayList<>();
      for (String tail : tails) {
        tailVectors.add(tail != null ? embedded.next() : null);
      }
      return new Vectors(embedder.embed(near), embedder.embed(wide), tailVectors);
    }
  }

  /** The embedded {@link Contexts}, by index. */
  private record Vectors(List<float[]> near, List<float[]> wide, List<float @Nullable []> tails) {
    /**
     * @return the greatest of the cosine of near contexts, of wide contexts less {@value #WIDE_DISCOUNT}
     *     and, for two amounts, of tails less {@value #TAIL_DISCOUNT}
     */
    double cosine(int i, int j) {
      double best = Math.max(SentenceEmbedder.cosine(near.get(i), near.get(j)),
          SentenceEmbedder.cosine(wide.get(i), wide.get(j)) - WIDE_DISCOUNT);
      float[] a = tails.get(i);
      float[] b = tails.get(j);
      return a != null && b != null ? Math.max(best, SentenceEmbedder.cosine(a, b) - TAIL_DISCOUNT) : best;
    }
  }

  /**
   * @return the sentence's words within {@code before} characters before a value and {@code window}
   *     after it, the value masked as X
   */
  private static String context(String text, int from, int to, int before, int window) {
    String left = text.substring(Math.max(0, from - before), from);
    String right = text.substring(to, Math.min(text.length(), to + window));
    // whole words only
    left = left.length() == before && left.indexOf(' ') >= 0 ? left.substring(left.indexOf(' ') + 1) : left;
    right = right.length() == window && right.lastIndexOf(' ') >= 0 ? right.substring(0, right.lastIndexOf(' ')) : right;
    return (left + "X" + right).replaceAll("\\s+", " ").strip();
  }

  /** @return the summed IDF, over the story's values, of the words two sentences share */
  private static double sharedIdf(Set<String> a, Set<String> b, Map<String, Integer> df, int n) {
    double sum = 0;
    for (String w : a) {
      if (b.contains(w)) {
        sum += Math.log((double) n / df.get(w));
      }
    }
    return sum;
  }

  /** @return a sentence's words of four letters or more, lower-cased and cut to five letters (a cheap stem) */
  static Set<String> words(String sentence) {
    Set<String> out = new HashSet<>();
    for (String w : sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (w.length() >= 4 && !STOP.contains(w)) {
        out.add(w.length() > 5 ? w.substring(0, 5) : w);
      }
    }
    return out;
  }

  /** @return sides: the slot's values grouped by equal bounds, each with its outlets, claims and words */
  private static List<ClaimAligner.Side> sides(List<Value> values) {
    Map<String, List<Value>> byValue = new LinkedHashMap<>();
    for (Value v : values) {
      byValue.computeIfAbsent(v.kind().equals(PERSON) ? v.surface() : v.low() + "/" + v.high(),
          k -> new ArrayList<>()).add(v);
    }
    List<ClaimAligner.Side> sides = new ArrayList<>();
    for (List<Value> same : byValue.values()) {
      List<ClaimAligner.Claim> claims = same.stream().map(Value::claim).toList();
      sides.add(new ClaimAligner.Side(same.getFirst().value(), claims.stream().map(ClaimAligner.Claim::outlet)
          .distinct().toList(), claims, same.stream().map(Value::words).toList()));
    }
    return sides;
  }

  /**
   * @return whether both values can be true: the same words ("Thursday" and "Thursday", whatever
   *     day each was resolved to; for people, one folded name), or periods or ranges that overlap
   *     (a person's bounds are NaN and overlap nothing)
   */
  static boolean compatible(Value a, Value b) {
    return !a.surface().isEmpty() && a.surface().equals(b.surface()) || a.low() <= b.high() && b.low() <= a.high();
  }

  /**
   * @return whether two different values are almost the same: amounts within {@value #NEAR} of each
   *     other ($5,587.75 and $5,687.75), or dates of one granularity next to each other (2018 and 2019)
   */
  static boolean nearMiss(Value a, Value b) {
    if (a.kind().equals(PERSON)) {
      return false;
    }
    if (a.low() == b.low() && a.high() == b.high()) {
      return false;
    }
    if (a.kind().equals("DATE")) {
      double spanA = a.high() - a.low();
      double spanB = b.high() - b.low();
      return Math.abs(spanA - spanB) <= 3 && spanA >= 300 && Math.abs(a.low() - b.low()) <= 366;
    }
    double x = a.low();
    double y = b.low();
    return Double.isFinite(x) && Double.isFinite(y) && x > 0 && y > 0 && a.high() == x && b.high() == y
        && Math.abs(x - y) / Math.max(x, y) <= NEAR;
  }

  /**
   * @return whether two values are close enough to be told of the same thing: amounts within a factor
   *     of {@link #MOST_RATIO}, dates within {@link #MOST_DAYS} days
   */
  static boolean plausible(Value a, Value b) {
    if (a.kind().equals(PERSON)) {
      return nearName(a.surface(), b.surface());
    }
    if (a.kind().equals("DATE")) {
      return Math.abs((a.low() + a.high()) / 2 - (b.low() + b.high()) / 2) <= MOST_DAYS;
    }
    double x = Double.isFinite(a.low()) ? a.low() : a.high();
    double y = Double.isFinite(b.low()) ? b.low() : b.high();
    return x > 0 && y > 0 && Double.isFinite(x) && Double.isFinite(y) && Math.max(x, y) / Math.min(x, y) <= MOST_RATIO;
  }

  /**
   * @param q an amount
   * @param text its article's text, to read hedges CoreNLP leaves out of the value ("some 16")
   * @return the least and most the amount can be, or {@code null} when its value is not a number
   */
  static double @Nullable [] range(Analysis.Quantity q, String text) {
    Matcher m = NUMERIC.matcher(q.value());
    if (!m.matches()) {
      return null;
    }
    double v;
    try {
      v = Double.parseDouble(m.group(2));
    } catch (NumberFormatException e) {
      return null;
    }
    Matcher dozens = DOZENS.matcher(q.text().toLowerCase(Locale.ROOT));
    if (dozens.find()) {
      // CoreNLP reads "two-dozen" as 14 (two and a dozen): it is two times twelve
      v = 12 * (dozens.group(1) == null ? 1 : DOZEN_COUNTS.indexOf(dozens.group(1)) + 1);
    }
    String raw = text.substring(Math.max(0, q.span().start() - 20), q.span().start());
    if (NAME_BEFORE.matcher(raw).find()
        && AGE_AFTER.matcher(text.substring(q.span().end(), Math.min(text.length(), q.span().end() + 9))).find()
        || raw.endsWith("No. ") || odds(q, text)) {
      return null;
    }
    String before = raw.toLowerCase(Locale.ROOT);
    String words = q.text().toLowerCase(Locale.ROOT) + " ";
    String prefix = m.group(1);
    double unit = unit(v);
    if (prefix.startsWith(">") || AT_LEAST.matcher(before).find() || startsWith(words, AT_LEAST)) {
      return new double[] {v, Double.POSITIVE_INFINITY};
    }
    if (prefix.startsWith("<") || AT_MOST.matcher(before).find() || startsWith(words, AT_MOST)) {
      return new double[] {Double.NEGATIVE_INFINITY, v};
    }
    if (NEARLY.matcher(before).find() || startsWith(words, NEARLY)) {
      return new double[] {v - unit, v};
    }
    if (prefix.startsWith("~") || ABOUT.matcher(before).find() || startsWith(words, ABOUT)) {
      return new double[] {v - unit / 2, v + unit / 2};
    }
    if (SCALED.matcher(words).find()) {
      // "$43 million" for $43,885,310: rounded or cut off, so from just above half a unit below to a unit above
      return new double[] {v - unit / 2 + unit * 1e-9, v + unit};
    }
    return new double[] {v, v};
  }

  /** @return whether the amount is a term of odds or a share ("a 1 in 3 chance", "one-in-three", "two out of five") */
  private static boolean odds(Analysis.Quantity q, String text) {
    String around = text.substring(Math.max(0, q.span().start() - 12), Math.min(text.length(), q.span().end() + 12))
        .toLowerCase(Locale.ROOT);
    return q.text().toLowerCase(Locale.ROOT).matches(".*\\b\\w+[- ](?:in|out of)[- ]\\w+.*")
        || ODDS.matcher(around).find();
  }

  private static boolean startsWith(String words, Pattern hedge) {
    for (int end = words.indexOf(' '); end > 0; end = words.indexOf(' ', end + 1)) {
      if (hedge.matcher(words.substring(0, end + 1)).matches()) {
        return true;
      }
    }
    return false;
  }

  /** @return the amount's rounding unit: 10,000 for 250,000; a million for 141 million; 1 for 23; 0.01 for 5,587.75 */
  static double unit(double v) {
    if (v != Math.rint(v)) {
      return 0.01;
    }
    double unit = 1;
    long x = Math.abs((long) v);
    while (x != 0 && x % 10 == 0) {
      x /= 10;
      unit *= 10;
    }
    return unit;
  }
  /** @return the first and last day of a TIMEX3 date (a year, month, day, ISO week or its weekend), or {@code null} */
  static LocalDate @Nullable [] period(String value) {
    try {
      if (value.matches("\\d{4}")) {
        LocalDate d = LocalDate.of(Integer.parseInt(value), 1, 1);
        return new LocalDate[] {d, d.plusYears(1).minusDays(1)};
      }
      if (value.matches("\\d{4}-\\d{2}")) {
        LocalDate d = LocalDate.parse(value + "-01");
        return new LocalDate[] {d, d.plusMonths(1).minusDays(1)};
      }
      if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        LocalDate d = LocalDate.parse(value);
        return new LocalDate[] {d, d};
      }
      if (value.matches("\\d{4}-W\\d{2}-WE")) {
        LocalDate[] week = period(value.substring(0, 8));
        return week == null ? null : new LocalDate[] {week[0].plusDays(5), week[1]};
      }
      if (value.matches("\\d{4}-W\\d{2}")) {
        LocalDate d = LocalDate.of(Integer.parseInt(value.substring(0, 4)), 1, 4)
            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(value.substring(6)))
            .with(java.time.DayOfWeek.MONDAY);
        return new LocalDate[] {d, d.plusDays(6)};
      }
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
    return null;
  }}
