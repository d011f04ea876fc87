package org.crosscheck.web;

import io.javalin.http.BadRequestResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.crosscheck.cluster.StoryClusterer;
import org.crosscheck.ingest.BytesInput;
import org.crosscheck.ingest.IngestException;
import org.crosscheck.ingest.Input;
import org.crosscheck.ingest.Rejection;
import org.crosscheck.ingest.UrlPolicy;
import org.crosscheck.model.Article;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.IngestSummary;
import org.crosscheck.pipeline.Ingestor;
import org.crosscheck.store.PutResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests uploads and URLs through the same {@link Ingestor} as the command line, one ingest at a
 * time, making what it stores searchable. An ingest that stops on an unexpected error answers with
 * what it stored until then, and is logged. Thread-safe.
 */
final class IngestService {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  private final Ingestor ingestor;
  private final ReentrantLock lock = new ReentrantLock();
  /** Runs after each article an ingest stores, with its id; a test uses it to fail an ingest midway. */
  private volatile Consumer<String> afterStored = id -> {};

  /**
   * @param ingestor stores what is ingested, as the command line does
   */
  IngestService(Ingestor ingestor) {
    this.ingestor = ingestor;
  }

  /**
   * Prepares the ingestor for the first upload (restores its clusterer from the stored stories) on a
   * background thread, holding the ingest lock meanwhile, so that an upload arriving first waits for
   * it rather than doing it. A failure is logged; the first upload then tries again.
   */
  void prepareInBackground() {
    Thread.ofPlatform().daemon().name("ingest-prepare").start(() -> {
      lock.lock();
      try {
        long started = System.nanoTime();
        ingestor.prepare();
        LOG.info("ready for uploads in {} ms", (System.nanoTime() - started) / 1_000_000);
      } catch (RuntimeException e) {
        LOG.warn("cannot prepare for uploads in the background (the first upload will): {}", e.toString(), e);
      } finally {
        lock.unlock();
      }
    });
  }

  /** Sets what runs after each stored article; a test fails an ingest midway with it. */
  void afterStored(Consumer<String> hook) {
    afterStored = hook;
  }

  /** @return what ingesting the inputs did */
  IngestResult ingest(List<? extends Input> inputs) {
    return ingest(listener -> ingestor.ingestInputs(inputs, listener));
  }

  /**
   * Ingests an article page or a feed from its URL, as {@code crosscheck ingest URL} does.
   *
   * @param url an http(s) URL
   * @return what it did
   * @throws BadRequestResponse when the URL is not one the server may fetch
   */
  IngestResult ingestUrl(String url) {
    String u = url.strip();
    try {
      UrlPolicy.publicOnly().parse(u);
    } catch (IngestException e) {
      throw new BadRequestResponse("'" + u + "' is not a URL of a feed or an article page: " + e.getMessage());
    }
    BytesInput page;
    try {
      page = ingestor.fetch(u); // outside the ingest lock: a slow server delays only this request
    } catch (IngestException e) {
      String why = new Rejection(u, null, e.getMessage()).message();
      return new IngestResult(0, 0, 1, 0, List.of(why), List.of(), List.of(), null, null);
    }
    return ingest(listener -> ingestor.ingestInputs(List.of(page), listener));
  }

  /** Runs one ingest at a time; when it stops on an unexpected error, answers with what it stored until then. */
  private IngestResult ingest(Function<IngestListener, IngestSummary> run) {
    List<String> articles = Collections.synchronizedList(new ArrayList<>());
    Set<String> stories = Collections.synchronizedSet(new LinkedHashSet<>());
    List<String> rejections = Collections.synchronizedList(new ArrayList<>());
    long[] counts = new long[3];
    IngestSummary s;
    lock.lock();
    try {
      s = run.apply(new IngestListener() {
        @Override
        public void stored(Article article, PutResult result) {
          articles.add(article.id().value());
          synchronized (counts) {
            counts[result instanceof PutResult.Added ? article.isArticle() ? 0 : 2 : 1]++;
          }
          afterStored.accept(article.id().value());
        }

        @Override
        public void clustered(Article article, StoryClusterer.Assignment assignment) {
          stories.add(assignment.story().value());
        }

        @Override
        public void rejected(Rejection rejection) {
          rejections.add(rejection.message());
        }
      });
    } catch (RuntimeException | StackOverflowError e) {
      synchronized (counts) {
        String why = "the ingest stopped after storing " + articles.size() + " article"
            + (articles.size() == 1 ? "" : "s") + ": " + e;
        LOG.error(why, e);
        return new IngestResult(counts[0], counts[1], rejections.size(), counts[2], List.copyOf(rejections),
            List.copyOf(articles), List.copyOf(stories), null, why);
      }
    } finally {
      lock.unlock();
    }
    if (s.storeError() != null) {
      LOG.warn("an ingest stopped because the store failed after {} articles: {}", articles.size(), s.storeError());
    }
    return new IngestResult(s.counts().added(), s.counts().alreadyStored(), s.counts().rejected(),
        s.counts().notArticles(), rejections, articles, List.copyOf(stories), s.storeError(), null);
  }
}
