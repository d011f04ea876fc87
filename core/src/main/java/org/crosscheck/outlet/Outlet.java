package org.crosscheck.outlet;

import java.util.List;
import java.util.Objects;

/**
 * An outlet as the registry knows it.
 *
 * @param key what identifies it: its registrable domain when known ({@code nytimes.com}), else its
 *     normalized name ({@code korean central news agency}); never blank
 * @param name the name it is shown and counted under ({@code The New York Times}); never blank
 * @param aliases other names and domains it goes by, as first spelled ({@code NYT}, {@code nytimes.com});
 *     every one resolves to this outlet
 */
public record Outlet(String key, String name, List<String> aliases) {
  public Outlet {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    if (key.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("an outlet needs a key and a name, got '" + key + "' and '" + name + "'");
    }
    name = name.strip();
    aliases = List.copyOf(aliases);
  }
}
