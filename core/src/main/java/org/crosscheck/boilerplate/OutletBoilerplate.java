package org.crosscheck.boilerplate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crosscheck.model.Article;
import org.crosscheck.model.TextSpan;
import org.crosscheck.store.BoilerplateStore;
import org.jspecify.annotations.Nullable;

/**
 * Learns, per outlet and online, the lines it puts on many of its pages ("For more neighborhood
 * news, listen to DNAinfo Radio here:", "Copyright 2015 WMC Action News 5. All rights reserved.",
 * "Please enable Javascript to watch this video"), and takes them out of the text that duplicate
 * detection and clustering see, so that two unrelated articles of one outlet do not look alike for
 * what the outlet adds to both. Titles lose the outlet's name and slogan the same way ({@link
 * TitleSegments}: "... - KSLA News 12 Shreveport, Louisiana News Weather"). The stored article
 * keeps its whole title and text.
 *
 * <p>A line is boilerplate of an outlet once it has occurred in {@value #MIN_ARTICLES} of the
 * outlet's earlier articles. Only lines of at most {@value #MAX_LINE_WORDS} words count: a
 * paragraph of background that follow-ups of one story repeat is longer, and stays. Lines are
 * compared lower-cased, with digits as 0 (so the copyright line of every year is one) and white
 * space collapsed. The counts live in the store ({@link BoilerplateStore}) and survive a restart;
 * no second pass over stored articles is ever needed. The lines known to be boilerplate are also
 * kept in memory (loaded when made, updated as articles are learned), so that taking them out, on
 * the thread that reads articles, never waits for the store. Thread-safe.
 */
public final class OutletBoilerplate {
  /** Earlier articles of an outlet a line must have occurred in to be its boilerplate. */
  public static final int MIN_ARTICLES = 3;
  /** Longest line, in words, that can be boilerplate. */
  public static final int MAX_LINE_WORDS = 40;

  private final BoilerplateStore store;
  /**
   * An outlet's boilerplate lines as known at one moment, numbered: a new set replaces the old
   * whenever a line is learned, so that a version names exactly the lines that were taken out.
   */
  private record Known(int version, Map<Long, Integer> learnedIn) {
    static final Known NONE = new Known(0, Map.of());

    /** @return the hashes of the boilerplate lines */
    Set<Long> lines() {
      return learnedIn.keySet();
    }
  }

  /** Per outlet, the hashes of its boilerplate lines. */
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  /** @param store where the counts are kept; the lines it knows as boilerplate are read now */
  public OutletBoilerplate(BoilerplateStore store) {
    this.store = Objects.requireNonNull(store, "store");
    store.linesSeenAtLeast(MIN_ARTICLES).forEach(this::add);
  }

  private void add(String outlet, java.util.Collection<Long> lines) {
    known.compute(outlet, (o, k) -> {
      Known was = k == null ? Known.NONE : k;
      if (was.lines().containsAll(lines)) {
        return was;
      }
      Map<Long, Integer> learnedIn = new java.util.HashMap<>(was.learnedIn());
      for (long line : lines) {
        learnedIn.putIfAbsent(line, was.version() + 1);
      }
      return new Known(was.version() + 1, Map.copyOf(learnedIn));
    });
  }

  /**
   * An article as matching sees it, and what of its outlet's boilerplate was known then.
   *
   * @param article the article without its outlet's boilerplate ({@link #withoutBoilerplate})
   * @param version the version of the lines known (it grows each time a line of the outlet is learned)
   * @param lines the hashes of the article's lines and title segments that could be boilerplate
   */
  public record Stripped(Article article, int version, long[] lines) {
    /** @return the article as it is, nothing known of its outlet's boilerplate */
    public static Stripped asIs(Article article) {
      return new Stripped(article, 0, new long[0]);
    }
  }

  /**
   * @param article an article
   * @return {@link #withoutBoilerplate} with the version of the lines it took out
   */
  public Stripped strip(Article article) {
    if (article.outlet() == null) {
      return Stripped.asIs(article);
    }
    Known k = known.getOrDefault(article.outlet(), Known.NONE);
    List<Line> lines = candidateLines(article.text());
    return new Stripped(withoutBoilerplate(article, k.lines(), lines), k.version(), hashes(lines, article.title()));
  }

  /**
   * @param original the article as stored
   * @param stripped what {@link #strip} made of it
   * @return whether a line of the article has been learned as its outlet's boilerplate since, so
   *     that stripping it now takes out more
   */
  public boolean stale(Article original, Stripped stripped) {
    if (original.outlet() == null) {
      return false;
    }
    Known k = known.getOrDefault(original.outlet(), Known.NONE);
    if (k.version() == stripped.version()) {
      return false;
    }
    for (long line : stripped.lines()) {
      Integer learned = k.learnedIn().get(line);
      if (learned != null && learned > stripped.version()) {
        return true;
      }
    }
    return false;
  }

  /** A line of a text that could be boilerplate: where it is (without its line end) and its hash. */
  private record Line(TextSpan span, long hash) {}

