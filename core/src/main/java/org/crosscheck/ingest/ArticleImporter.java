package org.crosscheck.ingest;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads one input in one format and yields articles. Implementations are stateless and safe to
 * use from several threads.
 *
 * <p>Problems with a single item (a broken JSONL line, a feed item without text) are yielded as
 * {@link Imported.Rejected} and reading goes on; a problem with the whole input (not a feed, no
 * article in the page) is thrown as an {@link IngestException} whose message does not repeat the
 * input's name.
 */
public interface ArticleImporter {

  /** @return the importer's name as recorded in provenance: {@code text}, {@code jsonl}, {@code html}, {@code feed} */
  String name();

  /**
   * Reads the input, giving each article or rejected item to the sink in input order.
   *
   * @param input the input
   * @param sink receives every item
   * @throws IngestException when the input as a whole cannot be read as this format
   * @throws IOException when reading fails
   */
  void read(Input input, Consumer<Imported> sink) throws IOException;
}
