package org.crosscheck.analysis;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether the verb a time expression dates speaks of the past, the present or the future, read from the part-of-speech
 * tags of its sentence. The verb is the nearest one at most {@value #REACH} tokens before the expression in its clause
 * ("Castro attended a rally Thursday"; not across "where", "which" or "that"), or else the first after it ("On
 * Tuesday, the league endorsed ..."), with its auxiliaries and adverbs. Before the expression, a modal ("will meet
 * Monday", "would travel Thursday") or a verb of planning ("planned a demonstration on Saturday", "is scheduled to
 * close Monday", "set to resume Monday") looks ahead, the present ("meet separately Monday", "Congress reconvenes Jan.
 * 24") is the present, and the simple past, a participle, the past or present perfect ("stepped down in March",
 * "products introduced in April", "have gathered evidence in the October slaying") looks back; after it, only a past
 * tense or a modal tells. The word just before the expression can decide alone: "until" (not opening the sentence:
 * "Until Thursday, they had not called him a suspect"), "payable", "effective", "of record", "as soon as" and a verb's
 * "to" ("extended to Nov. 20") look ahead, "since" looks back, "through", "from" and "between" leave it open. An
 * infinitive after any other verb ("agreed to buy the line in February"), a bare participle ("arriving Tuesday"),
 * "could" and "can", a plan told in the past perfect ("had been due to expire Friday") and a possessive ("Tuesday's
 * ruling", which the verb does not date) tell nothing. A participle before a noun ("preferred shares", "the slated
 * visit") is an adjective unless an auxiliary precedes it ("have gathered enough evidence"), and a verb between two
 * names ("Dar es Salaam") is part of them. Stateless.
 */
enum Tense {
  PAST, PRESENT, FUTURE, NONE;

  /** Farthest a verb before the expression may be (tokens between them) to be the one it dates. */
  static final int REACH = 10;
  private static final Set<String> MODALS = Set.of("will", "'ll", "wo", "shall", "would", "may", "might");
  /** Verbs whose object lies ahead of them ("planned a rally Saturday", "postponed until Tuesday"). */
  private static final Set<String> PLANNING = Set.of("plan", "schedule", "intend", "postpone");
  /** Verbs that put their infinitive ahead ("set to resume", "supposed to conclude", "due to expire"). */
  private static final Set<String> AHEAD_TO = Set.of("plan", "schedule", "intend", "expect", "set", "suppose", "go",
      "due", "hope", "aim", "prepare", "promise", "vow", "threaten");
  private static final Set<String> AHEAD_BEFORE = Set.of("until", "till", "payable", "effective", "record");
  private static final Set<String> OPEN_BEFORE = Set.of("through", "from", "between");
  private static final Set<String> HAVE = Set.of("have", "has", "had", "'ve", "'s");

  /**
   * @param sentence the tokens of the expression's sentence
   * @param first index of the expression's first token in it
   * @param last index of its last token
   * @return the tense of the verb the expression dates, or {@link #NONE} when the words do not tell
   */
  static Tense of(List<CoreLabel> sentence, int first, int last) {
    if (last + 1 < sentence.size() && "POS".equals(sentence.get(last + 1).tag())) {
      return NONE; // "Tuesday's ruling": the verb dates the ruling's noun phrase, not the day
    }
    if (first > 0) {
      String before = sentence.get(first - 1).word().toLowerCase(Locale.ROOT);
      boolean opening = first == 1; // "Until Thursday, they had not called him a suspect" looks back
      if (AHEAD_BEFORE.contains(before) && !opening || first >= 3 && "as".equals(before)
          && "soon".equalsIgnoreCase(sentence.get(first - 2).word()) && "as".equalsIgnoreCase(sentence.get(first - 3).word())
          || "to".equals(before) && first >= 2 && isVerb(sentence, first - 2)) {
        return FUTURE;
      }
      if ("since".equals(before)) {
        return PAST;
      }
      if (OPEN_BEFORE.contains(before)) {
        return NONE;
      }
    }
    for (int k = first - 1; k >= 0 && k >= first - 1 - REACH; k--) {
      if (opensClause(sentence.get(k))) {
        break; // "..., where the Aug. 7 blasts killed 257 people": the verb of the clause follows
      }
      if (isVerb(sentence, k)) {
        int from = k;
        while (from > 0 && inGroup(sentence.get(from - 1))) {
          from--;
        }
        return ofGroup(sentence.subList(from, k + 1), true);
      }
    }
    for (int k = last + 1; k < sentence.size(); k++) {
      if (isVerb(sentence, k)) {
        int to = k;
        while (to + 1 < sentence.size() && inGroup(sentence.get(to + 1))) {
          to++;
        }
        Tense after = ofGroup(sentence.subList(k, to + 1), false);
        return after == PAST || after == FUTURE ? after : NONE;
      }
    }
    return NONE;
  }

  /**
   * @param group a verb group: its verbs with their auxiliaries, adverbs and "to"
   * @param before whether it comes before the expression, so that a verb of planning puts it ahead
   */
  private static Tense ofGroup(List<CoreLabel> group, boolean before) {
    if ("had".equalsIgnoreCase(group.getFirst().word())) {
      // the past perfect looks back ("had gathered evidence in October"), but a plan it tells of may lie either way
      // ("had been set to expire Nov. 6")
      return group.stream().anyMatch(t -> "TO".equals(t.tag())) ? NONE : PAST;
    }
    for (int i = 0; i < group.size(); i++) {
      CoreLabel t = group.get(i);
      String word = t.word().toLowerCase(Locale.ROOT);
      if ("MD".equals(t.tag())) {
        boolean perfect = i + 1 < group.size() && "have".equals(group.get(i + 1).word().toLowerCase(Locale.ROOT));
        // "would have required" is no future, nor is "could be located" or "can meet"
        return MODALS.contains(word) && !perfect ? FUTURE : NONE;
      }
      if (before && PLANNING.contains(lemma(t)) && String.valueOf(t.tag()).startsWith("VB")) {
        return FUTURE;
      }
      if ("TO".equals(t.tag()) && i + 1 < group.size()) {
        return before && i > 0 && AHEAD_TO.contains(lemma(group.get(i - 1))) ? FUTURE : NONE;
      }
    }
    String head = null;
    for (CoreLabel t : group) {
      if (String.valueOf(t.tag()).startsWith("VB")) {
        head = t.tag();
        break;
      }
    }
    if (head == null) {
      return NONE;
    }
    return switch (head) {
      case "VBD", "VBN" -> PAST;
      case "VBP", "VBZ" -> perfect(group) ? PAST : PRESENT;
      case "VB" -> PRESENT; // a base form with no "to" or modal is the present ("they meet Monday")
      default -> NONE;
    };
  }

  /** @return whether a present-tense group is the present perfect ("have gathered") */
  private static boolean perfect(List<CoreLabel> group) {
    boolean have = false;
    for (CoreLabel t : group) {
      if (HAVE.contains(t.word().toLowerCase(Locale.ROOT)) && String.valueOf(t.tag()).startsWith("VB")) {
        have = true;
      } else if (have && "VBN".equals(t.tag())) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return whether the token at {@code k} is a verb or a modal: not a participle before a noun or adjective ("preferred
   *     shares"), nor a word between two names ("Dar es Salaam")
   */
  private static boolean isVerb(List<CoreLabel> sentence, int k) {
    String tag = String.valueOf(sentence.get(k).tag());
    if (!(tag.startsWith("VB") || tag.equals("MD"))) {
      return false;
    }
    String next = k + 1 < sentence.size() ? String.valueOf(sentence.get(k + 1).tag()) : "";
    boolean auxiliary = k > 0 && String.valueOf(sentence.get(k - 1).tag()).startsWith("VB"); // "have gathered enough"
    if ((tag.equals("VBN") || tag.equals("VBG")) && !auxiliary
        && (next.equals("NN") || next.equals("NNS") || next.startsWith("JJ"))) {
      return false;
    }
    return !(k > 0 && sentence.get(k).word().length() <= 3 && next.startsWith("NNP")
        && String.valueOf(sentence.get(k - 1).tag()).startsWith("NNP"));
  }

  /** @return whether a token opens a relative or subordinate clause ("where", "which", "who", "that") */
  private static boolean opensClause(CoreLabel t) {
    String tag = String.valueOf(t.tag());
    return tag.equals("WDT") || tag.equals("WP") || tag.equals("WRB") || "that".equalsIgnoreCase(t.word());
  }

  /** @return whether a token belongs to a verb group: verbs, modals, adverbs ("not" among them), "to", "due" */
  private static boolean inGroup(CoreLabel t) {
    String tag = String.valueOf(t.tag());
    return tag.startsWith("VB") || tag.equals("MD") || tag.startsWith("RB") || tag.equals("TO")
        || "due".equalsIgnoreCase(t.word());
  }

  private static String lemma(CoreLabel t) {
    if ("due".equalsIgnoreCase(t.word())) {
      return "due";
    }
    String lemma = t.lemma();
    String w = (lemma == null ? t.word() : lemma).toLowerCase(Locale.ROOT);
    return "scheduled".equals(w) ? "schedule" : w;
  }
}
