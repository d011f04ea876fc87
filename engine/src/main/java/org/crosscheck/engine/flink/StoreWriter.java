package org.crosscheck.engine.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.crosscheck.boilerplate.OutletBoilerplate;
import org.crosscheck.engine.StoreLocator;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.store.PutResult;
import org.crosscheck.outlet.Outlets;
import org.crosscheck.store.SearchStore;
import org.crosscheck.store.Store;
import org.crosscheck.store.StoryStore.Merge;
import org.crosscheck.store.StoryStore.Split;

/**
 * Writes story updates to the store, in order, in batches of one transaction each (at most {@link
 * #BATCH} updates, or what arrived within the flush interval); every batch pending is written before
 * a checkpoint barrier is passed on and at the end of the input. Then it emits a {@link
 * StoryChange} for each story changed, so that reports are built only from what the store holds.
 *
 * <p>Every write is idempotent, so that the updates replayed after a restore from a checkpoint
 * (those after it, some of which were written before the failure) leave the store as one run
 * would: articles are stored by content hash, and an article already stored is neither counted
 * again nor learned again as its outlet's boilerplate; sketches and copy links are keyed by article;
 * a merge or split already recorded is not recorded again; an article is put in a story only when
 * it is in another one, and the members of each story merged or split are set as assignment left
 * them. Runs at parallelism 1 behind story assignment.
 */
final class StoreWriter extends AbstractStreamOperator<StoryChange>
    implements OneInputStreamOperator<StoryUpdate, StoryChange> {
  private static final long serialVersionUID = 1L;
  /** Most updates written in one transaction, as the embedded ingest's batches. */
  static final int BATCH = 500;

  private final StoreLocator locator;
  private final long flushMillis;
  private transient Store store;
  private transient OutletBoilerplate boilerplate;
  private transient List<StoryUpdate> pending;
  private transient Set<Merge> merges;
  private transient Set<Split> splits;
  /** The highest story number the store's counter is known to have passed. */
  private transient long storiesCounted;
  private transient boolean flushScheduled;

  /**
   * @param locator the store written
   * @param flushInterval the longest an update waits before it is written
   */
  StoreWriter(StoreLocator locator, Duration flushInterval) {
    this.locator = Objects.requireNonNull(locator, "locator");
    this.flushMillis = flushInterval.toMillis();
  }

  @Override
  public void open() throws Exception {
    super.open();
    store = locator.open();
    boilerplate = new OutletBoilerplate(store);
    pending = new ArrayList<>();
    merges = new HashSet<>(store.merges());
    splits = new HashSet<>(store.splits());
  }

  @Override
  public void processElement(StreamRecord<StoryUpdate> element) {
    pending.add(element.getValue());
    if (pending.size() >= BATCH) {
      flush();
    } else if (!flushScheduled) {
      flushScheduled = true;
      var time = getProcessingTimeService();
      time.registerTimer(time.getCurrentProcessingTime() + flushMillis, t -> {
        flushScheduled = false;
        flush();
      });
    }
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) {
    flush();
  }

  @Override
  public void finish() throws Exception {
    flush();
    super.finish();
  }

  @Override
  public void close() throws Exception {
    if (store != null) {
      store.close();
    }
    super.close();
  }

  /** Writes the pending updates in one transaction, then emits the stories they changed. */
  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<StoryUpdate> batch = List.copyOf(pending);
    pending.clear();
    List<StoryChange> changes = new ArrayList<>();
    store.inTransaction(() -> write(batch, changes));
    store.index(searchEntries(batch));
    changes.forEach(c -> output.collect(new StreamRecord<>(c)));
  }

  /**
   * @return the search entries of the articles written and of every article a merge or split moved,
   *     in their stories now (entries replace those of their ids, so a replay writes the same)
   */
  private List<SearchStore.Entry> searchEntries(List<StoryUpdate> batch) {
    Outlets outlets = store.outlets();
    Map<ArticleId, StoryId> stories = new LinkedHashMap<>();
    Map<ArticleId, Article> known = new HashMap<>();
    for (StoryUpdate u : batch) {
      if (u.stored() != StoryUpdate.Stored.ADDED) {
        continue;
      }
      known.put(u.article().id(), u.article());
      stories.put(u.article().id(), u.story());
      u.members().forEach(m -> stories.put(m.article(), m.story()));
    }
    List<SearchStore.Entry> entries = new ArrayList<>(stories.size());
    stories.forEach((id, story) -> {
      Article a = known.containsKey(id) ? known.get(id) : store.get(id).orElse(null);
      if (a != null) {
        entries.add(SearchStore.Entry.ofArticle(a, outlets.name(a), story));
      }
    });
    return entries;
  }

  private void write(List<StoryUpdate> batch, List<StoryChange> changes) {
    List<StoryUpdate> added = batch.stream().filter(u -> u.stored() == StoryUpdate.Stored.ADDED).toList();
    List<PutResult> results = store.putAll(added.stream().map(StoryUpdate::article).toList());
    List<Article> firstTime = new ArrayList<>();
    for (int i = 0; i < added.size(); i++) {
      if (results.get(i) instanceof PutResult.Added) {
        firstTime.add(added.get(i).article());
      }
    }
    store.register(store.outlets().learn(firstTime));
    Set<ArticleId> learn = new HashSet<>();
    firstTime.forEach(a -> learn.add(a.id()));
    for (StoryUpdate u : added) {
      Article a = u.article();
      u.sketches().forEach(store::putSketch);
      if (u.link() != null) {
        store.putDuplicate(u.link());
      }
      for (Merge m : u.merges()) {
        if (merges.add(m)) {
          store.merge(m);
        }
      }
      for (Split s : u.splits()) {
        countStory(s.into());
        if (splits.add(s)) {
          store.split(s);
        }
      }
      if (u.story() != null) {
        countStory(u.story());
        put(a.id(), u.story());
        u.members().forEach(m -> put(m.article(), m.story()));
        changes.add(new StoryChange(u.story(), a));
        u.merges().forEach(m -> changes.add(new StoryChange(m.into(), null)));
        u.splits().forEach(s -> changes.add(new StoryChange(s.from(), null)));
      }
      if (a.isArticle() && learn.contains(a.id())) {
        boilerplate.learn(a);
      }
    }
  }

  /** Puts an article in a story unless it is there already (which would change its place in the story's order). */
  private void put(ArticleId article, StoryId story) {
    Optional<StoryId> now = store.storyOf(article);
    if (now.isEmpty() || !now.get().equals(story)) {
      store.assign(article, story);
    }
  }

  /** Moves the store's story counter past a story id assignment gave out, so that the store never hands it out again. */
  private void countStory(StoryId story) {
    while (storiesCounted < story.number()) {
      storiesCounted = store.newStoryId().number();
    }
  }
}
