package org.crosscheck.engine.flink;

import java.time.Duration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;
import org.crosscheck.engine.StoreLocator;

/**
 * Submits the story job to a Flink cluster, unbounded (it follows the topic until cancelled):
 *
 * <pre>
 * flink run -c org.crosscheck.engine.flink.StoryJobMain crosscheck-engine.jar \
 *     --kafka kafka:9092 --topic crosscheck-articles --store opensearch://opensearch:9200/crosscheck \
 *     [--analysis true] [--checkpoint-seconds 10] [--report-seconds 30]
 * </pre>
 *
 * The job's parallelism (analysis and reports) is the cluster's or {@code flink run -p N}'s; story
 * assignment runs in one slot (see {@link StoryJob}). Checkpoint storage and restart strategy are
 * the cluster's configuration.
 */
public final class StoryJobMain {
  private StoryJobMain() {}

  /**
   * @param args {@code --kafka SERVERS --topic NAME --store URI}, and optionally {@code --analysis},
   *     {@code --checkpoint-seconds}, {@code --report-seconds}
   * @throws Exception when the job cannot be submitted or fails
   */
  public static void main(String[] args) throws Exception {
    ParameterTool params = ParameterTool.fromArgs(args);
    StoryJob.Settings settings = settings(params);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StoryJob.build(env, settings);
    env.execute("crosscheck stories from " + settings.topic());
  }

  /**
   * @param params the command line
   * @return the job's settings
   * @throws IllegalArgumentException naming the option when one is missing or not valid
   */
  static StoryJob.Settings settings(ParameterTool params) {
    String kafka = required(params, "kafka");
    String topic = params.get("topic", "crosscheck-articles");
    StoreLocator store = new StoreLocator(required(params, "store"));
    boolean analysis = params.getBoolean("analysis", true);
    Duration checkpoint = Duration.ofSeconds(params.getLong("checkpoint-seconds", 10));
    Duration reports = Duration.ofSeconds(params.getLong("report-seconds", 30));
    return new StoryJob.Settings(kafka, topic, store, false, analysis, reports, checkpoint, Duration.ofMillis(250));
  }

  private static String required(ParameterTool params, String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " is required (e.g. --kafka kafka:9092 --topic"
          + " crosscheck-articles --store opensearch://opensearch:9200/crosscheck)");
    }
    return value;
  }
}
