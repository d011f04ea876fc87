package org.crosscheck.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.crosscheck.analysis.Analysis;
import org.crosscheck.analysis.Analyzer;

/**
 * Scores time expressions found by an {@link Analyzer} against TimeML gold, as TempEval-3 does:
 * each document's text is analysed with its creation time as the anchor, and the expressions
 * found are matched one to one with the gold ones. The creation time itself is not scored.
 *
 * <ul>
 *   <li><b>Strict extent</b>: a found expression matches a gold one with exactly the same span.
 *   <li><b>Relaxed extent</b>: the spans overlap.
 *   <li><b>Value accuracy</b>: of the relaxed matches, the share with the gold normalized value
 *       (a one-digit week number, {@code 2000-W7}, counts as its padded form).
 *   <li><b>Value F1</b>: F1 counting as correct only relaxed matches with the gold value (the
 *       TempEval-3 figure that HeidelTime's 77.6 and SUTime's 67.4 refer to).
 * </ul>
 */
public final class DateEvaluator {
  private DateEvaluator() {}

  /**
   * Counts over all documents.
   *
   * @param documents documents scored
   * @param words words of text analysed (white-space separated)
   * @param seconds time spent analysing
   * @param gold gold expressions
   * @param found expressions found
   * @param strict found expressions with exactly a gold span
   * @param relaxed found expressions overlapping a gold one (one to one)
   * @param values relaxed matches with the gold value
   * @param types relaxed matches with the gold type
   */
  public record Scores(int documents, long words, double seconds, int gold, int found, int strict, int relaxed,
      int values, int types) {
    public double strictPrecision() {
      return ratio(strict, found);
    }

    public double strictRecall() {
      return ratio(strict, gold);
    }

    public double strictF1() {
      return f1(strictPrecision(), strictRecall());
    }

    public double relaxedPrecision() {
      return ratio(relaxed, found);
    }

    public double relaxedRecall() {
      return ratio(relaxed, gold);
    }

    public double relaxedF1() {
      return f1(relaxedPrecision(), relaxedRecall());
    }

    /** @return of the relaxed matches, the share with the gold value */
    public double valueAccuracy() {
      return ratio(values, relaxed);
    }

    /** @return of the relaxed matches, the share with the gold type */
    public double typeAccuracy() {
      return ratio(types, relaxed);
    }

    /** @return F1 of expressions found with an overlapping span and the gold value */
    public double valueF1() {
      return f1(ratio(values, found), ratio(values, gold));
    }

    /** @return words analysed per second */
    public double wordsPerSecond() {
      return seconds == 0 ? 0 : words / seconds;
    }

    Scores plus(Scores o) {
      return new Scores(documents + o.documents, words + o.words, seconds + o.seconds, gold + o.gold, found + o.found,
          strict + o.strict, relaxed + o.relaxed, values + o.values, types + o.types);
    }

    private static double ratio(int a, int b) {
      return b == 0 ? 0 : (double) a / b;
    }

    private static double f1(double p, double r) {
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /**
   * @param dir a folder holding {@code .tml} files, at any depth
   * @return the files, sorted by path
   * @throws IOException when the folder cannot be read
   * @throws IllegalArgumentException when it holds no {@code .tml} file
   */
  public static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> files = walk.filter(p -> p.toString().endsWith(".tml") && Files.isRegularFile(p)).sorted().toList();
      if (files.isEmpty()) {
        throw new IllegalArgumentException(dir + ": no TimeML (.tml) files in it");
      }
      return files;
    }
  }

  /**
   * @param files TimeML files
   * @param analyzer the analyzer to score
   * @return the counts over all files
   * @throws IOException when a file cannot be read
   */
  public static Scores evaluate(List<Path> files, Analyzer analyzer) throws IOException {
    Scores total = new Scores(0, 0, 0, 0, 0, 0, 0, 0, 0);
    for (Path f : files) {
      TimeMlDocument doc = TimeMlDocument.read(f);
      long start = System.nanoTime();
      Analysis a = analyzer.analyze(doc.text(), doc.creationDate());
      double seconds = (System.nanoTime() - start) / 1e9;
      long words = doc.text().isBlank() ? 0 : doc.text().strip().split("\\s+").length;
      total = total.plus(score(doc.timexes(), a.times(), words, seconds));
    }
    return total;
  }

  private static final java.util.regex.Pattern ONE_DIGIT_WEEK = java.util.regex.Pattern.compile("-W(\\d)(?!\\d)");

  /** @return the value with a one-digit week number padded ({@code 2000-W7}, as some gold has it, is {@code 2000-W07}) */
  static String canonical(String value) {
    return ONE_DIGIT_WEEK.matcher(value).replaceAll("-W0$1");
  }

  /** Matches one document's expressions: exact spans first, then overlaps, each expression once. */
  static Scores score(List<TimeMlDocument.Timex> gold, List<Analysis.TimeMention> found, long words, double seconds) {
    boolean[] used = new boolean[found.size()];
    int[] match = new int[gold.size()];
    java.util.Arrays.fill(match, -1);
    int strict = 0;
    for (int g = 0; g < gold.size(); g++) {
      for (int i = 0; i < found.size(); i++) {
        if (!used[i] && found.get(i).span().equals(gold.get(g).span())) {
          used[i] = true;
          match[g] = i;
          strict++;
          break;
        }
      }
    }
    for (int g = 0; g < gold.size(); g++) {
      for (int i = 0; match[g] < 0 && i < found.size(); i++) {
        if (!used[i] && found.get(i).span().overlaps(gold.get(g).span())) {
          used[i] = true;
          match[g] = i;
        }
      }
    }
    int relaxed = 0;
    int values = 0;
    int types = 0;
    for (int g = 0; g < gold.size(); g++) {
      if (match[g] >= 0) {
        relaxed++;
        Analysis.TimeMention f = found.get(match[g]);
        if (f.value() != null && canonical(gold.get(g).value()).equals(canonical(f.value()))) {
          values++;
        }
        if (gold.get(g).type().equals(f.type())) {
          types++;
        }
      }
    }
    return new Scores(1, words, seconds, gold.size(), found.size(), strict, relaxed, values, types);
  }
}
