package org.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crosscheck.model.ArticleId;
import org.crosscheck.store.EmbeddedArticleStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills an ingest process mid-way and checks that nothing it reported as stored is lost. */
class CrashSafetyIT {
  @TempDir Path tmp;

  @Test
  void everyArticleReportedBeforeAKillIsStillStoredAndTheStoreOpensCleanly() throws Exception {
    Path big = tmp.resolve("big.jsonl");
    int total = BigCorpus.write(big, 80L * 1024 * 1024);
    Path data = tmp.resolve("data");
    Process p = CliProcess.builder(List.of(), "ingest", "--verbose", "--data", data.toString(), big.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<String> reported = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("added ")) {
          reported.add(line.split("\\s+")[1]);
        }
        if (reported.size() >= 3000) {
          break;
        }
      }
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(reported).as("the ingest must have reported progress before the kill").hasSize(3000);
    long stored;
    try (EmbeddedArticleStore store = EmbeddedArticleStore.open(data)) {
      assertThat(store.checkIntegrity()).isEqualTo("ok");
      for (String id : reported) {
        assertThat(store.get(new ArticleId(id))).as("article %s was reported as stored", id).isPresent();
      }
      stored = store.count();
      assertThat(stored).as("the kill came before the end").isLessThan(total);
    }
    CliProcess.Result again = CliProcess.run(List.of(), "ingest", "--data", data.toString(), big.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains(String.format("%,d already stored", stored));
    try (EmbeddedArticleStore store = EmbeddedArticleStore.open(data)) {
      assertThat(store.count()).isEqualTo(total);
    }
  }
}
