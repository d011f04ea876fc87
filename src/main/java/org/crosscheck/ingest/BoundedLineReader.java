package org.crosscheck.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code \n}-terminated lines as bytes, never holding more than {@code maxBytes} of one
 * line in memory: a longer line is skipped to its end and reported as too long. Not thread-safe.
 */
final class BoundedLineReader implements AutoCloseable {
  private final InputStream in;
  private final int maxBytes;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
  private long lineNumber;

  /**
   * A line read.
   *
   * @param number 1-based line number
   * @param bytes the line without its terminator, or {@code null} when it was too long
   * @param length the line's length in bytes
   */
  record Line(long number, byte @Nullable [] bytes, long length) {
    boolean tooLong() {
      return bytes == null;
    }
  }

  BoundedLineReader(InputStream in, int maxBytes) {
    this.in = new BufferedInputStream(in, 1 << 16);
    this.maxBytes = maxBytes;
  }

  /** @return the next line, or {@code null} at end of input */
  @Nullable Line next() throws IOException {
    buffer.reset();
    long length = 0;
    int b = in.read();
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n') {
      if (length < maxBytes) {
        buffer.write(b);
      }
      length++;
      b = in.read();
    }
    lineNumber++;
    if (length > maxBytes) {
      return new Line(lineNumber, null, length);
    }
    byte[] bytes = buffer.toByteArray();
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\r') {
      bytes = java.util.Arrays.copyOf(bytes, end - 1);
    }
    return new Line(lineNumber, bytes, length);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
