package org.crosscheck.report;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short statement of a fact: its sentence trimmed to the main clause, for a reader who scans.
 * It only ever removes words, so it is made of the sentence's own words in their order (the first
 * letter may be capitalised, a cut marked {@code …}): a dateline ({@code (MENAFN)}, {@code SEOUL,
 * April 28 (Yonhap) --}), a reporting frame ({@code The report notes that}, {@code According to
 * KCNA,}), a leading subordinate clause ({@code Based on ..., }), a trailing attribution ({@code ,
 * the ministry said}, {@code , according to media reports}) or participle ({@code , marking the
 * first ...}), short parentheses; a statement still longer than {@value #MAX_WORDS} words is cut at
 * a clause boundary. The full sentence stays in the report. Stateless.
 */
public final class ShortStatement {
  /** Words a short statement runs to at most before it is cut at a clause boundary. */
  static final int MAX_WORDS = 28;
  /** Fewest words the rest must keep for a frame or clause to be removed. */
  private static final int MIN_REST = 5;

  private static final String VERBS = "said|says|stated|states|reported|reports|noted|notes|added|adds|explained|"
      + "explains|announced|announces|wrote|writes|told\\s+[^,]{1,40}|confirmed|confirms|indicated|indicates|"
      + "emphasi[sz]ed|stressed|underlined|pointed\\s+out|revealed";
  private static final List<Pattern> LEADING = List.of(
      // datelines: "(MENAFN) ", "SEOUL, April 28 (Yonhap) -- ", "KYIV — "
      Pattern.compile("^\\([^()]{1,40}\\)\\s*[-–—:]*\\s*"),
      Pattern.compile("^[A-Z][A-Z .'-]{2,30}(?:,\\s*[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2})?\\s*(?:\\([^()]{1,40}\\))?\\s*"
          + "(?:--|—|–)\\s*"),
      // reporting frames whose subject is a source ("The report notes that", "It stated that", "The KCNA also reported")
      Pattern.compile("^(?:[Ii]t|[Tt]hey|[Hh]e|[Ss]he|(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)?\\s*(?:[\\p{L}'’().-]+\\s+)"
          + "{0,4}?(?:report|statement|agency|ministry|commission|announcement|outlet|media|newspaper|KCNA|officials?|"
          + "[A-Z]{2,6}))\\s+(?:also\\s+|further\\s+|later\\s+|then\\s+)?(?:" + VERBS + ")\\s+(?:that\\s+|,\\s*)"),
      Pattern.compile("^(?:[Aa]ccording\\s+to|[Cc]iting|[Ii]n\\s+a\\s+statement|[Ii]n\\s+response\\s+to)\\b[^,;\"“”]{1,90},\\s*"),
      Pattern.compile("^(?:[Bb]ased\\s+on|[Aa]fter|[Ff]ollowing|[Ww]hile|[Aa]lthough|[Tt]hough|[Dd]espite|[Aa]mid|"
          + "[Aa]s\\s+part\\s+of)\\b[^;\"“”]{1,200}?,\\s+"
          + "(?!(?:with|by|in|on|at|for|to|from|including|and|but|or|as|which|who)\\b)(?=\\S)"),
      Pattern.compile("^[Tt]his\\s+comes\\s+(?:after|as|amid)\\s+"));
  private static final List<Pattern> TRAILING = List.of(
      // ", according to media reports." / ", the ministry said." / ", said Koo Byung-sam."
      Pattern.compile(",\\s*according\\s+to\\s+[^,;\"“”]{1,80}(?=[.!?]?$)"),
      Pattern.compile(",\\s*(?:(?:the|a|an)\\s+)?[\\p{L}'’ .-]{1,50}?\\s+(?:" + VERBS + ")(?:\\s+on\\s+\\p{L}+)?(?=[.!?]?$)"),
      Pattern.compile("(?<=[”\"’']),?\\s*(?:" + VERBS + ")\\s+[^\"“”]{1,60}(?=[.!?]?$)"),
      Pattern.compile(",\\s*(?:marking|referring|citing|noting|adding|saying|emphasi[sz]ing|underscoring|highlighting|"
          + "signall?ing|calling|describing|urging)\\b[^\"“”;]{1,200}(?=[.!?]?$)"));
  private static final Pattern PARENTHESES = Pattern.compile("\\s*\\([^()]{1,40}\\)");
  private static final Pattern CLAUSE_BREAK = Pattern.compile(",\\s+(?:and|but|while|which|as|after|with)\\s|;\\s|,\\s+"
      + "|\\s+(?:and\\s+that|while|whereas)\\s");

  private ShortStatement() {}

  /**
   * @param sentence a fact's sentence, as the report gives it
   * @return its short statement; the sentence itself (whitespace collapsed) when nothing can be trimmed
   */
  public static String of(String sentence) {
    String s = sentence.replaceAll("\\s+", " ").strip();
    String end = s.isEmpty() ? "" : endOf(s);
    String body = s.substring(0, s.length() - end.length());
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Pattern p : LEADING) {
        String next = removeIfLongEnough(body, p.matcher(body));
        changed |= !next.equals(body);
        body = next;
      }
      for (Pattern p : TRAILING) {
        String next = removeIfLongEnough(body, p.matcher(body));
        changed |= !next.equals(body);
        body = next;
      }
    }
    body = PARENTHESES.matcher(body).replaceAll("").strip();
    body = cut(body);
    body = body.replaceAll("[,;:\\s]+$", "").replaceAll(",([\"”’']+)$", "$1");
    if (body.isEmpty()) {
      return s;
    }
    int first = 0;
    while (first < body.length() - 1 && !Character.isLetterOrDigit(body.charAt(first))) {
      first++;
    }
    String out = body.substring(0, first) + Character.toUpperCase(body.charAt(first)) + body.substring(first + 1);
    if (!out.endsWith("…")) {
      out += end.isEmpty() ? "." : end;
    }
    return balanceQuotes(out, s);
  }

  /** @return the sentence's closing punctuation and quotation marks ("." or ".”" or "?"), or "" */
  private static String endOf(String s) {
    Matcher m = Pattern.compile("[.!?]+[”\"’']*$").matcher(s);
    return m.find() ? m.group() : "";
  }

  private static String removeIfLongEnough(String body, Matcher m) {
    if (!m.find()) {
      return body;
    }
    String rest = (body.substring(0, m.start()) + " " + body.substring(m.end())).strip();
    return words(rest) >= MIN_REST ? rest.replaceAll("\\s+", " ") : body;
  }

  /** @return the statement cut at the last clause boundary before {@link #MAX_WORDS} words, marked "…" */
  private static String cut(String body) {
    if (words(body) <= MAX_WORDS) {
      return body;
    }
    int limit = offsetOfWord(body, MAX_WORDS);
    int best = -1;
    Matcher m = CLAUSE_BREAK.matcher(body);
    while (m.find() && m.start() < limit) {
      if (words(body.substring(0, m.start())) >= 8) {
        best = m.start();
      }
    }
    int at = best > 0 ? best : limit;
    return body.substring(0, at).replaceAll("[,;:\\s]+$", "") + "…";
  }

  private static int offsetOfWord(String s, int n) {
    Matcher m = Pattern.compile("\\S+").matcher(s);
    int count = 0;
    while (m.find()) {
      if (++count == n) {
        return m.end();
      }
    }
    return s.length();
  }

  private static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /** @return the text with a closing quotation mark added where an opening one lost its close to a cut */
  private static String balanceQuotes(String s, String sentence) {
    long unclosed = count(s, '“') - count(s, '”');
    String out = s;
    if (unclosed > 0 && unclosed > count(sentence, '“') - count(sentence, '”')) {
      out = insertBeforeEnd(out, "”");
    }
    if (count(s, '"') % 2 != count(sentence, '"') % 2) {
      out = insertBeforeEnd(out, "\"");
    }
    return out;
  }

  private static long count(String s, char c) {
    return s.chars().filter(x -> x == c).count();
  }

  private static String insertBeforeEnd(String s, String mark) {
    Matcher m = Pattern.compile("[.!?…]+$").matcher(s);
    return m.find() ? s.substring(0, m.start()) + mark + s.substring(m.start()) : s + mark;
  }

  /** @return the lower-case words (letters and digits) of a text, for comparing a statement with its sentence */
  static List<String> wordsOf(String s) {
    return java.util.Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
        .toList();
  }
}
