package org.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 50 MB inputs go through a JVM whose heap is far smaller than the file would take as text. */
class LargeInputIT {
  private static final List<String> SMALL_HEAP = List.of("-Xmx96m");
  @TempDir Path tmp;

  @Test
  void streamsA50MegabyteJsonlFileInBoundedMemory() throws Exception {
    Path big = tmp.resolve("big.jsonl");
    int n = BigCorpus.write(big, 50L * 1024 * 1024);
    assertThat(Files.size(big)).isGreaterThanOrEqualTo(50L * 1024 * 1024);
    CliProcess.Result r = CliProcess.run(SMALL_HEAP, "ingest", "--data", tmp.resolve("data").toString(), big.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains(String.format("%,d added, 0 already stored, 0 rejected", n));
  }

  @Test
  void refusesA50MegabyteSingleDocumentWithoutReadingIt() throws Exception {
    Path huge = tmp.resolve("huge.txt");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      byte[] line = "A sentence of a very long text file that is not one article. ".repeat(16).getBytes();
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
        f.write(line);
      }
    }
    CliProcess.Result r = CliProcess.run(SMALL_HEAP, "ingest", "--data", tmp.resolve("data").toString(), huge.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("rejected: " + huge + ": file is 50.0 MB, larger than the 20.0 MB limit for one document");
  }
}
