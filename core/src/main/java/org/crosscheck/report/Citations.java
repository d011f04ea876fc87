package org.crosscheck.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a report's citations and outlets are shown to a reader: a span as its outlet and paragraph
 * ({@code MENAFN ¶3}) rather than {@code a-362f5e26ba6fc5ee:0-220}, and an outlet the articles never
 * name by its domain or file ({@code 003_f081b1e3fe4d48df.txt}) rather than {@code unknown (...)},
 * with the explanation given once ({@link #unnamed()}). Computed from the report and its articles'
 * stored texts; the report itself is not changed. Immutable and thread-safe.
 */
public final class Citations {
  private static final Pattern UNKNOWN = Pattern.compile("unknown \\((.+)\\)");
  private static final Pattern UNKNOWN_IN_TEXT = Pattern.compile("unknown \\(([^()]+)\\)");
  private static final Pattern DOMAIN = Pattern.compile("(?:[a-z0-9-]+\\.)+[a-z]{2,}");
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");
  /** Longest outlet name in a citation label; longer ones are cut with an ellipsis (the full name is in the list). */
  static final int LABEL_MAX = 28;

  /** Display outlet by article id. */
  private final Map<String, String> outletOf;
  /** Number of the article among its outlet's articles, for outlets with several in the story. */
  private final Map<String, Integer> ordinal;
  /** Paragraph start offsets by article id, for the articles whose text was given. */
  private final Map<String, int[]> paragraphs;
  private final Map<String, String> unnamed;

  private Citations(Map<String, String> outletOf, Map<String, Integer> ordinal, Map<String, int[]> paragraphs,
      Map<String, String> unnamed) {
    this.outletOf = outletOf;
    this.ordinal = ordinal;
    this.paragraphs = paragraphs;
    this.unnamed = unnamed;
  }

  /**
   * @param r a report
   * @return its citations labelled by outlet alone (no article texts to number paragraphs from)
   */
  public static Citations of(StoryReport r) {
    return of(r, id -> Optional.empty());
  }

  /**
   * @param r a report
   * @param store the store holding its articles
   * @return its citations labelled by outlet and paragraph, the paragraphs read from the stored texts
   */
  public static Citations of(StoryReport r, org.crosscheck.store.ArticleStore store) {
    return of(r, id -> store.get(new org.crosscheck.model.ArticleId(id)).map(org.crosscheck.model.Article::text));
  }

  /**
   * @param r a report
   * @param texts the stored text of an article by its id, empty when it is not at hand
   * @return its citations labelled by outlet and paragraph
   */
  public static Citations of(StoryReport r, Function<String, Optional<String>> texts) {
    Map<String, String> outletOf = new HashMap<>();
    Map<String, List<String>> byOutlet = new LinkedHashMap<>();
    Map<String, String> unnamed = new LinkedHashMap<>();
    Map<String, int[]> paragraphs = new HashMap<>();
    for (StoryReport.ArticleRef a : r.story().articles()) {
      String shown = a.outlet() == null ? a.id() : outlet(a.outlet());
      outletOf.put(a.id(), shown);
      byOutlet.computeIfAbsent(shown, o -> new ArrayList<>()).add(a.id());
      if (a.outlet() != null) {
        Matcher m = UNKNOWN.matcher(a.outlet());
        if (m.matches()) {
          unnamed.putIfAbsent(shown, "file");
        } else if (DOMAIN.matcher(a.outlet()).matches()) {
          unnamed.putIfAbsent(shown, "domain");
        }
      }
      texts.apply(a.id()).ifPresent(t -> paragraphs.put(a.id(), paragraphStarts(t)));
    }
    Map<String, Integer> ordinal = new HashMap<>();
    byOutlet.values().stream().filter(ids -> ids.size() > 1).forEach(ids -> {
      for (int i = 0; i < ids.size(); i++) {
        ordinal.put(ids.get(i), i + 1);
      }
    });
    return new Citations(outletOf, ordinal, paragraphs, unnamed);
  }

  /**
   * @param outlet an outlet as the report names it
   * @return how it is shown: its name, or for an outlet the article does not name ({@code unknown (FILE)}) the
   *     file or domain it came from
   */
  public static String outlet(@Nullable String outlet) {
    if (outlet == null) {
      return "unknown";
    }
    Matcher m = UNKNOWN.matcher(outlet);
    return m.matches() ? m.group(1) : outlet;
  }

  /** @return the text with every outlet named {@code unknown (FILE)} in it shown by its file */
  public static String shown(String text) {
    return UNKNOWN_IN_TEXT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
  }

  /** @return the outlets as shown, joined by commas */
  public static String outlets(List<String> outlets) {
    return String.join(", ", outlets.stream().map(Citations::outlet).toList());
  }

  /**
   * @return the outlets named by no article, as shown, each with what they are shown by ({@code file} or
   *     {@code domain}), in story order: for a note given once
   */
  public Map<String, String> unnamed() {
    return java.util.Collections.unmodifiableMap(unnamed);
  }

  /**
   * @return one sentence saying which outlets no article names and what they are shown by ("2 outlets are named in
   *     none of their articles and shown by their file: a.txt, b.txt."), or {@code null} when every outlet is named
   */
  public @Nullable String unnamedNote() {
    if (unnamed.isEmpty()) {
      return null;
    }
    java.util.Set<String> kinds = new java.util.TreeSet<>(unnamed.values());
    String by = String.join(" or ", kinds);
    return unnamed.size() == 1
        ? "1 outlet is named in none of its articles and shown by its " + by + ": " + unnamed.keySet().iterator().next() + "."
        : unnamed.size() + " outlets are named in none of their articles and shown by their " + by + ": "
            + String.join(", ", unnamed.keySet()) + ".";
  }

  /** @return the outlet of the cited article as shown, or the article id when the report does not list it */
  public String outletOf(StoryReport.Evidence x) {
    return outletOf.getOrDefault(x.article(), x.article());
  }

  /**
   * @return the number (from 1) of the paragraph of its article the span starts in, or {@code null} when the
   *     article's text is not at hand or the span lies outside it
   */
  public @Nullable Integer paragraph(StoryReport.Evidence x) {
    int[] starts = paragraphs.get(x.article());
    if (starts == null || x.start() < 0) {
      return null;
    }
    int i = java.util.Arrays.binarySearch(starts, x.start());
    return i >= 0 ? i + 1 : Math.max(1, -i - 1);
  }

  /**
   * @return the span's label: its outlet (numbered when the outlet has several articles in the story) and
   *     paragraph, {@code MENAFN ¶3}, {@code Yonhap 2 ¶1}; the outlet alone when the paragraph is unknown
   */
  public String label(StoryReport.Evidence x) {
    String outlet = outletOf(x);
    if (outlet.length() > LABEL_MAX) {
      outlet = outlet.substring(0, LABEL_MAX - 1) + "…";
    }
    Integer n = ordinal.get(x.article());
    Integer p = paragraph(x);
    return outlet + (n == null ? "" : " " + n) + (p == null ? "" : " ¶" + p);
  }

  /** @return the article's number among its outlet's articles in the story, or {@code null} when it is the only one */
  public @Nullable Integer ordinal(String articleId) {
    return ordinal.get(articleId);
  }

  /**
   * Paragraphs are the text's blank-line separated blocks; a text with no blank line has a paragraph a line.
   *
   * @param text an article's stored text
   * @return the offset of each paragraph's first character, ascending
   */
  static int[] paragraphStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    Pattern separator = BLANK_LINE.matcher(text).find() ? BLANK_LINE : Pattern.compile("\\n");
    Matcher m = separator.matcher(text);
    int from = 0;
    while (true) {
      int end = m.find(from) ? m.start() : text.length();
      int s = skipSpace(text, from, end);
      if (s < end) {
        starts.add(s);
      }
      if (end == text.length()) {
        break;
      }
      from = m.end();
    }
    if (starts.isEmpty()) {
      starts.add(0);
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int skipSpace(String text, int from, int end) {
    int i = from;
    while (i < end && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
