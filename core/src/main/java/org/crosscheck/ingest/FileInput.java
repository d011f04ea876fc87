package org.crosscheck.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import org.crosscheck.model.Provenance;

/**
 * A file on disk.
 *
 * @param path the file
 */
public record FileInput(Path path) implements Input {
  public FileInput {
    Objects.requireNonNull(path, "path");
  }

  @Override
  public String name() {
    return path.toString();
  }

  @Override
  public Provenance.Kind kind() {
    return Provenance.Kind.FILE;
  }

  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(path);
  }

  @Override
  public OptionalLong size() {
    try {
      return OptionalLong.of(Files.size(path));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }
}
