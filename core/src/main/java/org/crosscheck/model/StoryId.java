package org.crosscheck.model;

import java.util.Objects;

/**
 * Identifier of a story: {@code s-} and a number, in order of creation.
 *
 * @param value the id
 */
public record StoryId(String value) implements Comparable<StoryId> {
  public StoryId {
    Objects.requireNonNull(value, "value");
    if (!value.matches("s-[0-9]+")) {
      throw new IllegalArgumentException("story id '" + value + "' is not of the form s-NUMBER");
    }
  }

  /** @return the story id with this number */
  public static StoryId of(long number) {
    return new StoryId("s-" + number);
  }

  /** @return the number in the id */
  public long number() {
    return Long.parseLong(value.substring(2));
  }

  @Override
  public int compareTo(StoryId o) {
    return Long.compare(number(), o.number());
  }

  @Override
  public String toString() {
    return value;
  }
}
