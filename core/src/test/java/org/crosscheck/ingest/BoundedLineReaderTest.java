package org.crosscheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
  /** Gives at most a few bytes per read, as a pipe or a slow socket does. */
  private static InputStream trickle(byte[] bytes, long seed) {
    Random r = new Random(seed);
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + r.nextInt(7)));
      }
    };
  }

  private static List<String> lines(InputStream in, int max) throws IOException {
    List<String> out = new ArrayList<>();
    try (BoundedLineReader reader = new BoundedLineReader(in, max)) {
      for (BoundedLineReader.Line l = reader.next(); l != null; l = reader.next()) {
        out.add(l.number() + ":" + (l.tooLong() ? "too long " + l.length()
            : new String(l.bytes(), StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  @Test
  void splitsLinesAcrossReadsAndBufferEndsAndMarksTooLongOnes() throws IOException {
    String big = "x".repeat(200_000);
    String text = "first\r\n\nthird line\n" + big + "\n" + "y".repeat(70_000) + "\nlast without end";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<String> expected = List.of("1:first", "2:", "3:third line", "4:too long 200000", "5:" + "y".repeat(70_000),
        "6:last without end");
    assertThat(lines(new ByteArrayInputStream(bytes), 100_000)).isEqualTo(expected);
    assertThat(lines(trickle(bytes, 1), 100_000)).isEqualTo(expected);
  }

  @Test
  void aLineOfExactlyTheLimitIsKeptAndEmptyInputHasNoLines() throws IOException {
    assertThat(lines(new ByteArrayInputStream("abcde\nabcdef\n".getBytes(StandardCharsets.UTF_8)), 5))
        .containsExactly("1:abcde", "2:too long 6");
    assertThat(lines(new ByteArrayInputStream(new byte[0]), 5)).isEmpty();
    assertThat(lines(new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)), 5)).containsExactly("1:");
  }
}
