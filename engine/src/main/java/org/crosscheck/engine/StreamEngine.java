package org.crosscheck.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.crosscheck.engine.flink.StoryJob;
import org.crosscheck.engine.kafka.ArticleTopic;
import org.crosscheck.engine.kafka.EmbeddedKafka;
import org.crosscheck.model.Article;
import org.jspecify.annotations.Nullable;

/**
 * A whole local, bounded run of the stream engine: Kafka (an embedded broker, or a given one), the
 * articles sent to a new article topic, and the {@link StoryJob} on a local Flink MiniCluster that
 * reads the topic to its end and stops; {@link #run} returns when everything is in the store.
 * Checkpoints go to a temporary folder deleted afterwards. One run at a time per caller; runs
 * in parallel each use their own topic.
 */
public final class StreamEngine {
  private StreamEngine() {}

  /**
   * How a run goes.
   *
   * @param parallelism slots of the local cluster: analysis and reports run on all of them
   * @param analysis whether articles are analysed and reports built
   * @param checkpointInterval the time between checkpoints
   * @param bootstrapServers a Kafka cluster to use, or null to start an embedded one for the run
   */
  public record Options(int parallelism, boolean analysis, Duration checkpointInterval,
      @Nullable String bootstrapServers) {
    public Options {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
      }
      Objects.requireNonNull(checkpointInterval, "checkpointInterval");
    }

    /** @return one slot, no analysis, a checkpoint a second, an embedded Kafka */
    public static Options defaults() {
      return new Options(1, false, Duration.ofSeconds(1), null);
    }

    /** @return these options with that parallelism */
    public Options withParallelism(int slots) {
      return new Options(slots, analysis, checkpointInterval, bootstrapServers);
    }

    /** @return these options with a Kafka cluster to use instead of an embedded one */
    public Options withBootstrapServers(String servers) {
      return new Options(parallelism, analysis, checkpointInterval, Objects.requireNonNull(servers, "servers"));
    }

    /** @return these options with analysis on or off */
    public Options withAnalysis(boolean on) {
      return new Options(parallelism, on, checkpointInterval, bootstrapServers);
    }
  }

  /**
   * What a run did.
   *
   * @param articles articles sent
   * @param seconds wall-clock seconds from the first send to the end of the job
   * @param jobSeconds of which the job ran (start-up included)
   * @param analysed articles analysed
   * @param tokens their tokens
   * @param analysisSeconds seconds spent analysing, summed over the slots
   * @param reports reports built
   */
  public record Run(long articles, double seconds, double jobSeconds, long analysed, long tokens,
      double analysisSeconds, long reports) {}

  /**
   * Sends the articles to a new topic and runs the job over it to the end.
   *
   * @param articles the articles, in the order they are to be ingested
   * @param store the store written; it should be new (story ids are the job's own, from s-1)
   * @param options how the run goes
   * @return what it did
   * @throws IllegalStateException when Kafka or the job fails; the message says why
   */
  public static Run run(List<Article> articles, StoreLocator store, Options options) {
    try (EmbeddedKafka kafka = options.bootstrapServers() == null ? EmbeddedKafka.start() : null) {
      String servers = kafka != null ? kafka.bootstrapServers() : options.bootstrapServers();
      String topic = ArticleTopic.DEFAULT_NAME + "." + UUID.randomUUID();
      ArticleTopic.create(servers, topic, 1);
      long sendStart = System.nanoTime();
      try (ArticleTopic producer = new ArticleTopic(servers, topic)) {
        producer.sendAll(articles);
      }
      StoryJob.Settings settings = new StoryJob.Settings(servers, topic, store, true, options.analysis(),
          Duration.ofSeconds(1), options.checkpointInterval(), Duration.ofMillis(250));
      long jobStart = System.nanoTime();
      JobExecutionResult result = execute(settings, options.parallelism());
      long end = System.nanoTime();
      return new Run(articles.size(), (end - sendStart) / 1e9, (end - jobStart) / 1e9,
          counter(result, StoryJob.ANALYSED_ARTICLES), counter(result, StoryJob.ANALYSED_TOKENS),
          counter(result, StoryJob.ANALYSIS_NANOS) / 1e9, counter(result, StoryJob.REPORTS_BUILT));
    }
  }

  private static JobExecutionResult execute(StoryJob.Settings settings, int parallelism) {
    Path checkpoints;
    try {
      checkpoints = Files.createTempDirectory("crosscheck-checkpoints");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for checkpoints: " + e.getMessage(), e);
    }
    try {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism,
          localConfiguration(checkpoints));
      StoryJob.build(env, settings);
      return env.execute("crosscheck stories from " + settings.topic());
    } catch (Exception e) {
      throw new IllegalStateException("the stream job over topic '" + settings.topic() + "' failed: "
          + rootMessage(e), e);
    } finally {
      deleteQuietly(checkpoints);
    }
  }

  /**
   * @param checkpoints where checkpoints are kept
   * @return the local cluster's settings: checkpoints on disk (the assigner's state outgrows the
   *     job manager's memory), a few quick restarts after a failure
   */
  public static Configuration localConfiguration(Path checkpoints) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    return conf;
  }

  private static long counter(JobExecutionResult result, String name) {
    Object v = result.getAllAccumulatorResults().get(name);
    return v instanceof Number n ? n.longValue() : 0;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /** Deletes a temporary folder and what it holds, leaving behind what cannot be deleted. */
  static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temporary folder left behind is harmless
    }
  }
}
