package org.crosscheck.pipeline;

/**
 * What happened to the items of one input, or of a whole run.
 *
 * @param added articles newly stored
 * @param alreadyStored articles whose content was stored before
 * @param rejected items (or whole inputs) that were not stored
 */
public record IngestCounts(long added, long alreadyStored, long rejected) {
  /** @return the total number of items */
  public long total() {
    return added + alreadyStored + rejected;
  }

  IngestCounts plus(IngestCounts o) {
    return new IngestCounts(added + o.added, alreadyStored + o.alreadyStored, rejected + o.rejected);
  }
}
