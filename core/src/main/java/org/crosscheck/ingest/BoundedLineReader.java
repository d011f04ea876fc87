package org.crosscheck.ingest;

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
  /** Bytes read from the input and not yet returned: {@code buf[pos..limit)}. */
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  /** The line being read, as far as it fits. */
  private byte[] line = new byte[8192];
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
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /**
   * @return the next line, or {@code null} at end of input
   */
  @Nullable Line next() throws IOException {
    // scans the buffer for the end of the line a block at a time: reading byte by byte through
    // the JDK's buffered stream cost a tenth of ingest
    long length = 0;
    int kept = 0;
    boolean any = false;
    while (true) {
      if (pos == limit && !fill()) {
        if (!any) {
          return null;
        }
        break;
      }
      any = true;
      int end = pos;
      while (end < limit && buf[end] != '\n') {
        end++;
      }
      int n = end - pos;
      int room = (int) Math.min(n, Math.max(0, maxBytes - length));
      if (room > 0) {
        if (kept + room > line.length) {
          line = java.util.Arrays.copyOf(line, Math.max(kept + room, Math.min(maxBytes, line.length * 2)));
        }
        System.arraycopy(buf, pos, line, kept, room);
        kept += room;
      }
      length += n;
      pos = end;
      if (end < limit) {
        pos++; // the terminator
        break;
      }
    }
    lineNumber++;
    if (length > maxBytes) {
      return new Line(lineNumber, null, length);
    }
    int size = kept > 0 && line[kept - 1] == '\r' ? kept - 1 : kept;
    return new Line(lineNumber, java.util.Arrays.copyOf(line, size), length);
  }

  /** @return whether more bytes were read into the empty buffer */
  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
