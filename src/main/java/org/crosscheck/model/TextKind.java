package org.crosscheck.model;

/** How complete an article's stored text is. */
public enum TextKind {
  /** The article's full body text. */
  FULL,
  /** Only a summary or teaser, as feeds often carry; the full text was not fetched. */
  SUMMARY
}
