package org.crosscheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.crosscheck.ingest.Rejection;
import org.crosscheck.model.Article;
import org.crosscheck.store.Store;
import org.crosscheck.store.PutResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How command-line sources resolve: special files, links, unreadable folders and URL-like names. */
class SourcesTest {
  @TempDir Path tmp;

  private static final String ARTICLE = "Title: Bridge reopens\nSource: Daily Test\nDate: 2025-04-28\n\n"
      + "The bridge over the river reopened on Monday after two years of repairs, the city said.\n";

  record Outcome(IngestSummary summary, List<String> stored, List<Rejection> rejections) {}

  private static Outcome ingest(String... sources) {
    List<String> stored = new java.util.ArrayList<>();
    List<Rejection> rejections = new java.util.ArrayList<>();
    IngestSummary s = Pipeline.builder().store(Store.inMemory()).buildIngestor()
        .ingest(List.of(sources), new IngestListener() {
          @Override
          public void stored(Article article, PutResult result) {
            stored.add(article.provenance().location());
          }

          @Override
          public void rejected(Rejection rejection) {
            rejections.add(rejection);
          }
        });
    return new Outcome(s, stored, rejections);
  }

  private static boolean mkfifo(Path p) throws Exception {
    try {
      return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void aNamedPipeIsRejectedInsteadOfWaitedOnForever() throws Exception {
    Path fifo = tmp.resolve("pipe.txt");
    assumeTrue(mkfifo(fifo), "mkfifo is not available");
    Path good = Files.writeString(tmp.resolve("good.txt"), ARTICLE);
    Outcome o = CompletableFuture.supplyAsync(() -> ingest(fifo.toString(), good.toString()))
        .get(30, TimeUnit.SECONDS);
    assertThat(o.rejections()).singleElement().satisfies(r -> {
      assertThat(r.input()).isEqualTo(fifo.toString());
      assertThat(r.message()).contains("not a regular file");
    });
    assertThat(o.stored()).containsExactly(good.toString());

    Outcome inFolder = CompletableFuture.supplyAsync(() -> ingest(tmp.toString())).get(30, TimeUnit.SECONDS);
    assertThat(inFolder.rejections()).extracting(Rejection::input).containsExactly(fifo.toString());
    assertThat(inFolder.stored()).containsExactly(good.toString());
  }

  @Test
  void aLinkOutOfTheDirectoryIsNotFollowedAndLinksInsideAreRead() throws Exception {
    Path outside = Files.writeString(Files.createDirectories(tmp.resolve("secret")).resolve("shadow.txt"), ARTICLE);
    Path dir = Files.createDirectories(tmp.resolve("news"));
    Path inside = Files.writeString(dir.resolve("a.txt"), ARTICLE.replace("Monday", "Tuesday"));
    Files.createSymbolicLink(dir.resolve("escape.txt"), outside);
    Files.createSymbolicLink(dir.resolve("alias.txt"), inside);
    Files.createSymbolicLink(dir.resolve("up"), tmp);
    Outcome o = ingest(dir.toString());
    assertThat(o.stored()).doesNotContain(outside.toString()).contains(inside.toString());
    assertThat(o.rejections()).anySatisfy(r -> {
      assertThat(r.input()).isEqualTo(dir.resolve("escape.txt").toString());
      assertThat(r.message()).contains("a symbolic link out of " + dir).contains("not followed");
    });
    assertThat(o.rejections()).anySatisfy(r -> assertThat(r.input()).isEqualTo(dir.resolve("up").toString()));
  }

  @Test
  void anUnreadableSubdirectoryIsRejectedAloneAndTheRestIsRead() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("news"));
    Path good = Files.writeString(dir.resolve("a.txt"), ARTICLE);
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.writeString(locked.resolve("b.txt"), ARTICLE.replace("Monday", "Friday"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeTrue(!Files.isReadable(locked), "running as a user who reads everything (root)");
      Outcome o = ingest(dir.toString());
      assertThat(o.stored()).containsExactly(good.toString());
      assertThat(o.rejections()).singleElement().satisfies(r -> {
        assertThat(r.input()).isEqualTo(locked.toString());
        assertThat(r.message()).contains("permission denied");
      });
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aSourceWithAnySchemeInAnyCaseIsAUrlNeverAFilePath() throws Exception {
    // a folder that the old, case-sensitive check would have read as a relative path
    Files.createDirectories(tmp.resolve("HTTP:"));
    Files.writeString(Files.createDirectories(tmp.resolve("HTTP:/x")).resolve("passwd"), ARTICLE);
    String upper = "HTTP://../x/passwd";
    Outcome o = ingest(upper, "file:///etc/passwd", "FTP://example.com/a");
    assertThat(o.stored()).isEmpty();
    assertThat(o.rejections()).extracting(Rejection::input)
        .containsExactly(upper, "file:///etc/passwd", "FTP://example.com/a");
    assertThat(o.rejections().get(1).message()).contains("http");
  }

  @Test
  void aStopBeforeTheRunReadsNothing() {
    Ingestor ingestor = Pipeline.builder().store(Store.inMemory()).flushInterval(Duration.ZERO)
        .buildIngestor();
    ingestor.stop();
    IngestSummary s = ingestor.ingest(List.of(tmp.toString()), new IngestListener() {});
    assertThat(s.stopped()).isTrue();
    assertThat(s.counts().total()).isZero();
  }
}
