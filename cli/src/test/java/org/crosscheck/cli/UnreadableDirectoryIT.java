package org.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subdirectory that cannot be read is rejected on its own and the rest of its parent is read.
 * Root reads every directory, so as root the command runs without the capabilities that let it
 * ({@code setpriv}), as an ordinary user would.
 */
class UnreadableDirectoryIT {
  @TempDir Path tmp;

  private static final String ARTICLE = "Title: Bridge reopens\nSource: Daily Test\nDate: 2025-04-28\n\n"
      + "The bridge over the river reopened on Monday after two years of repairs, the city said.\n";

  @Test
  void anUnreadableSubdirectoryIsRejectedAloneAndTheRestIsRead() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("news"));
    Files.writeString(dir.resolve("a.txt"), ARTICLE);
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.writeString(locked.resolve("b.txt"), ARTICLE.replace("Monday", "Friday"));
    Path data = tmp.resolve("data");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      List<String> cmd = new ArrayList<>();
      if (!Files.isReadable(locked)) {
        cmd.addAll(CliProcess.builder(List.of(), "ingest", "--data", data.toString(), dir.toString()).command());
      } else {
        assumeTrue(new ProcessBuilder("setpriv", "--version").start().waitFor() == 0, "setpriv is not available");
        cmd.addAll(List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search"));
        cmd.addAll(CliProcess.builder(List.of(), "ingest", "--data", data.toString(), dir.toString()).command());
      }
      Process p = new ProcessBuilder(cmd).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as(err).isEqualTo(1);
      assertThat(err).contains("rejected: " + locked + ": cannot read: permission denied");
      assertThat(out).contains("1 added, 0 already stored, 1 rejected");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
