package org.crosscheck.pipeline;

import org.crosscheck.cluster.StoryClusterer;
import org.crosscheck.ingest.Rejection;
import org.crosscheck.model.Article;
import org.crosscheck.store.PutResult;
import org.crosscheck.store.SketchStore.DuplicateLink;

/**
 * Hears what an ingest run does, as it happens; the CLI prints it, the web layer streams it.
 * Called from the ingesting thread only. Every method has a no-op default.
 */
public interface IngestListener {

  /**
   * Called once, after the arguments were resolved to inputs.
   *
   * @param inputs how many inputs will be read
   * @param totalBytes their total size in bytes, 0 when unknown (standard input, URLs)
   */
  default void planned(int inputs, long totalBytes) {}

  /**
   * An article's batch was committed: when {@code result} is {@link PutResult.Added} the article
   * is durable.
   *
   * @param article the article
   * @param result what storing it did
   */
  default void stored(Article article, PutResult result) {}

  /**
   * A newly stored article turned out to copy an earlier one; the link is stored.
   *
   * @param copy the new article
   * @param link the link to the article it copies
   */
  default void duplicate(Article copy, DuplicateLink link) {}

  /**
   * A newly stored article was put in a story.
   *
   * @param article the article
   * @param assignment its story, whether it started it, and any stories merged into it
   */
  default void clustered(Article article, StoryClusterer.Assignment assignment) {}

  /** @param rejection an input or item that was not stored, and why */
  default void rejected(Rejection rejection) {}

  /**
   * An input was read to its end.
   *
   * @param input the input's name
   * @param counts what happened to its items
   */
  default void inputFinished(String input, IngestCounts counts) {}

  /**
   * Articles an interrupted run had stored without putting them in stories (a store written by an
   * older version) were checked for duplicates and put in stories before this run read anything.
   *
   * @param articles how many
   */
  default void recovered(int articles) {}

  /** @param bytesRead bytes of file input read so far, for a progress display */
  default void progress(long bytesRead) {}
}
