package org.crosscheck.engine.flink;

import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.crosscheck.engine.StoreLocator;
import org.crosscheck.model.Article;

/**
 * Wires the stream engine's job, the distributed counterpart of the embedded ingest: the article
 * topic → non-article detection → story assignment with duplicate detection and outlets'
 * boilerplate → the store writer → deep analysis → debounced reports.
 *
 * <pre>
 *  Kafka source ─ NonArticleClassifier ─ StoryAssigner ─ StoreWriter      (parallelism 1, chained)
 *                                                           │ StoryChange (after each commit)
 *                                         ArticleAnalysis (parallelism N) ─ keyBy story ─ ReportDebouncer (N)
 * </pre>
 *
 * <p><b>Partitioning.</b> Story assignment is sequential: an article is compared with the stories
 * formed by every article before it, and a merge or split can touch any story. So the topic has one
 * partition (its order is the order of assignment, as an input's order is for the embedded
 * ingest) and the source, classifier, assigner and writer run as one chain in one slot: no
 * shuffle, no re-ordering. Analysis, the slow part, and reports run on all slots. To shard
 * assignment beyond one slot, the article space must be split into parts that never share a story:
 * by language (articles in different languages never cluster together today), or by region or
 * outlet group, keyed so that each part keeps its own order (a partition per part, an assigner per
 * key with keyed state); splitting by time window would need a hand-over of the stories still open
 * at a window's edge. State grows with the articles matched (the assigner replays them on
 * restore); bounding it the way the clusterer bounds its active stories (the most recent 20,000)
 * is the next step for an unbounded run.
 *
 * <p><b>Exactly once.</b> Checkpoints in exactly-once mode hold the source's offsets and the
 * assigner's state together; the writer writes before each barrier and idempotently, so replayed
 * records change nothing twice.
 */
public final class StoryJob {
  /** Accumulator of a job's result: articles analysed. */
  public static final String ANALYSED_ARTICLES = ArticleAnalysis.ARTICLES;
  /** Accumulator of a job's result: tokens of the articles analysed. */
  public static final String ANALYSED_TOKENS = ArticleAnalysis.TOKENS;
  /** Accumulator of a job's result: nanoseconds spent analysing, summed over the slots. */
  public static final String ANALYSIS_NANOS = ArticleAnalysis.NANOS;
  /** Accumulator of a job's result: reports built. */
  public static final String REPORTS_BUILT = ReportDebouncer.BUILT;

  private StoryJob() {}

  /**
   * How the job runs.
   *
   * @param bootstrapServers the Kafka cluster
   * @param topic the article topic
   * @param store where everything is written
   * @param bounded whether the job stops at the topic's end offsets as of its start (a batch run)
   * @param analysis whether articles are analysed and reports built (slow; off in most tests)
   * @param reportInterval the shortest time between two builds of one story's report
   * @param checkpointInterval the time between checkpoints
   * @param flushInterval the longest a story update waits before it is written
   */
  public record Settings(String bootstrapServers, String topic, StoreLocator store, boolean bounded, boolean analysis,
      Duration reportInterval, Duration checkpointInterval, Duration flushInterval) {
    public Settings {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(store, "store");
      positive(reportInterval, "report interval");
      positive(checkpointInterval, "checkpoint interval");
      positive(flushInterval, "flush interval");
    }

    private static void positive(Duration d, String what) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + d);
      }
    }
  }

  /**
   * Adds the whole job to the environment, with checkpointing in exactly-once mode.
   *
   * @param env the environment; its parallelism is that of analysis and reports
   * @param settings how the job runs
   */
  public static void build(StreamExecutionEnvironment env, Settings settings) {
    wire(source(env, settings), settings);
  }

  /**
   * @param env the environment, where checkpointing is turned on
   * @param settings how the job runs
   * @return the articles of the topic, in order, at parallelism 1
   */
  static SingleOutputStreamOperator<Article> source(StreamExecutionEnvironment env, Settings settings) {
    env.enableCheckpointing(settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    var builder = KafkaSource.<Article>builder()
        .setBootstrapServers(settings.bootstrapServers())
        .setTopics(settings.topic())
        .setGroupId("crosscheck-stories")
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(new ArticleDeserializer()));
    if (settings.bounded()) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), "article topic")
        .setParallelism(1).setMaxParallelism(1).uid("article-topic");
  }

  /**
   * Adds everything after the source.
   *
   * @param articles the articles, in the order of assignment, at parallelism 1
   * @param settings how the job runs
   * @return the store writer's output: the stories changed, once written
   */
  static DataStream<StoryChange> wire(DataStream<Article> articles, Settings settings) {
    DataStream<StoryChange> changes = articles
        .map(new NonArticleClassifier()).setParallelism(1).uid("non-articles").name("non-article detection")
        .process(new StoryAssigner(), TypeInformation.of(StoryUpdate.class))
        .setParallelism(1).setMaxParallelism(1).uid("story-assigner").name("story assignment")
        .transform("store writer", TypeInformation.of(StoryChange.class),
            new StoreWriter(settings.store(), settings.flushInterval()))
        .setParallelism(1).uid("store-writer");
    if (!settings.analysis()) {
      return changes;
    }
    int parallelism = articles.getExecutionEnvironment().getParallelism();
    changes.rebalance()
        .map(new ArticleAnalysis(settings.store())).setParallelism(parallelism).uid("analysis").name("deep analysis")
        .keyBy(c -> c.story().value(), Types.STRING)
        .transform("reports", Types.VOID, new ReportDebouncer(settings.store(), settings.reportInterval()))
        .setParallelism(parallelism).uid("reports");
    return changes;
  }
}
