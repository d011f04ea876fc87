package org.crosscheck.ingest;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.Objects;
import org.crosscheck.model.Provenance;

/**
 * Standard input, read once, as JSON Lines. Opening it twice returns the same stream; closing
 * the returned stream leaves standard input open.
 *
 * @param stream the process's standard input (or a stand-in in tests)
 */
public record StdinInput(InputStream stream) implements Input {
  public StdinInput {
    Objects.requireNonNull(stream, "stream");
  }

  @Override
  public String name() {
    return "-";
  }

  @Override
  public Provenance.Kind kind() {
    return Provenance.Kind.STDIN;
  }

  @Override
  public InputStream open() {
    return new FilterInputStream(stream) {
      @Override
      public void close() {
        // standard input stays open for the process
      }
    };
  }
}
