package org.crosscheck.engine.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.flink.util.ParameterTool;
import org.junit.jupiter.api.Test;

class StoryJobMainTest {
  @Test
  void readsTheJobsSettingsFromItsCommandLine() {
    StoryJob.Settings s = StoryJobMain.settings(ParameterTool.fromArgs(new String[] {"--kafka", "kafka:9092",
        "--store", "opensearch://opensearch:9200/news", "--analysis", "false", "--checkpoint-seconds", "5"}));
    assertThat(s.bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(s.topic()).isEqualTo("crosscheck-articles");
    assertThat(s.store().uri()).isEqualTo("opensearch://opensearch:9200/news");
    assertThat(s.bounded()).as("a cluster's job follows the topic").isFalse();
    assertThat(s.analysis()).isFalse();
    assertThat(s.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void namesAMissingOption() {
    assertThatThrownBy(() -> StoryJobMain.settings(ParameterTool.fromArgs(new String[] {"--kafka", "k:9092"})))
        .hasMessageContaining("--store is required");
    assertThatThrownBy(() -> StoryJobMain.settings(ParameterTool.fromArgs(new String[] {"--kafka", "k:9092",
        "--store", "ftp:x"}))).hasMessageContaining("names no known store");
  }
}
