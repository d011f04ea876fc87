package org.crosscheck.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Size limits that keep memory bounded whatever the input, and the bounded read that enforces them. */
public final class Limits {
  /** Largest single document (text file, HTML page, feed, fetched body, JSONL line), in bytes. */
  public static final int MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

  /**
   * Most attributes one XML element of a feed may carry. Real feed elements have a handful; the
   * limit keeps the parser's duplicate-attribute checks, which grow with the square of the count,
   * from running for minutes. A feed over it is refused naming the line.
   */
  public static final int MAX_XML_ATTRIBUTES = 1_000;

  /** Deepest nesting of XML elements in a feed (feeds nest a few levels; item HTML is escaped text). */
  public static final int MAX_XML_DEPTH = 256;

  /**
   * Deepest nesting of elements in an HTML page ({@code <html>} is level 1). Real pages nest a few
   * dozen levels; the content extraction (Readability4J) walks the tree recursively and would run
   * out of stack on a page nested thousands of levels deep, so such a page is refused.
   */
  public static final int MAX_HTML_DEPTH = 512;

  /**
   * Deepest nesting of arrays and objects in one JSON value: a JSONL line, a JSON document, a
   * page's JSON-LD block. Articles nest two or three levels; a line over the limit is rejected.
   */
  public static final int MAX_JSON_DEPTH = 100;

  /** @return a JSON factory that refuses values nested deeper than {@link #MAX_JSON_DEPTH}, for every JSON reader here */
  static com.fasterxml.jackson.core.JsonFactory jsonFactory() {
    return com.fasterxml.jackson.core.JsonFactory.builder()
        .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
            .maxNestingDepth(MAX_JSON_DEPTH).build())
        .build();
  }

  private Limits() {}

  /**
   * Reads a whole input, refusing it before reading when its known size is over the limit and
   * while reading when it turns out to be (so memory stays bounded for inputs of unknown size).
   *
   * @param input the input
   * @param limit the most bytes accepted
   * @return its bytes
   * @throws IngestException when the input is larger than {@code limit}
   * @throws IOException when reading fails
   */
  public static byte[] readBounded(Input input, int limit) throws IOException {
    var size = input.size();
    if (size.isPresent() && size.getAsLong() > limit) {
      throw tooLarge(size.getAsLong(), limit);
    }
    try (InputStream in = input.open()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new IngestException("larger than the " + formatBytes(limit) + " limit for one document");
      }
      return bytes;
    }
  }

  static IngestException tooLarge(long size, long limit) {
    return new IngestException(
        "file is " + formatBytes(size) + ", larger than the " + formatBytes(limit)
            + " limit for one document (split it, or use JSONL with one article a line)");
  }

  /** @return a size for people: {@code 512 bytes}, {@code 20.0 MB} (MiB) */
  public static String formatBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
