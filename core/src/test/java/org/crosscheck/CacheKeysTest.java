package org.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.crosscheck.analysis.CoreNlpAnalyzer;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.Article;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.report.ReportRenderer;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;

/**
 * Stored analyses and reports are kept under a version ({@link CoreNlpAnalyzer#VERSION}, {@link
 * ReportBuilder#VERSION}); a store serves them as long as the version is the same. This test fails
 * when the output on fixed inputs (the seed story and two BASIL stories with amounts and dates)
 * changes while the version does not, so that an
 * output change cannot ship with old results still served: it names the version to bump and the
 * line to record in {@code cache-keys.properties}.
 */
class CacheKeysTest {
  private static final String FILE = "/cache-keys.properties";

  /** BASIL stories whose reports hold amounts and dates that outlets give differently: tax returns, misused funds. */
  private static final List<String> STORIES = List.of("6e502405-bc90-4416-a787-3122918aa648",
      "f506aafc-8b43-427a-936e-bbd1ef33e076");

  @Test
  void theOutputOnFixedStoriesChangesOnlyWithANewVersion(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    java.nio.file.Path basil = tmp.resolve("basil.jsonl");
    try (var lines = java.nio.file.Files.lines(SharedData.path("basil-2010-2016.jsonl"))) {
      java.nio.file.Files.write(basil, lines.filter(l -> STORIES.stream().anyMatch(l::contains)).toList());
    }
    Store store = Store.inMemory();
    Pipeline.builder().store(store).buildIngestor().ingest(List.of(SharedData.path("seeds").toString(),
        basil.toString()), new IngestListener() {});
    CoreNlpAnalyzer analyzer = new CoreNlpAnalyzer(TestModels.STANDARD);
    StringBuilder analyses = new StringBuilder();
    for (Article a : store.list(0, Integer.MAX_VALUE)) {
      // a record's text form holds every field, in order
      analyses.append(analyzer.analyze(a.text(), a.published().localDate().orElse(null))).append('\n');
    }
    StringBuilder reports = new StringBuilder();
    ReportBuilder builder = Pipeline.builder().store(store).models(TestModels.STANDARD).buildReporter();
    for (var story : Stories.all(store)) {
      reports.append(ReportRenderer.json(builder.build(store, story.id()).orElseThrow())).append('\n');
    }
    assertThat(Stories.all(store)).as("the seed story and the two BASIL stories").hasSize(3);
    String report = reports.toString();
    Properties recorded = new Properties();
    try (InputStream in = CacheKeysTest.class.getResourceAsStream(FILE)) {
      assertThat(in).as(FILE + " on the test class path").isNotNull();
      recorded.load(in);
    }
    check(recorded, CoreNlpAnalyzer.VERSION, "CoreNlpAnalyzer.VERSION", sha256(analyses.toString()));
    check(recorded, ReportBuilder.VERSION, "ReportBuilder.VERSION", sha256(report));
  }

  private static void check(Properties recorded, String version, String constant, String fingerprint) {
    String known = recorded.getProperty(version);
    assertThat(known).as("no fingerprint recorded for " + constant + " = " + version + "; if this output is meant,"
        + " add this line to src/test/resources" + FILE + ": " + version + "=" + fingerprint).isNotNull();
    assertThat(fingerprint).as("the output on the fixed stories changed but " + constant + " is still " + version
        + ": stores would keep serving the old output. Change " + constant + " and record its line in"
        + " src/test/resources" + FILE + " (NEW_VERSION=" + fingerprint + ")").isEqualTo(known);
  }

  private static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
