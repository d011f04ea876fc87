package org.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.crosscheck.SharedData;
import org.crosscheck.TestModels;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.EmbeddedArticleStore;
import org.crosscheck.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server started on a store ingested before searches the index written then, and what another writer adds. */
class WebAppOnStoredIndexTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path dir;

  private static String get(WebApp web, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(web.url() + path)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private long generation() throws Exception {
    try (FSDirectory d = FSDirectory.open(dir.resolve(EmbeddedArticleStore.SEARCH_FOLDER))) {
      return SegmentInfos.readLatestCommit(d).getGeneration();
    }
  }

  @Test
  void aServerOnAnIngestedStoreFindsItsArticlesWithoutFillingTheIndexAndWhatAnIngestAddsMeanwhile() throws Exception {
    try (Store cli = Store.open(dir)) { // a crosscheck ingest before the server starts
      Pipeline.builder().store(cli).buildIngestor()
          .ingest(List.of(SharedData.path("basil-2010-2016.jsonl").toString()), new IngestListener() {});
    }
    long written = generation();
    try (Store store = Store.open(dir);
        WebApp web = new WebApp(store, Pipeline.builder().store(store).models(TestModels.STANDARD).buildReporter(),
            Pipeline.builder().store(store).buildIngestor(), new WebApp.Settings("127.0.0.1", 0, null, 1 << 20))
            .start()) {
      assertThat(get(web, "/api/search?q=Sestak")).contains("Bill Clinton");
      assertThat(generation()).as("starting and searching writes nothing to the index").isEqualTo(written);

      try (Store cli = Store.open(dir)) { // a crosscheck ingest while the server runs
        Pipeline.builder().store(cli).buildIngestor()
            .ingest(List.of(SharedData.path("seeds").toString()), new IngestListener() {});
      }
      assertThat(get(web, "/api/search?q=Kursk")).contains("\"kind\":\"article\"");
    }
  }
}
