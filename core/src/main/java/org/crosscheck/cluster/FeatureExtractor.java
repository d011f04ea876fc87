package org.crosscheck.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crosscheck.model.Article;
import org.jspecify.annotations.Nullable;

/**
 * Turns an article into {@link ArticleFeatures} with plain rules, no NLP model; works on ordinary
 * and on tokenized text ({@code Kim Jong Un , leader .}). Words: lowercased, possessive and plural
 * {@code s} stripped, hyphenated words split, stop words dropped. Names: runs of capitalised words
 * (joined by of, de, van, al, ...), not counting a sentence's first word unless it is capitalised
 * elsewhere too, and skipping title-case lines (headlines). Stateless and thread-safe.
 */
final class FeatureExtractor {
  private static final Set<String> STOP = load("stopwords-en.txt");
  /** Month names and abbreviations as {@link #tokens} returns them (an abbreviation keeps its full stop only inside a token), to the month number. */
  private static final Map<String, Integer> MONTH_NAMES = monthNames();
  /** The same in lower case, as names are compared. */
  private static final Set<String> MONTHS = MONTH_NAMES.keySet().stream().map(m -> m.toLowerCase(Locale.ROOT))
      .collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Set<String> NAME_JOIN = Set.of("of", "de", "la", "van", "von", "al", "bin", "der", "du", "le",
      "da", "del");
  private static final Set<String> HONORIFIC = Set.of("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "st");
  private static final Set<String> COMMON_SENTENCE_START = Set.of("but", "and", "as", "in", "on", "at", "after",
      "before", "when", "while", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "a", "an",
      "the", "there", "here", "if", "so", "for", "with", "from", "by", "however", "meanwhile", "still", "also", "now",
      "then", "yet", "although", "though", "since", "because");
  private static final Pattern CLITIC_S = Pattern.compile("\\s+'s\\b");
  private static final Pattern CLITIC_NT = Pattern.compile("\\s+n't\\b");
  private static final Pattern YEAR = Pattern.compile("\\b(19[5-9]\\d|20[0-3]\\d)\\b");
  private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+(?=[\"'\\p{Lu}])");
  private static final String SENTENCE_MARKS = ".!?:;\"\u201c\u201d\u2014-(";

  private FeatureExtractor() {}

  static ArticleFeatures extract(Article a) {
    String text = normalize(a.text());
    String title = a.title() == null ? "" : normalize(a.title());
    List<String> sentences = sentences(text, 3);
    StringBuilder head = new StringBuilder(title);
    for (String s : sentences.subList(0, Math.min(2, sentences.size()))) {
      head.append('\n').append(s);
    }
    EnumMap<Field, Map<String, Integer>> counts = new EnumMap<>(Field.class);
    counts.put(Field.BODY, words(title + "\n" + text));
    counts.put(Field.LEAD, words(head.toString()));
    List<List<String>> nameLines = new ArrayList<>();
    List<String> titleTokens = tokens(title, true);
    if (!title.isEmpty() && !isTitleCase(titleTokens)) {
      nameLines.add(titleTokens);
    }
    for (String line : text.split("\n")) {
      List<String> tokens = tokens(line, true);
      if (!isTitleCase(tokens)) {
        nameLines.add(tokens);
      }
    }
    counts.put(Field.NAMES, names(nameLines));
    Map<String, Integer> nums = new HashMap<>();
    for (String n : numbers(title + "\n" + text)) {
      nums.merge(n.replace(",", ""), 1, Integer::sum);
    }
    counts.put(Field.NUMS, nums);
    StringBuilder yearsText = new StringBuilder(title);
    for (String s : sentences.subList(0, Math.min(3, sentences.size()))) {
      yearsText.append('\n').append(s);
    }
    Set<String> years = new HashSet<>();
    Matcher y = YEAR.matcher(yearsText);
    while (y.find()) {
      years.add(y.group(1));
    }
    Long day = a.published().localDate().map(d -> d.toEpochDay()).orElse(null);
    return new ArticleFeatures(counts, years, day, months(title + "\n" + text, day));
  }

  /**
   * The months a text names, each resolved to a year: the year written within the next four tokens
   * ("January 5, 2013", "March 2014"), else the latest such month not after the publication date
   * (in a paper of 2015-03-31, "January" is January 2015 and "December" December 2014). A month is
   * its name capitalised ("May" but not "may") or its abbreviation ("Sept.").
   *
   * @param day the publication date as an epoch day, or null
   * @return the months as ascending, distinct epoch months ({@link StorySimilarity#epochMonth});
   *     months without a written year are left out when the date is unknown
   */
  static int[] months(String text, @Nullable Long day) {
    java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
    java.time.LocalDate published = day == null ? null : java.time.LocalDate.ofEpochDay(day);
    // only a capital that starts a word can start a month: the text is tokenized only around those
    for (int at = nextMonthInitial(text, 0); at >= 0; at = nextMonthInitial(text, at + 1)) {
      int end = at;
      while (end < text.length() && isWordChar(text.charAt(end))) {
        end++;
      }
      Integer m = end - at >= 3 ? MONTH_NAMES.get(text.substring(at, end)) : null;
      if (m == null) {
        continue;
      }
      List<String> tokens = tokens(text.substring(end, Math.min(text.length(), end + 24)), true);
      int year = writtenYear(tokens, 0);
      if (year == 0 && published != null) {
        year = m > published.getMonthValue() ? published.getYear() - 1 : published.getYear();
      }
      if (year != 0) {
        out.add(StorySimilarity.epochMonth(year, m));
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** @return where the next word starting with the initial of a month's name starts, or -1 */
  private static int nextMonthInitial(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == 'J' || c == 'F' || c == 'M' || c == 'A' || c == 'S' || c == 'O' || c == 'N' || c == 'D')
          && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }

  /** @return the year (1950-2039) among the four tokens from {@code from}, before any word; 0 when none */
  private static int writtenYear(List<String> tokens, int from) {
    for (int j = from; j < Math.min(tokens.size(), from + 4); j++) {
      String t = tokens.get(j);
      if (t.length() == 4 && YEAR.matcher(t).matches()) {
        return Integer.parseInt(t);
      }
      if (Character.isLetter(t.charAt(0))) {
        return 0;
      }
    }
    return 0;
  }

  /** Unifies quote marks and re-attaches tokenized clitics ({@code family 's}, {@code do n't}). */
  static String normalize(String t) {
    String u = t.replace('\u2019', '\'').replace('\u2018', '\'').replace("``", "\"").replace("''", "\"");
    if (!hasDetached(u, "'s") && !hasDetached(u, "n't")) {
      return u; // most text is not tokenized: skip the two regular expressions
    }
    return CLITIC_NT.matcher(CLITIC_S.matcher(u).replaceAll("'s")).replaceAll("n't");
  }

  /** @return whether the clitic occurs right after white space, as {@link #CLITIC_S} and {@link #CLITIC_NT} need */
  private static boolean hasDetached(String text, String clitic) {
    for (int i = text.indexOf(clitic, 1); i >= 0; i = text.indexOf(clitic, i + 1)) {
      char c = text.charAt(i - 1);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B') {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the numbers in the text, as {@code \d+(?:[.,]\d+)*} finds them (ASCII digits, with
   *     inner dots and commas), scanned by hand because the expression was a tenth of the reading cost
   */
  static List<String> numbers(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      while (i + 1 < n && (text.charAt(i) == '.' || text.charAt(i) == ',') && isDigit(text.charAt(i + 1))) {
        i++;
        while (i < n && isDigit(text.charAt(i))) {
          i++;
        }
      }
      out.add(text.substring(start, i));
    }
    return out;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** @return the sentences of the text: its lines, split after {@code .!?} before a quote or capital */
  static List<String> sentences(String text) {
    return sentences(text, Integer.MAX_VALUE);
  }

  /** @return the first {@code n} sentences of the text, or all when it has fewer; the rest is not read */
  static List<String> sentences(String text, int n) {
    List<String> out = new ArrayList<>();
    int from = 0;
    while (from <= text.length() && out.size() < n) {
      int end = text.indexOf('\n', from);
      if (end < 0) {
        end = text.length();
      }
      for (String s : SENTENCE_BREAK.split(text.substring(from, end).strip())) {
        if (!s.isBlank() && out.size() < n) {
          out.add(s.strip());
        }
      }
      from = end + 1;
    }
    return out;
  }

  static Map<String, Integer> words(String text) {
    Map<String, Integer> out = new HashMap<>();
    for (String token : tokens(text, false)) {
      String w = token.toLowerCase(Locale.ROOT);
      if (w.endsWith("'s")) {
        w = w.substring(0, w.length() - 2);
      }
      for (String p : w.split("-")) {
        boolean digits = !p.isEmpty() && p.chars().allMatch(Character::isDigit);
        if ((p.length() < 2 && !digits) || STOP.contains(p)) {
          continue;
        }
        out.merge(digits ? p : stem(p), 1, Integer::sum);
      }
    }
    return out;
  }

  /** Drops a plural {@code s} (not from {@code ss}, {@code us}, {@code is}) from words longer than three letters. */
  static String stem(String w) {
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  /**
   * Splits text into words: runs of letters and digits joined by single hyphens or apostrophes
   * (and, when {@code names}, full stops, as in {@code U.S}). When {@code names}, every other
   * character that is not white space is a token of its own. A hand-written scanner: a regular
   * expression cost several times as much.
   */
  static List<String> tokens(String text, boolean names) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!isWordChar(c)) {
        if (names && !Character.isWhitespace(c)) {
          out.add(String.valueOf(c));
        }
        i++;
        continue;
      }
      int start = i;
      while (i < n && isWordChar(text.charAt(i))) {
        i++;
      }
      while (i + 1 < n && isJoiner(text.charAt(i), names) && isWordChar(text.charAt(i + 1))) {
        i++;
        while (i < n && isWordChar(text.charAt(i))) {
          i++;
        }
      }
      out.add(text.substring(start, i));
    }
    return out;
  }

  private static boolean isJoiner(char c, boolean names) {
    return c == '-' || c == '\'' || (names && c == '.');
  }

  /** @return whether the character is a letter or a number ({@code \p{L}} or {@code \p{N}}) */
  private static boolean isWordChar(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  private static boolean isTitleCase(List<String> tokens) {
    int words = 0;
    int capitals = 0;
    for (String t : tokens) {
      if (Character.isLetter(t.charAt(0))) {
        words++;
        capitals += Character.isUpperCase(t.charAt(0)) ? 1 : 0;
      }
    }
    return words >= 3 && capitals > 0.6 * words;
  }

  /** A run of capitalised words, and whether it opens a sentence. */
  private record Run(List<String> words, boolean sentenceInitial) {}

  private static Map<String, Integer> names(List<List<String>> lines) {
    List<Run> runs = new ArrayList<>();
    for (List<String> line : lines) {
      runs(line, runs);
    }
    Set<String> capitalisedInside = new HashSet<>();
    for (Run r : runs) {
      for (int i = 0; i < r.words().size(); i++) {
        if (!(r.sentenceInitial() && i == 0)) {
          capitalisedInside.add(r.words().get(i).toLowerCase(Locale.ROOT));
        }
      }
    }
    Map<String, Integer> out = new HashMap<>();
    for (Run run : runs) {
      List<String> r = new ArrayList<>(run.words());
      String first = r.get(0).toLowerCase(Locale.ROOT);
      if (run.sentenceInitial() && (STOP.contains(first) || COMMON_SENTENCE_START.contains(first)
          || (r.size() == 1 && !capitalisedInside.contains(first)))) {
        r.remove(0);
      }
      while (!r.isEmpty() && NAME_JOIN.contains(r.get(0).toLowerCase(Locale.ROOT))) {
        r.remove(0);
      }
      List<String> ws = new ArrayList<>();
      for (String w : r) {
        String x = w.toLowerCase(Locale.ROOT).replace("'s", "");
        while (x.endsWith(".")) {
          x = x.substring(0, x.length() - 1);
        }
        if (!x.isEmpty()) {
          ws.add(x);
        }
      }
      if (ws.isEmpty() || (ws.size() == 1 && (STOP.contains(ws.get(0)) || MONTHS.contains(ws.get(0))))) {
        continue;
      }
      out.merge(String.join(" ", ws), 1, Integer::sum);
    }
    return out;
  }

  private static void runs(List<String> line, List<Run> out) {
    List<String> run = new ArrayList<>();
    boolean runInitial = false;
    boolean sentenceStart = true;
    for (String t : line) {
      if (Character.isLetterOrDigit(t.charAt(0))) {
        boolean cap = Character.isUpperCase(t.charAt(0));
        String lower = t.toLowerCase(Locale.ROOT);
        if (cap && HONORIFIC.contains(lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower)) {
          flush(run, runInitial, out);
          sentenceStart = false;
          continue;
        }
        if (cap) {
          if (run.isEmpty()) {
            runInitial = sentenceStart;
          }
          run.add(t);
        } else if (!run.isEmpty() && NAME_JOIN.contains(lower)) {
          run.add(t);
        } else {
          flush(run, runInitial, out);
        }
        sentenceStart = false;
      } else {
        flush(run, runInitial, out);
        if (SENTENCE_MARKS.indexOf(t.charAt(0)) >= 0) {
          sentenceStart = true;
        }
      }
    }
    flush(run, runInitial, out);
  }

  private static void flush(List<String> run, boolean initial, List<Run> out) {
    while (!run.isEmpty() && NAME_JOIN.contains(run.getLast().toLowerCase(Locale.ROOT))) {
      run.removeLast();
    }
    if (!run.isEmpty()) {
      out.add(new Run(List.copyOf(run), initial));
    }
    run.clear();
  }

  private static Map<String, Integer> monthNames() {
    Map<String, Integer> out = new HashMap<>();
    String[] full = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December"};
    for (int m = 0; m < 12; m++) {
      out.put(full[m], m + 1);
    }
    String[] abbr = {"Jan", "Feb", "Mar", "Apr", "", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"};
    for (int m = 0; m < 12; m++) {
      if (!abbr[m].isEmpty()) {
        out.put(abbr[m], m + 1);
      }
    }
    out.put("Sep", 9);
    return Map.copyOf(out);
  }

  private static Set<String> load(String resource) {
    try (InputStream in = FeatureExtractor.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      Set<String> words = new HashSet<>();
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(words::add);
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
