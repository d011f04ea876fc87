package org.crosscheck.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an upload did: the same counts and messages as {@code crosscheck ingest}; when it stopped
 * midway, what it had stored until then and why it stopped. The JSON answer of {@code POST /api/articles}.
 */
record IngestResult(long added, long alreadyStored, long rejected, long notArticles, List<String> rejections,
    List<String> articles, List<String> stories, @Nullable String storeError, @Nullable String error) {
  /** @return the HTTP status: 500 when it stopped on an error, 503 when the store failed, 400 when nothing was kept */
  int status() {
    return error != null ? 500 : storeError != null ? 503
        : rejected > 0 && added + alreadyStored + notArticles == 0 ? 400 : 200;
  }
}
