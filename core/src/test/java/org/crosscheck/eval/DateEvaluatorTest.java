package org.crosscheck.eval;

import org.crosscheck.TestModels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.analysis.Analysis;
import org.crosscheck.analysis.CoreNlpAnalyzer;
import org.crosscheck.model.TextSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DateEvaluatorTest {
  @Test
  void readsTimeMlWithGoldSpansThatPointAtTheirWords() throws Exception {
    Path file = SharedData.path("tempeval3-train/TimeBank/ABC19980108.1830.0711.tml");
    TimeMlDocument doc = TimeMlDocument.read(file);
    assertThat(doc.creationDate()).hasToString("1998-01-08");
    assertThat(doc.text()).doesNotContain("<", "EVENT");
    assertThat(doc.timexes()).first().satisfies(t -> {
      assertThat(t.span().of(doc.text())).isEqualTo("week");
      assertThat(t.type()).isEqualTo("DURATION");
      assertThat(t.value()).isEqualTo("P1W");
    });
    assertThat(doc.timexes()).anySatisfy(t -> assertThat(t.span().of(doc.text())).isEqualTo("the last twenty four hours"));
  }

  @Test
  void refusesAFileThatIsNotTimeMl(@TempDir Path tmp) throws Exception {
    Path bad = Files.writeString(tmp.resolve("x.tml"), "<doc>no time here</doc>");
    assertThatThrownBy(() -> TimeMlDocument.read(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x.tml: not a TimeML document");
    assertThatThrownBy(() -> DateEvaluator.files(Files.createDirectories(tmp.resolve("empty"))))
        .hasMessageContaining("no TimeML (.tml) files");
  }

  @Test
  void matchesExactSpansFirstThenOverlapsEachExpressionOnce() {
    var gold = List.of(new TimeMlDocument.Timex(new TextSpan(0, 5), "DATE", "2000-W07"),
        new TimeMlDocument.Timex(new TextSpan(10, 20), "DATE", "2000-01-02"),
        new TimeMlDocument.Timex(new TextSpan(30, 35), "DURATION", "P1D"));
    var found = List.of(new Analysis.TimeMention("x", "DATE", "2000-W7", new TextSpan(0, 5), 0),
        new Analysis.TimeMention("y", "DATE", "2000-01-03", new TextSpan(12, 20), 0),
        new Analysis.TimeMention("z", "DATE", "2000-01-02", new TextSpan(14, 16), 0),
        new Analysis.TimeMention("w", "DATE", null, new TextSpan(40, 45), 0));
    DateEvaluator.Scores s = DateEvaluator.score(gold, found, 10, 1);
    assertThat(s.strict()).isEqualTo(1);
    assertThat(s.relaxed()).isEqualTo(2);
    assertThat(s.values()).isEqualTo(1); // W7 counts as W07; the overlap took the first found, a wrong value
    assertThat(s.strictPrecision()).isEqualTo(0.25);
    assertThat(s.relaxedRecall()).isEqualTo(2 / 3.0);
  }

  /** Accuracy guard: floors a little below what the analyzer reaches on the first 40 training files. */
  @Test
  void scoresTheFirstFortyTempEvalFilesAboveTheirFloors() throws Exception {
    List<Path> files = DateEvaluator.files(SharedData.path("tempeval3-train")).subList(0, 40);
    DateEvaluator.Scores s = DateEvaluator.evaluate(files, new CoreNlpAnalyzer(TestModels.STANDARD));
    // measured: 327 gold, 358 found; strict F1 0.806, relaxed 0.931, value accuracy 0.831, value F1 0.774
    assertThat(s.gold()).isEqualTo(327);
    assertThat(s.strictF1()).as("strict extent F1").isGreaterThanOrEqualTo(0.80);
    assertThat(s.relaxedF1()).as("relaxed extent F1").isGreaterThanOrEqualTo(0.92);
    assertThat(s.valueAccuracy()).as("value accuracy").isGreaterThanOrEqualTo(0.82);
    assertThat(s.valueF1()).as("value F1").isGreaterThanOrEqualTo(0.77);
  }
}
