package org.crosscheck.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.crosscheck.analysis.Analysis;
import org.crosscheck.analysis.Analyzer;
import org.crosscheck.model.TextSpan;

/**
 * Scores direct quotes and their speakers against PolNeAR-format data: a folder with {@code
 * text/NAME.txt} articles and {@code attributions/NAME_ANNOTATOR.ann} brat standoff files whose
 * attribution relations link a Source, a Cue and a Content span (the first annotator's file is
 * used when there are several). A <b>gold direct quote</b> is an attribution whose Content starts
 * with a quotation mark. A quote found <b>matches</b> a gold direct quote when their spans overlap;
 * its <b>speaker is right</b> when the words it names as the speaker overlap the gold Source
 * (PolNeAR marks the words next to the cue, a pronoun included, as the Source).
 */
public final class QuoteEvaluator {
  private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "i", "we", "you", "who", "which",
      "that");

  private QuoteEvaluator() {}

  /**
   * Counts over all documents.
   *
   * @param documents documents scored
   * @param tokens tokens analysed
   * @param seconds time spent analysing
   * @param found direct quotes found
   * @param gold gold direct quotes
   * @param matched gold direct quotes overlapped by a quote found
   * @param attributed matched quotes given a speaker
   * @param right matched quotes whose speaker overlaps the gold source
   * @param named matched quotes whose gold source is a name (not a pronoun or a common noun)
   * @param namedRight of those, the ones with the right speaker
   */
  public record Scores(int documents, long tokens, double seconds, int found, int gold, int matched, int attributed,
      int right, int named, int namedRight) {
    /** @return share of gold direct quotes found */
    public double recall() {
      return gold == 0 ? 0 : (double) matched / gold;
    }

    /** @return of the gold direct quotes found, the share with the right speaker (unattributed counts as wrong) */
    public double speakerAccuracy() {
      return matched == 0 ? 0 : (double) right / matched;
    }

    /** @return of the quotes given a speaker, the share right */
    public double attributedAccuracy() {
      return attributed == 0 ? 0 : (double) right / attributed;
    }

    /** @return speaker accuracy where the gold speaker is a name */
    public double namedAccuracy() {
      return named == 0 ? 0 : (double) namedRight / named;
    }

    /** @return tokens analysed per second */
    public double tokensPerSecond() {
      return seconds == 0 ? 0 : tokens / seconds;
    }

    Scores plus(Scores o) {
      return new Scores(documents + o.documents, tokens + o.tokens, seconds + o.seconds, found + o.found, gold + o.gold,
          matched + o.matched, attributed + o.attributed, right + o.right, named + o.named, namedRight + o.namedRight);
    }
  }

  /** A gold attribution: the content's span and the source's fragments (none when unmarked). */
  record Attribution(TextSpan content, String contentText, List<TextSpan> source, String sourceText) {}

  /**
   * @param dir a PolNeAR-format folder
   * @return each article file with its annotation file, by name
   * @throws IOException when the folder cannot be read
   * @throws IllegalArgumentException when it holds no article with annotations
   */
  public static Map<Path, Path> documents(Path dir) throws IOException {
    Path texts = dir.resolve("text");
    Path anns = dir.resolve("attributions");
    if (!Files.isDirectory(texts) || !Files.isDirectory(anns)) {
      throw new IllegalArgumentException(dir + ": not a PolNeAR-format folder (it needs text/ and attributions/)");
    }
    // the first annotator's file per article name (NAME_ANNOTATOR.ann), listing the folder once
    Map<String, Path> firstAnnotation = new HashMap<>();
    try (Stream<Path> a = Files.list(anns)) {
      for (Path ann : a.filter(p -> p.getFileName().toString().matches(".+_[^_]+\\.ann")).sorted().toList()) {
        String file = ann.getFileName().toString();
        firstAnnotation.putIfAbsent(file.substring(0, file.lastIndexOf('_')), ann);
      }
    }
    Map<Path, Path> out = new TreeMap<>();
    try (Stream<Path> list = Files.list(texts)) {
      for (Path t : list.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        Path ann = firstAnnotation.get(t.getFileName().toString().replaceFirst("\\.txt$", ""));
        if (ann != null) {
          out.put(t, ann);
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(dir + ": no article in text/ has an annotation file in attributions/");
    }
    return out;
  }

  /**
   * @param documents article files with their annotation files
   * @param analyzer the analyzer to score
   * @return the counts over all documents
   * @throws IOException when a file cannot be read
   */
  public static Scores evaluate(Map<Path, Path> documents, Analyzer analyzer) throws IOException {
    Scores total = new Scores(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    for (var e : documents.entrySet()) {
      String text = Files.readString(e.getKey(), StandardCharsets.UTF_8);
      List<Attribution> gold = attributions(e.getValue(), text);
      long start = System.nanoTime();
      Analysis a = analyzer.analyze(text, null);
      double seconds = (System.nanoTime() - start) / 1e9;
      total = total.plus(score(gold, a.quotes(), a.tokens(), seconds));
    }
    return total;
  }

  static Scores score(List<Attribution> gold, List<Analysis.Quote> found, long tokens, double seconds) {
    List<Attribution> direct = gold.stream().filter(QuoteEvaluator::isDirect).toList();
    int matched = 0;
    int attributed = 0;
    int right = 0;
    int named = 0;
    int namedRight = 0;
    boolean[] used = new boolean[found.size()];
    for (Attribution g : direct) {
      int m = -1;
      for (int i = 0; i < found.size() && m < 0; i++) {
        if (!used[i] && found.get(i).span().overlaps(g.content())) {
          m = i;
        }
      }
      if (m < 0) {
        continue;
      }
      used[m] = true;
      matched++;
      Analysis.Speaker s = found.get(m).speaker();
      boolean ok = s != null && g.source().stream().anyMatch(src -> src.overlaps(s.span()));
      if (s != null) {
        attributed++;
      }
      if (ok) {
        right++;
      }
      if (isName(g.sourceText())) {
        named++;
        if (ok) {
          namedRight++;
        }
      }
    }
    return new Scores(1, tokens, seconds, found.size(), direct.size(), matched, attributed, right, named, namedRight);
  }

  private static boolean isDirect(Attribution a) {
    String c = a.contentText().strip();
    return !c.isEmpty() && "\"“”'‘`".indexOf(c.charAt(0)) >= 0;
  }

  /** @return whether a source is named: a capitalised word other than a pronoun or a sentence-initial article */
  private static boolean isName(String source) {
    for (String w : source.split("[\\s,]+")) {
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !PRONOUNS.contains(w.toLowerCase(Locale.ROOT))
          && !Set.of("the", "a", "an").contains(w.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param ann a brat standoff file
   * @param text the article it annotates
   * @return its attribution relations
   * @throws IOException when it cannot be read
   * @throws IllegalArgumentException when a line is malformed or a span falls outside the text
   */
  static List<Attribution> attributions(Path ann, String text) throws IOException {
    Map<String, List<TextSpan>> spans = new HashMap<>();
    List<String[]> relations = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] cols = line.split("\t");
      try {
        if (cols[0].startsWith("T")) {
          String[] typeAndSpans = cols[1].split(" ", 2);
          List<TextSpan> fragments = new ArrayList<>();
          for (String f : typeAndSpans[1].split(";")) {
            String[] se = f.trim().split(" ");
            TextSpan span = new TextSpan(Integer.parseInt(se[0]), Integer.parseInt(se[1]));
            // (fragments of one annotation may come in any order)
            if (span.end() > text.length()) {
              throw new IllegalArgumentException("span " + f + " is past the end of the text (" + text.length() + ")");
            }
            fragments.add(span);
          }
          spans.put(cols[0], fragments);
        } else if (cols[0].startsWith("E")) {
          relations.add(cols[1].split(" "));
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(ann + " line " + lineNo + ": not a brat annotation line (" + e.getMessage()
            + ")", e);
      }
    }
    List<Attribution> out = new ArrayList<>();
    for (String[] relation : relations) {
      List<TextSpan> content = null;
      List<TextSpan> source = List.of();
      for (String arg : relation) {
        String[] kv = arg.split(":");
        if (kv.length != 2) {
          continue;
        }
        List<TextSpan> s = spans.getOrDefault(kv[1], List.of());
        if (kv[0].startsWith("Content")) {
          content = s;
        } else if (kv[0].startsWith("Source")) {
          source = s;
        }
      }
      if (content == null || content.isEmpty()) {
        continue;
      }
      int start = content.stream().mapToInt(TextSpan::start).min().orElseThrow();
      int end = content.stream().mapToInt(TextSpan::end).max().orElseThrow();
      TextSpan whole = new TextSpan(start, end);
      out.add(new Attribution(whole, whole.of(text), source, joined(source, text)));
    }
    return out;
  }

  private static String joined(List<TextSpan> spans, String text) {
    StringBuilder b = new StringBuilder();
    for (TextSpan s : spans) {
      b.append(b.isEmpty() ? "" : " ").append(s.of(text));
    }
    return b.toString();
  }
}
