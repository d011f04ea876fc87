package org.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.crosscheck.analysis.CachingAnalyzer;
import org.crosscheck.analysis.CoreNlpAnalyzer;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.Article;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.report.ReportRenderer;
import org.crosscheck.store.InMemoryArticleStore;
import org.junit.jupiter.api.Test;

/**
 * Stored analyses and reports are kept under a version ({@link CoreNlpAnalyzer#VERSION}, {@link
 * ReportBuilder#VERSION}); a store serves them as long as the version is the same. This test fails
 * when the output on fixed inputs (the seed story) changes while the version does not, so that an
 * output change cannot ship with old results still served: it names the version to bump and the
 * line to record in {@code cache-keys.properties}.
 */
class CacheKeysTest {
  private static final String FILE = "/cache-keys.properties";

  @Test
  void theOutputOnTheSeedStoryChangesOnlyWithANewVersion() throws Exception {
    InMemoryArticleStore store = new InMemoryArticleStore();
    Pipeline.builder().store(store).buildIngestor().ingest(List.of(SharedData.path("seeds").toString()),
        new IngestListener() {});
    CoreNlpAnalyzer analyzer = new CoreNlpAnalyzer();
    StringBuilder analyses = new StringBuilder();
    for (Article a : store.list(0, Integer.MAX_VALUE)) {
      // a record's text form holds every field, in order
      analyses.append(analyzer.analyze(a.text(), a.published().localDate().orElse(null))).append('\n');
    }
    var story = Stories.all(store).getFirst();
    String report = ReportRenderer.json(new ReportBuilder(CachingAnalyzer.coreNlp(store)).build(store, story.id())
        .orElseThrow());
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
    assertThat(fingerprint).as("the output on the seed story changed but " + constant + " is still " + version
        + ": stores would keep serving the old output. Change " + constant + " and record its line in"
        + " src/test/resources" + FILE + " (NEW_VERSION=" + fingerprint + ")").isEqualTo(known);
  }

  private static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
