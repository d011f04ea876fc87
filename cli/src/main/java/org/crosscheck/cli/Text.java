package org.crosscheck.cli;

/** Small text helpers for the CLI's tables. */
final class Text {
  private Text() {}

  /** @return {@code s} cut to {@code max} characters with an ellipsis, on one line */
  static String abbreviate(String s, int max) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= max ? one : one.substring(0, Math.max(0, max - 1)) + "\u2026";
  }
}
