package org.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crosscheck.store.StoreAssertions.assertEveryArticleFinished;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crosscheck.model.ArticleId;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills ingest processes mid-way (SIGKILL and SIGTERM) and runs two at once on one store: nothing
 * reported as stored is lost, and every stored article is in a story and in duplicate detection.
 */
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
    try (Store store = Store.open(data)) {
      assertThat(store.checkIntegrity()).isEqualTo("ok");
      assertEveryArticleFinished(store);
      for (String id : reported) {
        assertThat(store.get(new ArticleId(id))).as("article %s was reported as stored", id).isPresent();
      }
      stored = store.count();
      assertThat(stored).as("the kill came before the end").isLessThan(total);
    }
    CliProcess.Result again = CliProcess.run(List.of(), "ingest", "--data", data.toString(), big.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains(String.format("%,d already stored", stored));
    try (Store store = Store.open(data)) {
      assertThat(store.count()).isEqualTo(total);
    }
  }


  @Test
  void sigtermStoresTheBatchBeingReadPutsItInStoriesAndSaysHowToGoOn() throws Exception {
    Path big = tmp.resolve("big.jsonl");
    BigCorpus.write(big, 40L * 1024 * 1024);
    Path data = tmp.resolve("data");
    Path err = tmp.resolve("err.txt");
    Process p = CliProcess.builder(List.of(), "ingest", "--verbose", "--data", data.toString(), big.toString())
        .redirectError(err.toFile()).start();
    List<String> reported = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean signalled = false;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("added ")) {
          reported.add(line.split("\\s+")[1]);
        }
        if (reported.size() >= 2000 && !signalled) {
          // SIGTERM, as a service manager sends it (Process.destroy would also close this end of the pipe)
          assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor()).isZero();
          signalled = true;
        }
      }
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    }
    assertThat(Files.readString(err)).contains("stopped on request");
    try (Store store = Store.open(data)) {
      assertThat(store.checkIntegrity()).isEqualTo("ok");
      assertThat(store.count()).as("every article reported was stored, and nothing else").isEqualTo(reported.size());
      assertEveryArticleFinished(store);
    }
  }

  @Test
  void twoIngestsIntoOneStoreWaitForEachOtherAndBothFinish() throws Exception {
    List<String> gva = Files.readAllLines(org.crosscheck.SharedData.path("gva-2013-2015.jsonl"));
    Path a = Files.write(tmp.resolve("a.jsonl"), gva.subList(0, 1000));
    Path b = Files.write(tmp.resolve("b.jsonl"), gva.subList(1000, gva.size()));
    Path data = tmp.resolve("data");
    Path errA = tmp.resolve("a.err");
    Path errB = tmp.resolve("b.err");
    Process first = CliProcess.builder(List.of(), "ingest", "--data", data.toString(), a.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errA.toFile()).start();
    Process second = CliProcess.builder(List.of(), "ingest", "--data", data.toString(), b.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errB.toFile()).start();
    assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(first.exitValue()).as(Files.readString(errA)).isZero();
    assertThat(second.exitValue()).as(Files.readString(errB)).isZero();
    try (Store store = Store.open(data)) {
      assertThat(store.count()).isGreaterThan(2000);
      assertEveryArticleFinished(store);
    }
  }

  @Test
  void anIngestWhileTheServerIngestsAnUploadWaitsAndBothFinishInOneSetOfStories() throws Exception {
    List<String> gva = Files.readAllLines(org.crosscheck.SharedData.path("gva-2013-2015.jsonl"));
    Path upload = Files.write(tmp.resolve("upload.jsonl"), gva.subList(0, 1000));
    Path cli = Files.write(tmp.resolve("cli.jsonl"), gva.subList(1000, gva.size()));
    Path data = tmp.resolve("data");
    Process server = CliProcess.builder(List.of(), "serve", "--port", "0", "--data", data.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String base = UploadMemoryIT.baseUrl(server);
      java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
      var posted = client.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/articles"))
          .header("Content-Type", "application/x-ndjson")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(upload)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      Thread.sleep(300); // the upload is being stored
      CliProcess.Result r = CliProcess.run(List.of(), "ingest", "--data", data.toString(), cli.toString());
      assertThat(r.code()).as(r.err()).isZero();
      var response = posted.get(5, TimeUnit.MINUTES);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
    try (Store store = Store.open(data)) {
      assertThat(store.count()).isGreaterThan(2000);
      assertEveryArticleFinished(store);
    }
  }
}
