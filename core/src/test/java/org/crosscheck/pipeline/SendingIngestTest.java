package org.crosscheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.model.Article;
import org.crosscheck.store.Store;
import org.crosscheck.store.StoreException;
import org.junit.jupiter.api.Test;

/** An ingest that sends what it reads to a sink (the distributed engine's topic) and stores nothing. */
class SendingIngestTest {
  /** A sink that keeps what it is sent, and fails from a given batch on. */
  static final class Kept implements ArticleSink {
    final List<List<Article>> batches = new ArrayList<>();
    int failFrom = Integer.MAX_VALUE;

    @Override
    public String location() {
      return "kept://test";
    }

    @Override
    public void send(List<Article> batch) {
      if (batches.size() >= failFrom) {
        throw new StoreException("cannot send to kept://test: the broker is down");
      }
      batches.add(List.copyOf(batch));
    }

    @Override
    public void close() {}
  }

  @Test
  void sendsEveryArticleInInputOrderAndStoresNothing() {
    Kept sink = new Kept();
    Store store = Store.inMemory();
    IngestSummary s = Pipeline.builder().store(store).sendTo(sink).batchSize(50).buildIngestor()
        .ingest(List.of(SharedData.path("basil-2010-2016.jsonl").toString()), new IngestListener() {});
    List<Article> sent = sink.batches.stream().flatMap(List::stream).toList();
    assertThat(sent).hasSize(210);
    assertThat(sent.getFirst().sourceId()).isNotNull();
    assertThat(s.counts().added() + s.counts().notArticles()).isEqualTo(210);
    assertThat(sink.batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(50));
    assertThat(store.count()).as("the engine that receives them stores them").isZero();
    assertThat(store.allAssignments()).isEmpty();
  }

  @Test
  void aSinkThatFailsStopsTheRunAndSaysWhatWasNotSent() {
    Kept sink = new Kept();
    sink.failFrom = 1;
    IngestSummary s = Pipeline.builder().sendTo(sink).batchSize(50).buildIngestor()
        .ingest(List.of(SharedData.path("basil-2010-2016.jsonl").toString()), new IngestListener() {});
    assertThat(sink.batches).hasSize(1);
    assertThat(s.storeError()).contains("cannot send to kept://test: the broker is down");
    assertThat(s.rejections()).isNotEmpty().allSatisfy(r -> assertThat(r.message()).contains("not sent, and the run"
        + " stopped: cannot send to kept://test"));
  }
}
