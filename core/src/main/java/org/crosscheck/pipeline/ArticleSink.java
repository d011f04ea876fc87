package org.crosscheck.pipeline;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.crosscheck.model.Article;
import org.crosscheck.store.StoreException;

/**
 * Where an ingest sends the articles it reads instead of storing them: the distributed engine's
 * article topic ({@code kafka://HOST:9092/TOPIC}), whose job stores them and puts them in stories.
 * Sinks are opened by URI through the {@link Provider} of the URI's scheme, found with {@link
 * ServiceLoader}, so that a module on the class path adds one without this package naming it.
 */
public interface ArticleSink extends AutoCloseable {
  /** @return where the articles go, for messages */
  String location();

  /**
   * Sends a batch, in order; returns once the batch is durably accepted.
   *
   * @param batch the articles, classified (marked when they are not articles)
   * @throws StoreException naming the sink when the batch cannot be sent
   */
  void send(List<Article> batch);

  @Override
  void close();

  /** Opens the sinks of one URI scheme. */
  interface Provider {
    /** @return the URI scheme of the sinks this provider opens, lower case */
    String scheme();

    /**
     * @param location the sink's URI
     * @return the open sink
     * @throws StoreException naming the location when it cannot be reached
     */
    ArticleSink open(URI location);
  }

  /**
   * @param location a sink URI ({@code kafka://HOST:9092/TOPIC})
   * @return the open sink of the provider of its scheme
   * @throws StoreException when the URI is not valid or no provider knows its scheme
   */
  static ArticleSink open(String location) {
    URI uri;
    try {
      uri = new URI(location);
    } catch (java.net.URISyntaxException e) {
      throw new StoreException("the destination " + location + " is not a valid URI: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    List<String> known = new ArrayList<>();
    for (Provider p : ServiceLoader.load(Provider.class)) {
      if (p.scheme().equals(scheme)) {
        return p.open(uri);
      }
      known.add(p.scheme() + "://");
    }
    throw new StoreException("no destination is known by " + (scheme.isEmpty() ? "'" + location + "'" : scheme + "://")
        + (known.isEmpty() ? "; sending to the distributed engine needs the engine module on the class path"
            : " (known: " + String.join(", ", known) + ")"));
  }
}
