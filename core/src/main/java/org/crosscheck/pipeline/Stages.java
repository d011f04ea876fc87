package org.crosscheck.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.crosscheck.boilerplate.OutletBoilerplate;
import org.crosscheck.cluster.StoryClusterer;
import org.crosscheck.dedup.Deduplicator;
import org.crosscheck.ingest.NonArticleDetector;
import org.crosscheck.model.Article;
import org.crosscheck.model.StoryId;
import org.crosscheck.store.SketchStore.DuplicateLink;
import org.crosscheck.store.StoryStore;

/**
 * The stages every engine runs on a new article, in order, built by {@link Pipeline} over one
 * store: non-article detection, the outlet's boilerplate taken out, duplicate detection and story
 * assignment. The embedded ingest runs them in one store transaction per batch; the distributed
 * engine's sequential operator runs them one article at a time; both through {@link #match}.
 *
 * @param nonArticles marks logins, paywalls, notices and error pages
 * @param boilerplate learns and takes out each outlet's recurring lines
 * @param dedup finds copies
 * @param restoreClusterer builds a clusterer that knows the stories stored so far
 */
public record Stages(NonArticleDetector nonArticles, OutletBoilerplate boilerplate, Deduplicator dedup,
    Supplier<StoryClusterer> restoreClusterer) {
  public Stages {
    Objects.requireNonNull(nonArticles, "nonArticles");
    Objects.requireNonNull(boilerplate, "boilerplate");
    Objects.requireNonNull(dedup, "dedup");
    Objects.requireNonNull(restoreClusterer, "restoreClusterer");
  }

  /**
   * What duplicate detection and story assignment made of one article.
   *
   * @param link the article it copies, when it is a copy
   * @param assignment its story
   */
  public record Matched(Optional<DuplicateLink> link, StoryClusterer.Assignment assignment) {}

  /**
   * Checks a stored article for copies and puts it in a story: a copy joins the story of the article
   * it copies, any other article is clustered. Call inside the store's transaction, in storing order.
   *
   * @param article the article, stored
   * @param sketch its sketch, prepared by {@link #dedup} from its text without boilerplate
   * @param features its features, prepared by {@code clusterer} from the same text
   * @param clusterer the clusterer in force
   * @param stories where the article's story is recorded
   * @return the copy link found, if any, and the story
   */
  public Matched match(Article article, Deduplicator.Prepared sketch, StoryClusterer.Prepared features,
      StoryClusterer clusterer, StoryStore stories) {
    Optional<DuplicateLink> link = dedup.check(sketch);
    Optional<StoryId> ofOriginal = link.flatMap(l -> stories.storyOf(l.original()));
    StoryClusterer.Assignment assignment;
    if (ofOriginal.isPresent()) {
      clusterer.add(features, ofOriginal.get());
      assignment = new StoryClusterer.Assignment(ofOriginal.get(), false, List.of());
    } else {
      assignment = clusterer.assign(features);
    }
    stories.assign(article.id(), assignment.story());
    return new Matched(link, assignment);
  }
}
