package org.crosscheck.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crosscheck.model.Article;
import org.crosscheck.store.AnalysisStore;
import org.jspecify.annotations.Nullable;

/**
 * Analyses articles once: an article's analysis (its text against its publication date) is kept
 * in the store under the analyzer's version and read back from there next time. A stored
 * analysis of another version, or one that cannot be read, is made again and replaced. Thread-safe
 * when the analyzer and the store are.
 */
public final class CachingAnalyzer {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new SimpleModule()
      .addSerializer(LocalDate.class, new JsonSerializer<>() {
        @Override
        public void serialize(LocalDate d, JsonGenerator g, SerializerProvider p) throws IOException {
          g.writeString(d.toString());
        }
      })
      .addDeserializer(LocalDate.class, new JsonDeserializer<>() {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext c) throws IOException {
          return LocalDate.parse(p.getValueAsString());
        }
      }));

  private final Analyzer analyzer;
  private final String version;
  private final AnalysisStore store;

  /**
   * @param analyzer what makes analyses
   * @param version the analyzer's version: change it when its output changes, so stored analyses are made again
   * @param store where analyses are kept
   */
  public CachingAnalyzer(Analyzer analyzer, String version, AnalysisStore store) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.version = Objects.requireNonNull(version, "version");
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * @param article a stored article
   * @return its analysis, against its publication date (relative dates stay unresolved when it has none)
   */
  public Analysis analyze(Article article) {
    return analyze(article, null);
  }

  /**
   * @param article a stored article
   * @param inferredAnchor the date to resolve relative dates against when the article has no date
   *     of its own (from its story), or {@code null}
   * @return its analysis, against its publication date, else against the inferred date
   */
  public Analysis analyze(Article article, @Nullable LocalDate inferredAnchor) {
    LocalDate anchor = article.published().localDate().orElse(inferredAnchor);
    String key = article.published().isKnown() || anchor == null ? version : version + "@" + anchor;
    Optional<String> stored = store.analysis(article.id(), key);
    if (stored.isPresent()) {
      try {
        return JSON.readValue(stored.get(), Analysis.class);
      } catch (JsonProcessingException | RuntimeException e) {
        // unreadable (an older shape, a damaged row): made again below and replaced
      }
    }
    Analysis a = analyzer.analyze(article.text(), anchor);
    try {
      store.putAnalysis(article.id(), key, JSON.writeValueAsString(a));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the analysis of " + article.id() + " as JSON", e);
    }
    return a;
  }
}
