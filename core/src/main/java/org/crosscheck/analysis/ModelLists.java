package org.crosscheck.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** Word lists shipped in CoreNLP's models jar, read once by the classes that use them. */
final class ModelLists {
  private ModelLists() {}

  /**
   * @param path the list's resource path in the models jar
   * @param line called with each line, in order
   * @throws IllegalStateException when the models jar is not on the class path
   */
  static void read(String path, Consumer<String> line) {
    try (InputStream in = ModelLists.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing: the CoreNLP models jar must be on the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        line.accept(l);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** @return a list's lines, lower-cased */
  static Set<String> words(String path) {
    Set<String> out = new HashSet<>();
    read(path, l -> out.add(l.strip().toLowerCase(Locale.ROOT)));
    return out;
  }
}
