package org.crosscheck.web;

import org.crosscheck.TestModels;
import java.nio.file.Path;
import java.util.List;
import org.crosscheck.SharedData;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;

/**
 * A server on a free loopback port over a fresh store holding the seed story. Its URL ingest may
 * fetch from private addresses, so that tests can serve feeds from loopback.
 */
final class SeedServer implements AutoCloseable {
  final Store store;
  final WebApp web;

  private SeedServer(Store store, WebApp web) {
    this.store = store;
    this.web = web;
  }

  static SeedServer start(Path dir, @org.jspecify.annotations.Nullable String token, long maxUpload) {
    return start(dir, new WebApp.Settings("127.0.0.1", 0, token, maxUpload));
  }

  static SeedServer start(Path dir, WebApp.Settings settings) {
    Store store = Store.open(dir);
    Pipeline.builder().store(store).buildIngestor()
        .ingest(List.of(SharedData.path("seeds").toString()), new IngestListener() {});
    WebApp web = new WebApp(store, Pipeline.builder().store(store).models(TestModels.STANDARD).buildReporter(), Pipeline.builder().store(store)
        .allowPrivateUrls(true).buildIngestor(), settings).start();
    return new SeedServer(store, web);
  }

  @Override
  public void close() {
    web.close();
    store.close();
  }
}
