package org.crosscheck.engine.flink;

import org.apache.flink.api.common.functions.MapFunction;
import org.crosscheck.ingest.NonArticleDetector;
import org.crosscheck.model.Article;

/**
 * Marks pages that are not articles (login, paywall, notice and error pages) as the embedded
 * ingest does, with {@link NonArticleDetector}; such a page is stored, never clustered. Stateless.
 */
final class NonArticleClassifier implements MapFunction<Article, Article> {
  private static final long serialVersionUID = 1L;
  private static final NonArticleDetector DETECTOR = new NonArticleDetector();

  @Override
  public Article map(Article article) {
    return DETECTOR.reason(article).map(article::asNotArticle).orElse(article);
  }
}
