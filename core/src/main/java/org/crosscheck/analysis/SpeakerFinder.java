package org.crosscheck.analysis;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crosscheck.model.TextSpan;
import org.jspecify.annotations.Nullable;

/**
 * Finds who a direct quote is attributed to, from the words around it: a cue verb next to the
 * quote ("said", "told", "added", "according to") and the noun phrase that goes with it, before
 * the cue ("the Foreign Ministry said") or after it ("said Koo Byung-sam"). The speaker can be a
 * person, an organisation, a ministry, an agency or a document. A pronoun speaker is kept as
 * written and resolved to the last person named before it. A quote with no cue of its own
 * continues the speaker of the quote just before it when nothing else intervenes; otherwise it is
 * left unattributed, never guessed. Works on one document's tokens; stateless.
 */
final class SpeakerFinder {
  /** Lemmas of verbs that attribute speech or writing. */
  static final Set<String> CUES = Set.of("say", "tell", "add", "ask", "write", "state", "declare", "explain", "note",
      "insist", "argue", "warn", "claim", "continue", "reply", "respond", "tweet", "announce", "report", "confirm",
      "deny", "urge", "stress", "emphasize", "emphasise", "acknowledge", "admit", "recall", "quip", "joke", "complain",
      "suggest", "predict", "conclude", "observe", "remark", "testify", "vow", "promise", "pledge", "agree", "caution",
      "counter", "describe", "call", "read", "post", "assert", "allege", "boast", "contend", "maintain", "mention",
      "scream", "shout", "yell", "whisper", "exclaim", "murmur", "sigh", "laugh", "concede", "charge", "demand",
      "proclaim", "pronounce", "reiterate", "repeat", "retort", "tease", "wonder", "blast", "slam", "comment",
      "chant", "liken");
  private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "i", "we", "you");
  private static final Set<String> OBJECTS = Set.of("me", "us", "him", "her", "them");
  /** Pronouns that stand for a person; "they" and "we" are left as written. */
  private static final Set<String> PERSONAL = Set.of("he", "she", "i");
  /** Head nouns of speakers that are organisations even when the entity tagger misses them. */
  private static final Set<String> ORGANIZATION_HEADS = Set.of("ministry", "office", "agency", "department",
      "government", "commission", "committee", "council", "party", "army", "military", "police", "embassy",
      "administration", "campaign", "company", "court", "parliament", "senate", "house", "board", "bureau",
      "service", "spokesperson", "spokesman", "spokeswoman", "command", "staff", "authorities", "kremlin", "union",
      "group", "association", "organization", "organisation", "coalition", "network", "newspaper", "magazine",
      "firm", "foundation", "institute", "university", "hospital", "team");
  /**
   * Head nouns of documents: a document speaks for whoever issued it, so "the statement said" is the
   * statement of the organisation named shortly before it, never "statement"; with no organisation
   * there, the document itself ("the book said").
   */
  private static final Set<String> DOCUMENTS = Set.of("statement", "report", "release", "letter", "memo",
      "communique", "document", "filing", "complaint", "indictment", "announcement", "post", "tweet", "email",
      "editorial", "transcript", "affidavit", "lawsuit", "ruling", "notice", "message", "bulletin", "dispatch",
      "brief", "motion", "petition", "order", "decree", "resolution", "declaration", "book", "article", "ad", "study",
      "poll", "survey", "website", "column", "story", "review", "biography", "memoir", "advertisement", "spot");
  /** A party and state after a politician's name ("R-Texas", "D-N.Y."). */
  private static final java.util.regex.Pattern AFFILIATION = java.util.regex.Pattern.compile("[RDI]-[A-Z][\\p{L}. ]*");
  /** How far (tokens) back the issuer of a document may be named. */
  private static final int ISSUER_REACH = 80;
  /** Part-of-speech tags a speaker's noun phrase is made of. */
  private static final Set<String> NP_TAGS = Set.of("NNP", "NNPS", "NN", "NNS", "JJ", "DT", "PRP", "POS", "CD", "NNP$",
      "PRP$", "HYPH", "VBN", "JJR", "JJS");
  /** How far (tokens) from a quote a cue may stand. */
  private static final int REACH = 12;

  private SpeakerFinder() {}

  /**
   * A speaker found for a quote.
   *
   * @param text the noun phrase as written ("Foreign Ministry spokesperson Koo Byung-sam", "he")
   * @param span where it is
   * @param name the name it stands for: the last named entity inside it, or for a pronoun the
   *     last person named before it; the phrase itself when it holds no name
   * @param type {@code PERSON}, {@code ORGANIZATION}, {@code LOCATION}, {@code MISC} or {@code OTHER}
   * @param cue the cue word ("said")
   */
  record Speaker(String text, TextSpan span, String name, String type, String cue) {}

  /**
   * @param text the document text
   * @param tokens the document's tokens, in order
   * @param quote the quote's span, quotation marks included
   * @param previous the speaker of the quote just before, if it ended close before this one
   * @return the speaker, or {@code null} when the text does not make it clear
   */
  static @Nullable Speaker find(String text, List<CoreLabel> tokens, TextSpan quote, @Nullable Speaker previous) {
    int first = firstTokenAtOrAfter(tokens, quote.start());
    int last = lastTokenBefore(tokens, quote.end());
    if (first < 0 || last < first) {
      return null;
    }
    // a cue right before the quote wins: Koo said: “...” / She tweeted, “...”
    if (first >= 2 && (tokens.get(first - 1).word().equals(":")
        || tokens.get(first - 1).word().equals(",") && isCue(tokens.get(first - 2)))) {
      Speaker introduced = lookBefore(text, tokens, first - 1);
      if (introduced != null) {
        return introduced;
      }
    }
    // after the quote: “...,” he said. / “...,” said Koo. / “...,” Koo told reporters. / “...” ― Ana Ruiz
    Speaker after = lookAfter(text, tokens, last + 1, quote);
    if (after != null) {
      return after;
    }
    // before it: Koo said: “...” / Koo said that “...” / According to Koo, “...”
    Speaker before = lookBefore(text, tokens, first - 1);
    if (before != null) {
      return before;
    }
    // a paragraph ending in a colon introduces the quote: “Caddell continued:” / “The Times reports:”
    int colon = first - 1;
    if (colon >= 0 && tokens.get(colon).word().equals(":")) {
      Speaker introduced = lookBefore(text, tokens, colon - 1);
      if (introduced != null) {
        return introduced;
      }
      // “President Obama is rolling out a more personal message: “...”": the sentence's subject
      if (previous == null) {
        Speaker subject = subjectBefore(text, tokens, colon, tokens.get(colon));
        if (subject != null) {
          return subject;
        }
      }
    }
    return previous;
  }

  private static @Nullable Speaker lookAfter(String text, List<CoreLabel> tokens, int from, TextSpan quote) {
    if (from >= tokens.size()) {
      return null;
    }
    if (isDash(tokens.get(from)) && from + 1 < tokens.size()) {
      Speaker signed = phraseAfter(text, tokens, from + 1, tokens.get(from), true);
      if (signed != null && !"OTHER".equals(signed.type())) {
        return signed;
      }
      // "― Ariana Huichapa": capitalised words the entity tagger did not know sign the quote too
      if (signed != null && SIGNATURE.matcher(signed.text()).matches()) {
        return new Speaker(signed.text(), signed.span(), signed.text(), "PERSON", signed.cue());
      }
    }
    // the sentence splitter ends a sentence after “...?” and “...!”: the attribution then opens the next one
    String inner = text.substring(quote.start(), quote.end()).replaceAll("[\\s\"'`“”’]+$", "");
    boolean splitAfter = inner.endsWith("?") || inner.endsWith("!");
    int sentence = splitAfter ? sentenceOf(tokens.get(from)) : sentenceOf(tokens.get(from - 1));
    Speaker described = namedThenDescribed(text, tokens, from);
    if (described != null) {
      return described;
    }
    for (int i = from; i < Math.min(tokens.size(), from + REACH); i++) {
      CoreLabel t = tokens.get(i);
      if (sentenceOf(t) != sentence || isQuoteMark(t)) {
        return null;
      }
      if (isCue(t) || putsIt(tokens, i)) {
        // "said X": the phrase after the cue; "X said": the phrase between the quote and the cue
        Speaker right = addressed(t) ? null : phraseAfter(text, tokens, i + 1, t);
        Speaker left = phraseBefore(text, tokens, i - 1, from - 1, t);
        if (left != null) {
          return left;
        }
        return right;
      }
      if (isAccordingTo(tokens, i)) {
        return phraseAfter(text, tokens, i + 2, tokens.get(i));
      }
    }
    return null;
  }

  /**
   * “...” Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA,
   * said: a person named right after the quote, then described at more length than a cue is looked
   * for, then the cue.
   *
   * @return the person, or {@code null} when the words after the quote are not a name, a description and a cue
   */
  private static @Nullable Speaker namedThenDescribed(String text, List<CoreLabel> tokens, int from) {
    int s = from;
    while (s < tokens.size() && (",".equals(tokens.get(s).word()) || isQuoteMark(tokens.get(s)))) {
      s++;
    }
    int e = s;
    while (e < tokens.size() && "PERSON".equals(tokens.get(e).ner())) {
      e++;
    }
    if (e == s || e + 1 >= tokens.size() || !",".equals(tokens.get(e).word())) {
      return null;
    }
    int sentence = sentenceOf(tokens.get(s));
    for (int i = e + 1; i < Math.min(tokens.size(), e + 1 + DESCRIPTION); i++) {
      CoreLabel t = tokens.get(i);
      if (sentenceOf(t) != sentence || isQuoteMark(t)) {
        return null;
      }
      if (isCue(t) && ",".equals(tokens.get(i - 1).word())) {
        TextSpan whole = new TextSpan(tokens.get(s).beginPosition(), tokens.get(i - 1).beginPosition());
        String name = text.substring(tokens.get(s).beginPosition(), tokens.get(e - 1).endPosition());
        return new Speaker(whole.of(text), whole, name, "PERSON", t.word());
      }
    }
    return null;
  }

  private static final java.util.regex.Pattern SIGNATURE = java.util.regex.Pattern.compile(
      "\\p{Lu}[\\p{L}.'’-]*(?: \\p{Lu}[\\p{L}.'’-]*){1,3}");

  /** Most tokens between a person named after a quote and the cue, when a description comes between. */
  private static final int DESCRIPTION = 45;

  private static @Nullable Speaker lookBefore(String text, List<CoreLabel> tokens, int from) {
    if (from < 0) {
      return null;
    }
    int sentence = sentenceOf(tokens.get(Math.min(tokens.size() - 1, from + 1)));
    for (int i = from; i >= Math.max(0, from - REACH); i--) {
      CoreLabel t = tokens.get(i);
      if (sentenceOf(t) != sentence || isQuoteMark(t)) {
        return null;
      }
      if (isCue(t) || putsIt(tokens, i)) {
        Speaker left = phraseBefore(text, tokens, i - 1, -1, t);
        if (left != null) {
          return left;
        }
        Speaker right = addressed(t) ? null : phraseAfter(text, tokens, i + 1, t);
        // "Trump attacked Clinton for her vote, saying, “...”": a participle speaks for its sentence's subject
        return right != null ? right : addressed(t) || "VBG".equals(t.tag()) ? subjectBefore(text, tokens, i, t) : null;
      }
      if (isAccordingTo(tokens, i)) {
        return phraseAfter(text, tokens, i + 2, tokens.get(i));
      }
    }
    return null;
  }

  /**
   * @return whether the cue's object is who is spoken to or what is named, not who speaks ("telling
   *     CNN", "asked reporters", "calls people “losers”", "describe their actions as")
   */
  private static boolean addressed(CoreLabel cue) {
    return ADDRESSING.contains(String.valueOf(cue.lemma()).toLowerCase(Locale.ROOT));
  }

  /** Lemmas of cues whose object is who is spoken to or what is named. */
  private static final Set<String> ADDRESSING = Set.of("tell", "ask", "call", "describe", "liken");

  /**
   * "Netanyahu pushed back in two interviews on Sunday, first telling CNN, “...”": the speaker of a
   * cue with no subject of its own is its sentence's subject: a pronoun opening the sentence, else
   * the first person or organisation named in the sentence before the cue.
   *
   * @return that speaker, or {@code null} when the sentence names none before the cue
   */
  private static @Nullable Speaker subjectBefore(String text, List<CoreLabel> tokens, int cue, CoreLabel cueToken) {
    int sentence = sentenceOf(cueToken);
    int first = cue;
    while (first - 1 >= 0 && sentenceOf(tokens.get(first - 1)) == sentence) {
      first--;
    }
    String opening = tokens.get(first).word().toLowerCase(Locale.ROOT);
    if (first < cue && (PERSONAL.contains(opening) || opening.equals("they"))) {
      return speaker(text, tokens, first, first, cueToken); // "He then defended the remark, saying, “...”"
    }
    // the subject: the first person or organisation a verb follows, else the first named
    TextSpan firstNamed = null;
    String firstType = null;
    for (int i = first; i < cue; i++) {
      String ner = tokens.get(i).ner();
      if ("PERSON".equals(ner) || "ORGANIZATION".equals(ner)) {
        int j = i;
        while (j + 1 < cue && ner.equals(tokens.get(j + 1).ner())) {
          j++;
        }
        TextSpan span = new TextSpan(tokens.get(i).beginPosition(), tokens.get(j).endPosition());
        String next = j + 1 < tokens.size() ? tokens.get(j + 1).tag() : null;
        if (next != null && (next.startsWith("VB") || next.equals("MD"))) {
          return new Speaker(span.of(text), span, span.of(text), ner, cueToken.word());
        }
        if (firstNamed == null) {
          firstNamed = span;
          firstType = ner;
        }
        i = j;
      }
    }
    return firstNamed == null ? null
        : new Speaker(firstNamed.of(text), firstNamed, firstNamed.of(text), firstType, cueToken.word());
  }

  /** @return the noun phrase ending at {@code end} (going left, not past {@code floor}), as a speaker */
  private static @Nullable Speaker phraseBefore(String text, List<CoreLabel> tokens, int end, int floor, CoreLabel cue) {
    int e = end;
    // skip auxiliaries and adverbs between the speaker and the cue: "he has said", "Kim also said"
    while (e > floor && e >= 0 && isAuxiliaryOrAdverb(tokens.get(e))) {
      e--;
    }
    // "Flynn, a top Trump surrogate, said" / "Rep. Gwen Moore (D-Wis.) said": step over the aside
    int aside = e;
    if (e > floor + 1 && e >= 1 && (tokens.get(e).word().equals(",") || tokens.get(e).word().equals(")")
        || tokens.get(e).word().equals("-RRB-"))) {
      String open = tokens.get(e).word().equals(",") ? "," : null;
      int k = e - 1;
      while (k > floor && k >= 0 && sentenceOf(tokens.get(k)) == sentenceOf(cue) && e - k <= 25) {
        String w = tokens.get(k).word();
        if (open != null ? w.equals(",") : w.equals("(") || w.equals("-LRB-")) {
          break;
        }
        k--;
      }
      if (k > floor && k >= 1 && (open != null ? tokens.get(k).word().equals(",")
          : tokens.get(k).word().equals("(") || tokens.get(k).word().equals("-LRB-"))) {
        e = k - 1;
      }
    }
    int s = e;
    while (s > floor && s >= 0 && (inPhrase(tokens.get(s)) || ofInside(tokens, s, floor))
        && sentenceOf(tokens.get(s)) == sentenceOf(cue)) {
      s--;
    }
    s++;
    if (s <= e && aside > e) {
      Speaker core = speaker(text, tokens, s, e, cue);
      if (core == null) {
        return null;
      }
      // the speaker's words run to the end of the aside, as written
      TextSpan whole = new TextSpan(core.span().start(), tokens.get(aside).endPosition());
      // "Mr. Jackson's lawyer, Reid H. Weingarten, said": a role named in the aside is that person
      String named = "PERSON".equals(tokens.get(e).ner()) ? null : personIn(text, tokens, e + 1, aside);
      return named != null ? new Speaker(whole.of(text), whole, named, "PERSON", core.cue())
          : new Speaker(whole.of(text), whole, core.name(), core.type(), core.cue());
    }
    if (s > e || e < 0) {
      return null;
    }
    // "Protesters marching through the streets chanted": the phrase is the object of a participle's
    // preposition; the subject is the phrase before the participle
    if (s - 3 > floor && s - 3 >= 0 && "IN".equals(tokens.get(s - 1).tag()) && "VBG".equals(tokens.get(s - 2).tag())
        && String.valueOf(tokens.get(s - 3).tag()).startsWith("NN") && sentenceOf(tokens.get(s - 3)) == sentenceOf(cue)) {
      int subjectEnd = s - 3;
      int subjectStart = subjectEnd;
      while (subjectStart - 1 > floor && subjectStart - 1 >= 0 && inPhrase(tokens.get(subjectStart - 1))
          && sentenceOf(tokens.get(subjectStart - 1)) == sentenceOf(cue)) {
        subjectStart--;
      }
      Speaker subject = speaker(text, tokens, subjectStart, subjectEnd, cue);
      if (subject != null) {
        return subject;
      }
    }
    return speaker(text, tokens, s, e, cue);
  }

  private static @Nullable Speaker phraseAfter(String text, List<CoreLabel> tokens, int start, CoreLabel cue) {
    return phraseAfter(text, tokens, start, cue, false);
  }

  /**
   * @param anySentence whether the phrase may lie in another sentence than the cue (a signature after a dash)
   * @return the noun phrase starting at {@code start}, with an appositive title after a comma left out
   */
  private static @Nullable Speaker phraseAfter(String text, List<CoreLabel> tokens, int start, CoreLabel cue,
      boolean anySentence) {
    int s = start;
    while (s < tokens.size() && isAuxiliaryOrAdverb(tokens.get(s))) {
      s++;
    }
    int e = s;
    while (e < tokens.size() && inPhrase(tokens.get(e))
        && (anySentence ? sentenceOf(tokens.get(e)) == sentenceOf(tokens.get(s)) : sentenceOf(tokens.get(e)) == sentenceOf(cue))) {
      e++;
    }
    e--;
    if (e < s) {
      return null;
    }
    return speaker(text, tokens, s, e, cue);
  }

  private static @Nullable Speaker speaker(String text, List<CoreLabel> tokens, int s, int e, CoreLabel cue) {
    // a phrase of only determiners or adjectives, a date ("Friday") or an object pronoun ("me") is no speaker
    boolean noun = false;
    for (int i = s; i <= e; i++) {
      String tag = tokens.get(i).tag();
      String ner = tokens.get(i).ner();
      boolean time = ner != null && Set.of("DATE", "TIME", "DURATION", "SET").contains(ner);
      noun |= tag != null && (tag.startsWith("NN") || tag.equals("PRP")) && !time;
    }
    if (!noun || OBJECTS.contains(tokens.get(s).word().toLowerCase(Locale.ROOT)) && "PRP".equals(tokens.get(s).tag())) {
      return null;
    }
    TextSpan span = new TextSpan(tokens.get(s).beginPosition(), tokens.get(e).endPosition());
    String phrase = span.of(text);
    // the last named entity inside the phrase is the name it stands for, unless the phrase ends in
    // a common noun of its own: "Seoul's Foreign Ministry" is a ministry, not Seoul
    String type = "OTHER";
    String name = phrase;
    String head = tokens.get(e).word().toLowerCase(Locale.ROOT);
    if (tokens.get(e).ner() == null || "O".equals(tokens.get(e).ner())) {
      int from = Set.of("the", "a", "an").contains(tokens.get(s).word().toLowerCase(Locale.ROOT)) && s < e ? s + 1 : s;
      name = text.substring(tokens.get(from).beginPosition(), tokens.get(e).endPosition());
      if (ORGANIZATION_HEADS.contains(head)) {
        type = "ORGANIZATION";
      }
    }
    for (int i = e; i >= s && "OTHER".equals(type) && name.equals(phrase); i--) {
      String ner = tokens.get(i).ner();
      if (ner != null && Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC").contains(ner)) {
        int j = i;
        while (j - 1 >= s && ner.equals(tokens.get(j - 1).ner())) {
          j--;
        }
        name = text.substring(tokens.get(j).beginPosition(), tokens.get(i).endPosition());
        type = ner;
        break;
      }
    }
    if ("OTHER".equals(type) && DOCUMENTS.contains(head)) {
      // "the statement said": the statement of the organisation named last before it
      String issuer = lastNamed(text, tokens, s, "ORGANIZATION", (from, to) -> s - to <= ISSUER_REACH);
      if (issuer != null) {
        name = issuer;
        type = "ORGANIZATION";
      }
    } else if ("OTHER".equals(type) && onlyThings(tokens, s, e)) {
      // a thing that cannot speak ("the world", "a tie", "his candidacy") is no speaker
      return null;
    }
    if (AFFILIATION.matcher(phrase).matches() && s >= 2 && ",".equals(tokens.get(s - 1).word())
        && "PERSON".equals(tokens.get(s - 2).ner())) {
      // "Sen. Ted Cruz, R-Texas, said": the party and state are the person's
      String person = lastBefore(text, tokens, s - 1, "PERSON");
      if (person != null) {
        name = person;
        type = "PERSON";
      }
    }
    String pronoun = tokens.get(s).word().toLowerCase(Locale.ROOT);
    if (s == e && PERSONAL.contains(pronoun)) {
      String resolved = lastPersonBefore(text, tokens, s, pronoun.equals("he") ? NameGenders.Gender.MALE
          : pronoun.equals("she") ? NameGenders.Gender.FEMALE : null);
      name = resolved == null ? phrase : resolved;
      type = resolved == null ? "OTHER" : "PERSON";
    } else if (s == e && pronoun.equals("it")) {
      String resolved = lastBefore(text, tokens, s, "ORGANIZATION");
      name = resolved == null ? phrase : resolved;
      type = resolved == null ? "OTHER" : "ORGANIZATION";
    } else if (e == s + 1 && pronoun.equals("the") && TITLES.containsKey(head)) {
      // "the president said": the last person named with that title ("President Obama")
      String resolved = lastTitled(text, tokens, s, TITLES.get(head));
      if (resolved != null) {
        name = resolved;
        type = "PERSON";
      }
    }
    return new Speaker(phrase, span, name, type, cue.word());
  }

  /**
   * @param titles how the title is written before a name ("President"; "Gov.", "Governor")
   * @return the last person named in the 400 tokens before with one of the titles right before the name
   */
  private static @Nullable String lastTitled(String text, List<CoreLabel> tokens, int before, Set<String> titles) {
    return lastNamed(text, tokens, before, "PERSON", (from, to) -> from > 0 && titles.contains(tokens.get(from - 1).word()));
  }

  /**
   * @param type the entity type ({@code PERSON}, {@code ORGANIZATION})
   * @param accept whether a name, tokens {@code from..to}, is the one looked for
   * @return the last entity of the type named in the 400 tokens before that is accepted, or {@code null}
   */
  private static @Nullable String lastNamed(String text, List<CoreLabel> tokens, int before, String type,
      java.util.function.BiPredicate<Integer, Integer> accept) {
    int i = before - 1;
    while (i >= Math.max(0, before - 400)) {
      if (!type.equals(tokens.get(i).ner())) {
        i--;
        continue;
      }
      int j = i;
      while (j - 1 >= 0 && type.equals(tokens.get(j - 1).ner())) {
        j--;
      }
      if (accept.test(j, i)) {
        return text.substring(tokens.get(j).beginPosition(), tokens.get(i).endPosition());
      }
      i = j - 1;
    }
    return null;
  }

  /** Offices by the noun after "the", with how the title is written before a name. */
  private static final java.util.Map<String, Set<String>> TITLES = java.util.Map.of(
      "president", Set.of("President", "Pres."),
      "senator", Set.of("Senator", "Sen."),
      "governor", Set.of("Governor", "Gov."),
      "mayor", Set.of("Mayor"),
      "congressman", Set.of("Rep.", "Representative", "Congressman"),
      "congresswoman", Set.of("Rep.", "Representative", "Congresswoman"),
      "secretary", Set.of("Secretary"),
      "justice", Set.of("Justice"),
      "judge", Set.of("Judge"),
      "chairman", Set.of("Chairman"));

  /**
   * @param gender the gender the pronoun gives ("she"), or {@code null}
   * @return the last person named in the 400 tokens before whose gender, where known, is the pronoun's:
   *     "she" after "Donald Trump ... Ginsburg" is Ginsburg. A person's gender is read from a title before
   *     the name (Mr., Mrs., Ms.) or its first name, and for a surname alone from a fuller mention before it
   */
  private static @Nullable String lastPersonBefore(String text, List<CoreLabel> tokens, int before,
      NameGenders.@Nullable Gender gender) {
    return lastNamed(text, tokens, before, "PERSON",
        (from, to) -> gender == null || genderOf(tokens, from, to) != gender.opposite());
  }

  /** @return the gender of the person named by tokens {@code from..to}, or {@code null} when unknown */
  private static NameGenders.@Nullable Gender genderOf(List<CoreLabel> tokens, int from, int to) {
    NameGenders.Gender g = from > 0 ? NameGenders.ofTitle(tokens.get(from - 1).word()) : null;
    if (g == null && to > from) {
      g = NameGenders.ofFirstName(tokens.get(from).word());
    }
    if (g != null || to > from) {
      return g;
    }
    // a surname alone: the fuller mention of it before
    String surname = tokens.get(from).word();
    for (int k = from - 1; k >= 1; k--) {
      if (surname.equals(tokens.get(k).word()) && "PERSON".equals(tokens.get(k).ner())) {
        int j = k;
        while (j - 1 >= 0 && "PERSON".equals(tokens.get(j - 1).ner())) {
          j--;
        }
        if (j < k || j > 0 && NameGenders.ofTitle(tokens.get(j - 1).word()) != null) {
          return genderOf(tokens, j, k);
        }
      }
    }
    return null;
  }

  /** @return the aside's words when they are a person's name (a title and punctuation aside), else {@code null} */
  private static @Nullable String personIn(String text, List<CoreLabel> tokens, int from, int to) {
    int s = from;
    int e = to;
    while (s <= e && !"PERSON".equals(tokens.get(s).ner())) {
      if (tokens.get(s).word().matches("\\p{L}+") && !"NNP".equals(tokens.get(s).tag())) {
        return null; // "a top Trump surrogate": a description, not a name
      }
      s++;
    }
    while (e >= s && !"PERSON".equals(tokens.get(e).ner())) {
      if (tokens.get(e).word().matches("\\p{L}+")) {
        return null;
      }
      e--;
    }
    for (int i = s; i <= e; i++) {
      if (!"PERSON".equals(tokens.get(i).ner())) {
        return null;
      }
    }
    return s > e ? null : text.substring(tokens.get(s).beginPosition(), tokens.get(e).endPosition());
  }

  /**
   * @return whether the phrase's common nouns ("NN", "NNS") are all things that cannot speak, and
   *     it has at least one
   */
  private static boolean onlyThings(List<CoreLabel> tokens, int s, int e) {
    boolean any = false;
    for (int i = s; i <= e; i++) {
      String tag = String.valueOf(tokens.get(i).tag());
      if (tag.equals("NN") || tag.equals("NNS")) {
        if (!Animacy.inanimate(tokens.get(i).word())) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /** @return the last entity of the type named in the 400 tokens before, or {@code null} */
  private static @Nullable String lastBefore(String text, List<CoreLabel> tokens, int before, String type) {
    return lastNamed(text, tokens, before, type, (from, to) -> true);
  }

  private static boolean inPhrase(CoreLabel t) {
    String tag = t.tag();
    return tag != null && NP_TAGS.contains(tag) && !isQuoteMark(t) && !isCue(t);
  }

  private static boolean isAuxiliaryOrAdverb(CoreLabel t) {
    String tag = t.tag();
    return tag != null && (tag.equals("RB") || tag.equals("MD") || (tag.startsWith("VB") && Set.of("have", "be", "do")
        .contains(String.valueOf(t.lemma()))));
  }

  /** @return whether the token is "of" between two nouns of one phrase ("the 34-year-old mother of three") */
  private static boolean ofInside(List<CoreLabel> tokens, int i, int floor) {
    return i - 1 > floor && i - 1 >= 0 && "of".equals(tokens.get(i).word())
        && String.valueOf(tokens.get(i - 1).tag()).startsWith("NN");
  }

  /** @return whether the token is "put" in "as X put it", which attributes like a speech verb */
  private static boolean putsIt(List<CoreLabel> tokens, int i) {
    return i + 1 < tokens.size() && "put".equals(String.valueOf(tokens.get(i).lemma()))
        && String.valueOf(tokens.get(i).tag()).startsWith("VB") && "it".equalsIgnoreCase(tokens.get(i + 1).word());
  }

  private static boolean isCue(CoreLabel t) {
    String tag = t.tag();
    return tag != null && tag.startsWith("VB") && CUES.contains(String.valueOf(t.lemma()).toLowerCase(Locale.ROOT));
  }

  private static boolean isDash(CoreLabel t) {
    String w = t.word();
    return w.equals("―") || w.equals("—") || w.equals("--") || w.equals("–");
  }

  private static boolean isAccordingTo(List<CoreLabel> tokens, int i) {
    return i + 1 < tokens.size() && tokens.get(i).word().equalsIgnoreCase("according")
        && tokens.get(i + 1).word().equalsIgnoreCase("to");
  }

  private static boolean isQuoteMark(CoreLabel t) {
    String w = t.word();
    return w.equals("``") || w.equals("''") || w.equals("\"") || w.equals("“") || w.equals("”") || w.equals("`")
        || w.equals("'") && "''".equals(t.tag());
  }

  private static int sentenceOf(CoreLabel t) {
    Integer s = t.sentIndex();
    return s == null ? -1 : s;
  }

  private static int firstTokenAtOrAfter(List<CoreLabel> tokens, int offset) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).beginPosition() >= offset) {
        return i;
      }
    }
    return -1;
  }

  private static int lastTokenBefore(List<CoreLabel> tokens, int offset) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (tokens.get(i).endPosition() <= offset) {
        return i;
      }
    }
    return -1;
  }
}
