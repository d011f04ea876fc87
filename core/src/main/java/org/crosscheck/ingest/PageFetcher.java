package org.crosscheck.ingest;

/**
 * Fetches the page an item links to, for its full text. {@link HttpFetcher} is one; a follower of
 * sources wraps it so that linked pages are fetched as politely as the feeds themselves.
 */
@FunctionalInterface
public interface PageFetcher {
  /**
   * @param url an http or https URL
   * @return the body, named by the final URL
   * @throws IngestException when the URL is refused or cannot be fetched, or the status is not 2xx;
   *     the message says why and does not repeat the URL
   */
  BytesInput fetch(String url);
}
