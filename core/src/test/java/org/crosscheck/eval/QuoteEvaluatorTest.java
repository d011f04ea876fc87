package org.crosscheck.eval;

import org.crosscheck.TestModels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.crosscheck.SharedData;
import org.crosscheck.analysis.CoreNlpAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuoteEvaluatorTest {
  /** Accuracy guard: floors a little below what speaker attribution reaches on PolNeAR's development set. */
  @Test
  void findsPolNearDirectQuotesAndTheirSpeakersAboveTheFloors() throws Exception {
    var docs = QuoteEvaluator.documents(SharedData.path("polnear-dev"));
    assertThat(docs).hasSize(84);
    QuoteEvaluator.Scores s = QuoteEvaluator.evaluate(docs, new CoreNlpAnalyzer(TestModels.STANDARD));
    // measured: 435 gold direct quotes, recall 0.989, speaker accuracy 0.900, 0.918 where the gold speaker is a name
    assertThat(s.gold()).isEqualTo(435);
    assertThat(s.recall()).as("recall of gold direct quotes").isGreaterThanOrEqualTo(0.97);
    assertThat(s.speakerAccuracy()).as("speaker accuracy").isGreaterThanOrEqualTo(0.89);
    assertThat(s.namedAccuracy()).as("speaker accuracy, named gold speakers").isGreaterThanOrEqualTo(0.905);
  }

  @Test
  void namesTheFileAndLineOfABrokenAnnotation(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("text"));
    Files.createDirectories(tmp.resolve("attributions"));
    Files.writeString(tmp.resolve("text/a.txt"), "Short text.");
    Path ann = Files.writeString(tmp.resolve("attributions/a_x1.ann"), "T1\tSource 0 5\tShort\nT2\tContent 3 99\tx\n");
    assertThatThrownBy(() -> QuoteEvaluator.attributions(ann, "Short text."))
        .hasMessageContaining("a_x1.ann line 2").hasMessageContaining("past the end of the text");
    assertThat(QuoteEvaluator.documents(tmp)).hasSize(1);
    assertThatThrownBy(() -> QuoteEvaluator.documents(tmp.resolve("text")))
        .hasMessageContaining("not a PolNeAR-format folder");
  }
}
