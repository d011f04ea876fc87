package org.crosscheck.engine.flink;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.crosscheck.model.Article;

/**
 * Story assignment, duplicate detection and boilerplate learning: the sequential step of the job.
 * Each article is compared with the stories formed by the articles before it, so this operator
 * runs at parallelism 1 and sees the articles in the topic's order.
 *
 * <p>Its state is the list of articles it has matched, in order, in checkpointed operator state.
 * What it decides ({@link ArticleMatcher}) is a deterministic function of that list, so on restore
 * it replays the list into a new matcher, discarding the updates (they were sent before the
 * checkpoint), and is then exactly where it was at the checkpoint: the articles read again from
 * the topic after the checkpoint's offsets get the same stories, with the same ids, as in a run
 * without a failure. The price is a replay proportional to the articles matched, and state that
 * grows with them; see {@code StoryJob} for how this would be bounded and sharded.
 */
final class StoryAssigner extends ProcessFunction<Article, StoryUpdate> implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;

  private transient ListState<Article> matched;
  private transient ArticleMatcher matcher;

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    matched = context.getOperatorStateStore().getListState(
        new ListStateDescriptor<>("matched-articles", TypeInformation.of(Article.class)));
    matcher = new ArticleMatcher();
    if (context.isRestored()) {
      for (Article a : matched.get()) {
        matcher.match(a);
      }
    }
  }

  @Override
  public void processElement(Article article, Context ctx, Collector<StoryUpdate> out) throws Exception {
    StoryUpdate update = matcher.match(article);
    matched.add(article);
    out.collect(update);
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) {
    // the list state is kept up to date as articles are matched
  }
}
