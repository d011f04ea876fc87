package org.crosscheck.model;

import java.util.Objects;

/**
 * Identifier of a stored article, derived from the article's content hash ({@code a-} followed by
 * 16 hex digits), so the same content always gets the same id.
 *
 * @param value the id; non-blank, at most 200 characters, no whitespace or control characters
 */
public record ArticleId(String value) implements Comparable<ArticleId> {
  /** Longest id accepted, in characters. */
  public static final int MAX_LENGTH = 200;

  public ArticleId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("article id is blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "article id is " + value.length() + " characters long; the limit is " + MAX_LENGTH);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException("article id '" + value + "' contains whitespace or a control character");
      }
    }
  }

  /**
   * Derives an article's id from its content hash.
   *
   * @param contentHash the hex SHA-256 of {@link Article#contentHash()}
   * @return {@code a-} and the hash's first 16 hex digits
   */
  public static ArticleId fromContentHash(String contentHash) {
    return new ArticleId("a-" + contentHash.substring(0, 16));
  }

  @Override
  public int compareTo(ArticleId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
