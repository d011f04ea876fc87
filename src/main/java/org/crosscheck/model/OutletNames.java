package org.crosscheck.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One name per outlet: abbreviations, domains and variants ({@code NYT}, {@code nytimes.com},
 * {@code New York Times}) map to the name outlets are shown and counted under ({@code The New
 * York Times}), from the table {@code outlet-aliases.tsv}. A name the table does not know is
 * kept as it is. The stored outlet is never changed. Thread-safe.
 */
public final class OutletNames {
  private static final Map<String, String> CANONICAL = load();

  private OutletNames() {}

  /**
   * @param outlet an outlet name as an input gave it
   * @return the outlet's canonical name, or the name itself, stripped, when the table does not know it
   */
  public static String canonical(String outlet) {
    String found = CANONICAL.get(key(outlet));
    return found != null ? found : outlet.strip();
  }

  private static String key(String name) {
    String k = name.strip().toLowerCase(Locale.ROOT);
    return k.startsWith("the ") ? k.substring(4).strip() : k;
  }

  private static Map<String, String> load() {
    String resource = "outlet-aliases.tsv";
    try (InputStream in = OutletNames.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      Map<String, String> out = new HashMap<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        if (parts.length != 2) {
          throw new IllegalStateException(resource + ": not alias<TAB>name: " + line);
        }
        out.put(key(parts[0]), parts[1].strip());
        out.put(key(parts[1]), parts[1].strip());
      }
      return Map.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
