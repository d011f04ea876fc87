package org.crosscheck.follow;

import java.util.List;
import org.crosscheck.ingest.ArticleImporter;
import org.crosscheck.ingest.Input;
import org.jspecify.annotations.Nullable;

/**
 * Where the new items of a followed source go: the same ingest as every other input (non-article
 * detection, duplicates, stories). The pipeline provides it.
 */
@FunctionalInterface
public interface ItemSink {
  /**
   * Ingests inputs and stores their articles.
   *
   * @param inputs the inputs: a feed's bytes, or the pages a news sitemap lists
   * @param importer reads every input (a feed importer that passes over items seen before), or null
   *     to detect each input's format
   * @return what was stored
   */
  Ingested ingest(List<? extends Input> inputs, @Nullable ArticleImporter importer);

  /**
   * What one ingest stored.
   *
   * @param added articles stored for the first time
   * @param alreadyStored articles that were stored before
   * @param rejected items and inputs that were not stored
   * @param rejections why, one message each, naming the input
   * @param storeError why the store failed, or null
   */
  record Ingested(long added, long alreadyStored, long rejected, List<String> rejections, @Nullable String storeError) {
    public Ingested {
      rejections = List.copyOf(rejections);
    }
  }
}
