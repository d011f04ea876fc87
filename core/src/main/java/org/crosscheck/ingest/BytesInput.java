package org.crosscheck.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;
import org.crosscheck.model.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * An input already held in memory: a fetched URL's body or a bundled sample.
 *
 * @param name the URL or resource name
 * @param kind the sort of input
 * @param bytes the content (not copied; do not modify)
 * @param contentType the declared media type, or {@code null}
 */
public record BytesInput(String name, Provenance.Kind kind, byte[] bytes, @Nullable String contentType)
    implements Input {
  public BytesInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bytes, "bytes");
  }

  @Override
  public InputStream open() {
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.of(bytes.length);
  }
}
