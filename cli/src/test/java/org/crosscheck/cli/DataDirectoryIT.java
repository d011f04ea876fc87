package org.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crosscheck.SharedData;
import org.crosscheck.model.ArticleId;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read-only and a full data directory, made real with a small tmpfs mounted for the test (so it
 * needs root, which CI has; elsewhere the tests are skipped). Neither loses or corrupts what was
 * stored.
 */
class DataDirectoryIT {
  @TempDir Path tmp;
  private final List<Path> mounts = new ArrayList<>();

  @AfterEach
  void unmount() throws Exception {
    for (Path m : mounts) {
      sh("umount", "-l", m.toString());
    }
  }

  private static int sh(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  private Path mountTmpfs(String name, String size) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()) == 0,
        "mounting a tmpfs needs root; skipped");
    mounts.add(dir);
    return dir;
  }

  @Test
  void aReadOnlyDataDirectoryIsReportedAndStillReadable() throws Exception {
    Path data = mountTmpfs("ro", "16m");
    String seeds = SharedData.path("seeds").toString();
    assertThat(CliProcess.run(List.of(), "ingest", "--data", data.toString(), seeds).code()).isZero();
    assertThat(sh("mount", "-o", "remount,ro", data.toString())).isZero();

    CliProcess.Result r = CliProcess.run(List.of(), "ingest", "--data", data.toString(),
        SharedData.path("basil-2010-2016.jsonl").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("the data directory " + data + " is read-only");

    CliProcess.Result list = CliProcess.run(List.of(), "articles", "--data", data.toString());
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("5 of 5 articles");

    assertThat(sh("mount", "-o", "remount,rw", data.toString())).isZero();
    try (Store store = Store.open(data)) {
      assertThat(store.checkIntegrity()).isEqualTo("ok");
      assertThat(store.count()).isEqualTo(5);
    }
  }

  @Test
  void aFullDiskStopsTheRunWithoutLosingWhatWasStored() throws Exception {
    Path data = mountTmpfs("full", "3m");
    Path big = tmp.resolve("big.jsonl");
    BigCorpus.write(big, 12L * 1024 * 1024);
    Process p = CliProcess.builder(List.of(), "ingest", "--verbose", "--data", data.toString(), big.toString())
        .redirectError(tmp.resolve("err.txt").toFile()).redirectOutput(tmp.resolve("out.txt").toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String err = Files.readString(tmp.resolve("err.txt"));
    assertThat(p.exitValue()).as(err).isEqualTo(3);
    assertThat(err).contains("the disk is full");
    List<String> reported = Files.readAllLines(tmp.resolve("out.txt")).stream()
        .filter(l -> l.startsWith("added ")).map(l -> l.split("\\s+")[1]).toList();
    assertThat(reported).isNotEmpty();

    assertThat(sh("mount", "-o", "remount,size=256m", data.toString())).isZero();
    try (Store store = Store.open(data)) {
      assertThat(store.checkIntegrity()).isEqualTo("ok");
      assertThat(store.count()).isEqualTo(reported.size());
      for (String id : reported) {
        assertThat(store.get(new ArticleId(id))).isPresent();
      }
    }
    CliProcess.Result again = CliProcess.run(List.of(), "ingest", "--data", data.toString(), big.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains(String.format("%,d already stored", reported.size()));
  }
}
