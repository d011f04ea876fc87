package org.crosscheck.pipeline;

/**
 * What happened to the items of one input, or of a whole run.
 *
 * @param added articles newly stored
 * @param alreadyStored articles whose content was stored before
 * @param rejected items (or whole inputs) that were not stored
 * @param notArticles pages newly stored as not articles (login, paywall, notice or error pages),
 *     kept out of stories; not counted in {@code added}
 */
public record IngestCounts(long added, long alreadyStored, long rejected, long notArticles) {
  /** Counts without pages that are not articles. */
  public IngestCounts(long added, long alreadyStored, long rejected) {
    this(added, alreadyStored, rejected, 0);
  }

  /** @return the total number of items */
  public long total() {
    return added + alreadyStored + rejected + notArticles;
  }

  IngestCounts plus(IngestCounts o) {
    return new IngestCounts(added + o.added, alreadyStored + o.alreadyStored, rejected + o.rejected,
        notArticles + o.notArticles);
  }
}
