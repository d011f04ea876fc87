package org.crosscheck.model;

/** How complete an article's stored text is. */
public enum TextKind {
  /** The article's full body text. */
  FULL,
  /** Only a summary or teaser, as feeds often carry; the full text was not fetched. */
  SUMMARY,
  /**
   * Not an article: a login, paywall, notice or error page, or a page with almost no text. Stored
   * and shown with the reason in its notes, never put in a story or reported.
   */
  NOT_ARTICLE
}
