package org.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crosscheck.ingest.BytesInput;
import org.crosscheck.model.Provenance;
import org.junit.jupiter.api.Test;

class ServeBenchmarkTest {
  @Test
  void concurrentReadersAndOneWriterGetNoErrors() throws Exception {
    List<BytesInput> story = new java.util.ArrayList<>();
    try (var files = java.nio.file.Files.list(org.crosscheck.SharedData.path("seeds"))) {
      for (var f : files.sorted().toList()) {
        story.add(new BytesInput(f.toString(), Provenance.Kind.FILE, java.nio.file.Files.readAllBytes(f), "text/plain"));
      }
    }
    ServeBenchmark.Result r = ServeBenchmark.run(story, 4, 3);
    assertThat(r.errors()).isZero();
    assertThat(r.storyRequests()).isPositive();
    assertThat(r.writes()).isPositive();
    assertThat(r.storyP99Ms()).isGreaterThanOrEqualTo(r.storyP50Ms());
  }
}
