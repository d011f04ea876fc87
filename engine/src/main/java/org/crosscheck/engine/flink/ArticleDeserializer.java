package org.crosscheck.engine.flink;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.crosscheck.engine.kafka.ArticleCodec;
import org.crosscheck.model.Article;

/**
 * Reads the article topic's values ({@link ArticleCodec} JSON). A value that is not an article is
 * skipped and counted in the metric {@code unreadableArticles}, so that one bad record cannot stop
 * the job (it would fail again on every restart).
 */
final class ArticleDeserializer implements DeserializationSchema<Article> {
  private static final long serialVersionUID = 1L;
  private transient Counter unreadable;

  @Override
  public void open(InitializationContext context) {
    unreadable = context.getMetricGroup().counter("unreadableArticles");
  }

  @Override
  public Article deserialize(byte[] message) {
    return ArticleCodec.decode(message);
  }

  @Override
  public void deserialize(byte[] message, Collector<Article> out) {
    Article article;
    try {
      article = deserialize(message);
    } catch (IllegalArgumentException e) {
      unreadable.inc();
      return;
    }
    out.collect(article);
  }

  @Override
  public boolean isEndOfStream(Article next) {
    return false;
  }

  @Override
  public TypeInformation<Article> getProducedType() {
    return TypeInformation.of(Article.class);
  }
}
