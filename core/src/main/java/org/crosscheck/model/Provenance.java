package org.crosscheck.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where an article came from: the input it was read from, the place inside that input (a JSONL
 * line, a feed item) and the importer that read it.
 *
 * @param kind what sort of input it was
 * @param location the file path, URL, {@code -} for standard input, or bundled resource name
 * @param locator where inside the input ({@code line 12}, {@code item 3}), or {@code null} for the whole input
 * @param importer the name of the importer that read it ({@code text}, {@code jsonl}, {@code html}, {@code feed})
 */
public record Provenance(Kind kind, String location, @Nullable String locator, String importer) {

  /** The sort of input an article was read from. */
  public enum Kind {
    /** A file on disk. */
    FILE,
    /** An http(s) URL. */
    URL,
    /** Standard input. */
    STDIN,
    /** A sample bundled with Crosscheck. */
    BUNDLED
  }

  public Provenance {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(importer, "importer");
  }

  /** @return the last path segment of the location (a file name), for display */
  public String shortName() {
    String l = location;
    int q = l.indexOf('?');
    if (kind == Kind.URL && q >= 0) {
      l = l.substring(0, q);
    }
    while (l.endsWith("/") && l.length() > 1) {
      l = l.substring(0, l.length() - 1);
    }
    int slash = Math.max(l.lastIndexOf('/'), l.lastIndexOf('\\'));
    return slash >= 0 ? l.substring(slash + 1) : l;
  }

  /** @return location and locator, e.g. {@code data.jsonl line 12} */
  public String describe() {
    return locator == null ? location : location + " " + locator;
  }
}
