package org.crosscheck.engine.flink;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crosscheck.boilerplate.OutletBoilerplate;
import org.crosscheck.cluster.StoryClusterer;
import org.crosscheck.model.Article;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.pipeline.Stages;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.store.PutResult;
import org.crosscheck.store.SketchStore.DuplicateLink;
import org.crosscheck.store.SketchStore.Sketch;
import org.crosscheck.store.Store;
import org.crosscheck.store.StoryStore.Merge;
import org.crosscheck.store.StoryStore.Split;

/**
 * The sequential part of ingest, one article at a time, exactly as the embedded ingest runs it in
 * its store transaction, with the {@link Stages} {@link Pipeline} builds: storing (idempotent by
 * content), then, for a new article, its outlet's boilerplate taken out, duplicate detection and
 * story assignment ({@link Stages#match}; a copy joins its original's story) and learning its lines. The stages work on a scratch in-memory store of their
 * own, so that what they decide depends only on the articles matched before, in order; the result
 * is a {@link StoryUpdate} for the real store. The same articles in the same order give the same
 * updates, story ids included. Not thread-safe.
 */
final class ArticleMatcher {
  private final Store scratch = Store.inMemory();
  private final Stages stages = Pipeline.builder().store(scratch).buildStages();
  private final StoryClusterer clusterer = stages.restoreClusterer().get();
  private long lastSketch;
  private int mergesSeen;
  private int splitsSeen;

  /**
   * @param article the next article, classified (marked when it is not one)
   * @return what ingesting it did
   */
  StoryUpdate match(Article article) {
    PutResult put = scratch.put(article);
    switch (put) {
      case PutResult.AlreadyStored x -> {
        return StoryUpdate.notStored(article, StoryUpdate.Stored.ALREADY_STORED);
      }
      case PutResult.IdTaken x -> {
        return StoryUpdate.notStored(article, StoryUpdate.Stored.ID_TAKEN);
      }
      case PutResult.Added x -> {
        // matched below
      }
    }
    if (!article.isArticle()) {
      return StoryUpdate.notStored(article, StoryUpdate.Stored.ADDED);
    }
    OutletBoilerplate.Stripped stripped = stages.boilerplate().strip(article);
    Article matching = stripped.article();
    Stages.Matched matched = stages.match(article, stages.dedup().prepare(matching), clusterer.prepare(matching),
        clusterer, scratch);
    Optional<DuplicateLink> link = matched.link();
    StoryClusterer.Assignment assignment = matched.assignment();
    stages.boilerplate().learn(article, stripped);

    List<Sketch> sketches = new ArrayList<>();
    scratch.sketchesAfter(lastSketch, n -> {
      sketches.add(n.sketch());
      lastSketch = n.number();
    });
    List<Merge> merges = List.of();
    List<Split> splits = List.of();
    Set<StoryId> touched = new LinkedHashSet<>();
    if (!assignment.merged().isEmpty()) {
      List<Merge> all = scratch.merges();
      merges = List.copyOf(all.subList(mergesSeen, all.size()));
      mergesSeen = all.size();
      touched.add(assignment.story());
      merges.forEach(m -> touched.add(m.into()));
    }
    if (!assignment.splits().isEmpty()) {
      List<Split> all = scratch.splits();
      splits = List.copyOf(all.subList(splitsSeen, all.size()));
      splitsSeen = all.size();
      splits.forEach(s -> {
        touched.add(s.from());
        touched.add(s.into());
      });
    }
    List<StoryUpdate.Member> members = new ArrayList<>();
    for (StoryId story : touched) {
      for (ArticleId a : scratch.articlesOf(story)) {
        members.add(new StoryUpdate.Member(a, story));
      }
    }
    return new StoryUpdate(article, StoryUpdate.Stored.ADDED, sketches, link.orElse(null), assignment.story(),
        assignment.newStory(), merges, splits, members);
  }
}