  /** @return the text's lines of at most {@link #MAX_LINE_WORDS} words, in order */
  private static List<Line> candidateLines(String text) {
    List<Line> out = new java.util.ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      if (candidate(line)) {
        out.add(new Line(new TextSpan(start, end), hash(line)));
      }
      start = end + 1;
    }
    return out;
  }

  /** @return the distinct hashes of the lines and of the title's segments: what is counted for an outlet */
  private static long[] hashes(List<Line> lines, @Nullable String title) {
    Set<Long> distinct = new LinkedHashSet<>();
    lines.forEach(l -> distinct.add(l.hash()));
    distinct.addAll(TitleSegments.hashes(title));
    return distinct.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * @param article an article
   * @return the article with its outlet's boilerplate lines taken out of its text, for matching
   *     only (same id; the text no longer hashes to it); the article itself when it has none, when
   *     its outlet is unknown, or when nothing but boilerplate would be left
   */
  public Article withoutBoilerplate(Article article) {
    if (article.outlet() == null) {
      return article;
    }
    Set<Long> boilerplate = known.getOrDefault(article.outlet(), Known.NONE).lines();
    return withoutBoilerplate(article, boilerplate,
        boilerplate.isEmpty() ? List.of() : candidateLines(article.text()));
  }

  private Article withoutBoilerplate(Article article, Set<Long> boilerplate, List<Line> lines) {
    String title = TitleSegments.headline(article.title(), article.outlet(), boilerplate);
    if (boilerplate.isEmpty()) {
      return Objects.equals(title, article.title()) ? article : copy(article, title, article.text());
    }
    String all = article.text();
    List<TextSpan> spans = spans(lines, boilerplate);
    StringBuilder kept = new StringBuilder();
    boolean removed = !spans.isEmpty();
    int from = 0;
    for (TextSpan span : spans) {
      kept.append(all, from, span.start());
      from = Math.min(all.length(), span.end() + 1); // the line with its end
    }
    kept.append(all, from, all.length());
    String text = !removed || kept.toString().isBlank() ? article.text() : kept.toString().strip();
    if (Objects.equals(title, article.title()) && text.equals(article.text())) {
      return article;
    }
    return copy(article, title, text);
  }

  private static Article copy(Article article, @Nullable String title, String text) {
    return new Article(article.id(), article.outlet(), article.url(), title, article.published(),
        article.language(), text, article.textKind(), article.provenance(), article.goldStory(),
        article.notes(), article.sourceId());
  }

  /**
   * @param article an article
   * @param store where its outlet's lines are counted
   * @return the spans of the article's text that are lines its outlet puts on many pages, in order
   */
  public static List<TextSpan> boilerplateLines(Article article, BoilerplateStore store) {
    if (article.outlet() == null) {
      return List.of();
    }
    Set<Long> known = new java.util.HashSet<>(store.linesOf(article.outlet(), MIN_ARTICLES));
    return known.isEmpty() ? List.of() : spans(candidateLines(article.text()), known);
  }

  /** @return the spans of the lines whose hashes are among the given */
  private static List<TextSpan> spans(List<Line> lines, Set<Long> boilerplate) {
    return lines.stream().filter(l -> boilerplate.contains(l.hash())).map(Line::span).toList();
  }

  /**
   * Counts the article's lines for its outlet. Call once per newly stored article, in the
   * transaction that stores it.
   *
   * @param article a newly stored article
   */
  public void learn(Article article) {
    learn(article, null);
  }

  /**
   * As {@link #learn(Article)}, with the line hashes {@link #strip} already took of the article.
   *
   * @param article a newly stored article
   * @param stripped what {@link #strip} made of it, or null
   */
  public void learn(Article article, @Nullable Stripped stripped) {
    if (article.outlet() == null) {
      return;
    }
    long[] distinct = stripped != null ? stripped.lines() : hashes(candidateLines(article.text()), article.title());
    if (distinct.length > 0) {
      List<Long> now = store.countLines(article.outlet(), distinct, MIN_ARTICLES);
      if (!now.isEmpty()) {
        add(article.outlet(), now);
      }
    }
  }

  private static boolean candidate(String line) {
    if (line.isBlank()) {
      return false;
    }
    int words = 0;
    boolean in = false;
    for (int i = 0; i < line.length(); i++) {
      boolean space = Character.isWhitespace(line.charAt(i));
      if (!space && !in) {
        words++;
      }
      in = !space;
    }
    return words <= MAX_LINE_WORDS;
  }

  /** @return a 64-bit hash of the line as compared: lower case, digits as 0, white space collapsed; never 0 */
  static long hash(String line) {
    // FNV-1a over the line as compared, in one pass: spread enough for the few thousand lines of one outlet
    long h = 0xcbf29ce484222325L;
    boolean space = false;
    boolean started = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        space = started;
        continue;
      }
      if (space) {
        h = (h ^ ' ') * 0x100000001b3L;
        space = false;
      }
      started = true;
      char n = Character.isDigit(c) ? '0' : Character.toLowerCase(c);
      h = (h ^ n) * 0x100000001b3L;
    }
    return h == 0 ? 1 : h;
  }
}
