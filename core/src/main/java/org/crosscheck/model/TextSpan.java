package org.crosscheck.model;

/**
 * A stretch of an article's stored text, by character offsets ({@code String} indices), as
 * evidence points into it.
 *
 * @param start offset of the first character
 * @param end offset just past the last character; at least {@code start}
 */
public record TextSpan(int start, int end) {
  public TextSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("not a span: [" + start + ", " + end + ")");
    }
  }

  /** @return the spanned text of {@code text} */
  public String of(String text) {
    return text.substring(start, end);
  }

  /** @return whether the two spans share at least one character */
  public boolean overlaps(TextSpan other) {
    return start < other.end && other.start < end;
  }
}
