package org.crosscheck.engine.flink;

import java.util.Objects;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.crosscheck.analysis.Analysis;
import org.crosscheck.analysis.CachingAnalyzer;
import org.crosscheck.engine.StoreLocator;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;

/**
 * The deep analysis (CoreNLP: tokens, sentences, entities, quotes, time expressions) of each new
 * article, kept in the store as the embedded engine keeps it ({@link CachingAnalyzer}: once per
 * article, so a replay after a restore finds it stored). Slow (tens of articles a second per
 * slot), so it runs at the job's parallelism after story assignment, off the sequential path.
 * Counts, in accumulators, the articles analysed ({@value #ARTICLES}), their tokens ({@value
 * #TOKENS}) and the time spent ({@value #NANOS}, nanoseconds summed over the slots).
 */
final class ArticleAnalysis extends RichMapFunction<StoryChange, StoryChange> {
  private static final long serialVersionUID = 1L;
  /** Accumulator: articles analysed. */
  static final String ARTICLES = "analysedArticles";
  /** Accumulator: tokens of the articles analysed. */
  static final String TOKENS = "analysedTokens";
  /** Accumulator: nanoseconds spent analysing, summed over the slots. */
  static final String NANOS = "analysisNanos";

  private final StoreLocator locator;
  private transient Store store;
  private transient CachingAnalyzer analyzer;
  private transient LongCounter articles;
  private transient LongCounter tokens;
  private transient LongCounter nanos;

  /** @param locator the store where analyses are kept */
  ArticleAnalysis(StoreLocator locator) {
    this.locator = Objects.requireNonNull(locator, "locator");
  }

  @Override
  public void open(OpenContext context) {
    store = locator.open();
    analyzer = Pipeline.builder().store(store).models(TaskModels.shared()).buildAnalyzer();
    articles = getRuntimeContext().getLongCounter(ARTICLES);
    tokens = getRuntimeContext().getLongCounter(TOKENS);
    nanos = getRuntimeContext().getLongCounter(NANOS);
  }

  @Override
  public StoryChange map(StoryChange change) {
    if (change.article() == null) {
      return change;
    }
    long start = System.nanoTime();
    Analysis a = analyzer.analyze(change.article());
    nanos.add(System.nanoTime() - start);
    articles.add(1L);
    tokens.add((long) a.tokens());
    return change.analysed();
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
