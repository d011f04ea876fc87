package org.crosscheck.analysis;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The language models the analysis and the report run: CoreNLP's pipeline (tokens, sentences,
 * entities, numbers, times, quotes; 14 to 20 s to load, about 1.5 GB of heap) and the sentence
 * embedding model that aligns claims across outlets. Whoever wires the pipeline makes one {@code
 * Models} and passes it to every stage that needs it, so each model is loaded once per {@code
 * Models}, on first use or by {@link #load()}; tests and engines choose their own. Thread-safe.
 */
public final class Models {
  private final Once<StanfordCoreNLP> corenlp;
  private final Once<EmbeddingModel> embeddings;

  private Models(Supplier<StanfordCoreNLP> corenlp, Supplier<EmbeddingModel> embeddings) {
    this.corenlp = new Once<>(corenlp);
    this.embeddings = new Once<>(embeddings);
  }

  /**
   * @return CoreNLP with Crosscheck's settings ({@link CoreNlpAnalyzer#properties()}) and
   *     all-MiniLM-L6-v2 (quantized, in process, English), each loaded on first use
   */
  public static Models standard() {
    return new Models(() -> new StanfordCoreNLP(CoreNlpAnalyzer.properties()), AllMiniLmL6V2QuantizedEmbeddingModel::new);
  }

  /**
   * @param corenlp makes the CoreNLP pipeline, when it is first needed
   * @param embeddings makes the sentence embedding model, when it is first needed
   * @return models made by the given factories
   */
  public static Models of(Supplier<StanfordCoreNLP> corenlp, Supplier<EmbeddingModel> embeddings) {
    return new Models(Objects.requireNonNull(corenlp, "corenlp"), Objects.requireNonNull(embeddings, "embeddings"));
  }

  /** @return the CoreNLP pipeline, loaded now if it was not yet */
  public StanfordCoreNLP corenlp() {
    return corenlp.get();
  }

  /** @return the sentence embedding model, loaded now if it was not yet */
  public EmbeddingModel embeddings() {
    return embeddings.get();
  }

  /**
   * Loads both models now rather than on first use (a command that will need them says so first).
   *
   * @return these models
   */
  public Models load() {
    corenlp();
    embeddings();
    return this;
  }

  /** A value made once, on first use, by one thread while others wait. */
  private static final class Once<T> {
    private final Supplier<T> factory;
    private volatile @Nullable T value;

    Once(Supplier<T> factory) {
      this.factory = factory;
    }

    T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = Objects.requireNonNull(factory.get(), "the model factory returned nothing");
            value = v;
          }
        }
      }
      return v;
    }
  }
}
