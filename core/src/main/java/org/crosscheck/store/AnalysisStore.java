package org.crosscheck.store;

import java.util.Optional;
import org.crosscheck.model.ArticleId;

/**
 * Keeps each article's language analysis, so that it is computed once. The analysis is stored as
 * the analyzer's JSON with the analyzer's version; a different version is a miss. Thread-safe.
 */
public interface AnalysisStore {
  /**
   * @param article an article
   * @param version the analyzer version the caller needs
   * @return the stored analysis as JSON, when one of that version is stored
   */
  Optional<String> analysis(ArticleId article, String version);

  /**
   * Stores an article's analysis, replacing any other.
   *
   * @param article the article
   * @param version the analyzer version that made it
   * @param json the analysis as JSON
   */
  void putAnalysis(ArticleId article, String version, String json);
}
