package org.crosscheck.engine.flink;

import java.util.List;
import java.util.Objects;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.store.SketchStore.DuplicateLink;
import org.crosscheck.store.SketchStore.Sketch;
import org.crosscheck.store.StoryStore.Merge;
import org.crosscheck.store.StoryStore.Split;
import org.jspecify.annotations.Nullable;

/**
 * What ingesting one article did, as story assignment decided it: everything the store must be
 * told, in the order the embedded ingest writes it. {@link StoreWriter} applies it idempotently.
 *
 * @param article the article as read (marked when it is not one)
 * @param stored whether it is new content, content stored before, or an id taken by other content
 * @param sketches the MinHash sketches duplicate detection stored for it (none or one)
 * @param link the article it copies, or null
 * @param story its story, or null when it is in none (not an article, or not new)
 * @param newStory whether it started that story
 * @param merges the stories merged through it, in order
 * @param splits the stories split through it, in order
 * @param members every article of each story its arrival merged or split, with that story, as
 *     they are afterwards: what a replay after a restore sets again, so that the store ends as
 *     assignment left it even when the merge or split itself was written before the failure
 */
public record StoryUpdate(Article article, Stored stored, List<Sketch> sketches, @Nullable DuplicateLink link,
    @Nullable StoryId story, boolean newStory, List<Merge> merges, List<Split> splits, List<Member> members) {

  /** What storing the article did. */
  public enum Stored {
    /** New content: stored, and matched when it is an article. */
    ADDED,
    /** The same content was stored before; nothing is written. */
    ALREADY_STORED,
    /** Another article has this id; nothing is written. */
    ID_TAKEN
  }

  /**
   * An article's story after a merge or split.
   *
   * @param article the article
   * @param story its story
   */
  public record Member(ArticleId article, StoryId story) {
    public Member {
      Objects.requireNonNull(article, "article");
      Objects.requireNonNull(story, "story");
    }
  }

  public StoryUpdate {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(stored, "stored");
    sketches = List.copyOf(sketches);
    merges = List.copyOf(merges);
    splits = List.copyOf(splits);
    members = List.copyOf(members);
  }

  /** @return the update of an article that is not written (content stored before, or an id taken) */
  static StoryUpdate notStored(Article article, Stored stored) {
    return new StoryUpdate(article, stored, List.of(), null, null, false, List.of(), List.of(), List.of());
  }
}
