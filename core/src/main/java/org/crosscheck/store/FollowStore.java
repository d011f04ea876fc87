package org.crosscheck.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crosscheck.model.FollowedSource;

/**
 * Keeps the sources that are followed (feeds, news sitemaps), the state of their polling, and which
 * items each has already given, so that a restarted watcher resumes where it stopped: conditional
 * requests with the stored validators, and no item fetched or ingested twice. Thread-safe.
 */
public interface FollowStore {
  /**
   * Follows a source, or returns it as it is when its URL is already followed.
   *
   * @param source the source; its id is ignored
   * @return the stored source, with its id
   */
  FollowedSource addFollowed(FollowedSource source);

  /** @return every followed source, in the order they were added */
  List<FollowedSource> followedSources();

  /**
   * @param url a followed URL, exactly as stored
   * @return the source, or empty when that URL is not followed
   */
  Optional<FollowedSource> followedSource(String url);

  /**
   * Replaces the stored state of a source (matched by id); does nothing when it was removed meanwhile.
   *
   * @param source the source with its new state
   */
  void updateFollowed(FollowedSource source);

  /**
   * Stops following a source and forgets the items it gave (the articles stay).
   *
   * @param url a followed URL, exactly as stored
   * @return whether it was followed
   */
  boolean removeFollowed(String url);

  /**
   * @param source a source's id
   * @param keys item keys (GUIDs or URLs)
   * @return those of the keys the source has already given
   */
  Set<String> seenItems(long source, Collection<String> keys);

  /**
   * Remembers items a source has given.
   *
   * @param source a source's id
   * @param keys item keys (GUIDs or URLs)
   * @param at when they were seen
   */
  void markSeen(long source, Collection<String> keys, Instant at);
}
