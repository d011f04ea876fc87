package org.crosscheck.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import org.crosscheck.model.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * One input to import: a file, a fetched URL, standard input or a bundled sample. Implementations
 * may be opened more than once unless they say otherwise (standard input opens once).
 */
public interface Input {

  /** @return the name shown to people: a path, a URL, {@code -} for standard input */
  String name();

  /** @return the sort of input */
  Provenance.Kind kind();

  /**
   * @return a fresh stream over the input's bytes; the caller closes it
   * @throws IOException when it cannot be read
   */
  InputStream open() throws IOException;

  /** @return the size in bytes when known in advance; unknown unless an input says otherwise */
  default OptionalLong size() {
    return OptionalLong.empty();
  }

  /**
   * @return the media type a server declared ({@code text/html; charset=...}), or {@code null}
   *     (the default: only fetched inputs have one)
   */
  default @Nullable String contentType() {
    return null;
  }

  /**
   * @param importer the importer's name
   * @param locator where inside this input, or {@code null} for the whole input
   * @return the provenance of an article read from this input
   */
  default Provenance provenance(String importer, @Nullable String locator) {
    return new Provenance(kind(), name(), locator, importer);
  }
}
