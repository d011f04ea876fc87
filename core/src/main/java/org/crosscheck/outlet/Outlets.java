package org.crosscheck.outlet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crosscheck.model.Article;
import org.jspecify.annotations.Nullable;

/**
 * One name per outlet: resolves the outlet an article names ({@code NYT}, {@code The New York
 * Times}) or comes from ({@code https://thecaucus.blogs.nytimes.com/...}) to one {@link Outlet}
 * ({@code nytimes.com}, shown as {@code The New York Times}), under which it is shown and counted.
 *
 * <p>A snapshot: the built-in table ({@code outlet-aliases.tsv}) with the outlets a store has
 * registered on top (a stored alias or name wins over the table's). Resolution looks the
 * article's outlet name up among the aliases, then its URL's registrable domain; an outlet known
 * by neither is named as the article names it and keyed by its domain when it has a URL, else by
 * its normalized name. The stored article is never changed. Immutable and thread-safe.
 */
public final class Outlets {
  private static final String SEED = "outlet-aliases.tsv";

  /** Outlets by key, each with every alias it goes by. */
  private final Map<String, Outlet> byKey;
  /** Outlet key by alias key ({@link #aliasKey}); every outlet's key and name resolve to it too. */
  private final Map<String, String> keyOfAlias;
  /** Keys of the outlets the store has registered. */
  private final Set<String> registered;
  /** Alias keys the store has registered. */
  private final Set<String> registeredAliases;

  private Outlets(Map<String, Outlet> byKey, Map<String, String> keyOfAlias, Set<String> registered,
      Set<String> registeredAliases) {
    this.byKey = byKey;
    this.keyOfAlias = keyOfAlias;
    this.registered = registered;
    this.registeredAliases = registeredAliases;
  }

  /** Holds the built-in table, read on first use. */
  private static final class BuiltIn {
    static final Outlets TABLE = load();
  }

  /**
   * @return the built-in table alone: what resolution falls back to where no store keeps a registry
   */
  public static Outlets builtIn() {
    return BuiltIn.TABLE;
  }

  /** @return no outlets at all: every outlet is resolved by its name or domain alone */
  public static Outlets empty() {
    return new Outlets(Map.of(), Map.of(), Set.of(), Set.of());
  }

  /**
   * @param stored the outlets a store has registered, each with the aliases stored for it
   * @return these outlets with the stored ones on top: a stored name replaces the outlet's name here,
   *     a stored alias names its outlet even when this table gives it to another
   */
  public Outlets withRegistered(Collection<Outlet> stored) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, List<String>> spellings = new LinkedHashMap<>();
    byKey.forEach((k, o) -> {
      names.put(k, o.name());
      spellings.put(k, new ArrayList<>(o.aliases()));
    });
    Map<String, String> aliasTo = new HashMap<>(keyOfAlias);
    Set<String> keys = new HashSet<>(registered);
    Set<String> aliasKeys = new HashSet<>(registeredAliases);
    for (Outlet row : stored) {
      names.put(row.key(), row.name());
      spellings.computeIfAbsent(row.key(), k -> new ArrayList<>());
      aliasTo.put(row.key(), row.key());
      keys.add(row.key());
    }
    for (Outlet row : stored) {
      for (String alias : row.aliases()) {
        String ak = aliasKey(alias);
        String before = aliasTo.put(ak, row.key());
        if (before != null && !before.equals(row.key())) {
          spellings.get(before).removeIf(s -> aliasKey(s).equals(ak));
        }
        List<String> own = spellings.get(row.key());
        if (own.stream().noneMatch(s -> aliasKey(s).equals(ak))) {
          own.add(alias.strip());
        }
        aliasKeys.add(ak);
      }
    }
    // a stored name resolves to its outlet unless an alias gives it to another
    stored.forEach(row -> aliasTo.putIfAbsent(aliasKey(row.name()), row.key()));
    return build(names, spellings, aliasTo, keys, aliasKeys);
  }

  private static Outlets build(Map<String, String> names, Map<String, List<String>> spellings,
      Map<String, String> aliasTo, Set<String> registered, Set<String> registeredAliases) {
    Map<String, Outlet> byKey = new LinkedHashMap<>();
    // an outlet's aliases are its other names: not its name, nor its key (www.nytimes.com is the key nytimes.com)
    // and each spelled once (www.huffingtonpost.com is huffingtonpost.com)
    names.forEach((k, n) -> {
      Map<String, String> aliases = new LinkedHashMap<>();
      for (String a : spellings.getOrDefault(k, List.of())) {
        String ak = aliasKey(a);
        if (!ak.equals(k) && !ak.equals(aliasKey(n))) {
          aliases.putIfAbsent(ak, a);
        }
      }
      byKey.put(k, new Outlet(k, n, List.copyOf(aliases.values())));
    });
    return new Outlets(java.util.Collections.unmodifiableMap(byKey), Map.copyOf(aliasTo), Set.copyOf(registered),
        Set.copyOf(registeredAliases));
  }

  /**
   * @param article an article
   * @return the outlet it is shown and counted under; {@code unknown (FILE NAME)} when it names no
   *     outlet and has no URL with a domain
   */
  public Outlet of(Article article) {
    if (article.outlet() == null && Domains.ofUrl(article.url()).isEmpty()) {
      String unknown = "unknown (" + article.provenance().shortName() + ")";
      return new Outlet(unknown, unknown, List.of());
    }
    return of(article.outlet(), article.url());
  }

  /**
   * @param article an article
   * @return the name of the outlet it is shown and counted under ({@code The New York Times} for {@code NYT})
   */
  public String name(Article article) {
    return of(article).name();
  }

  /**
   * @param name an outlet name as an input gives it, or {@code null}
   * @param url the article's URL, or {@code null}
   * @return the outlet: the one the name is an alias of, else the one the URL's domain is an alias of,
   *     else an unregistered one keyed by the domain (or the name's {@link #aliasKey} when there is no
   *     domain) and named by the name (or the domain); {@code unknown} when there is neither
   */
  public Outlet of(@Nullable String name, @Nullable String url) {
    String nameKey = name == null || name.isBlank() ? null : aliasKey(name);
    if (nameKey != null) {
      String key = keyOfAlias.get(nameKey);
      if (key != null) {
        return byKey.get(key);
      }
    }
    String domain = Domains.ofUrl(url).orElse(null);
    if (domain != null) {
      String key = keyOfAlias.get(domain);
      if (key != null) {
        return byKey.get(key);
      }
      return new Outlet(domain, nameKey != null ? shown(name) : domain,
          nameKey != null && !nameKey.equals(domain) ? List.of(name.strip()) : List.of());
    }
    if (nameKey != null) {
      return new Outlet(nameKey, shown(name), List.of());
    }
    return new Outlet("unknown", "unknown (no outlet name or URL)", List.of());
  }

  /**
   * @param outlet an outlet's key, name or any alias, in any case
   * @return the outlet it names, when it names one
   */
  public Optional<Outlet> find(String outlet) {
    if (outlet.isBlank()) {
      return Optional.empty();
    }
    String key = keyOfAlias.get(aliasKey(outlet));
    return key == null ? Optional.empty() : Optional.of(byKey.get(key));
  }

  /** @return every outlet known, the built-in table's first, in the table's order */
  public List<Outlet> all() {
    return List.copyOf(byKey.values());
  }

  /** @return the outlets the store has registered */
  public List<Outlet> registered() {
    return byKey.values().stream().filter(o -> registered.contains(o.key())).toList();
  }

  /**
   * What ingesting these articles teaches the registry: each article's outlet is registered, its
   * name (a page's {@code og:site_name}, a feed's title, a JSONL {@code outlet}) becomes an alias
   * of it, and so does its URL's domain, unless the domain is known as another outlet's or the
   * outlet was found by a name alone (an agency's name on a portal's page does not make the portal
   * the agency). A name first seen with a domain thus becomes an alias of that domain's outlet.
   *
   * @param articles articles as they are stored; pages that are not articles teach nothing
   * @return the outlets to register, each with only its new aliases; empty when nothing is new
   */
  public List<Outlet> learn(List<Article> articles) {
    return learnSeen(articles.stream().filter(Article::isArticle).map(a -> new Seen(a.outlet(), a.url())).toList());
  }

  /**
   * An outlet name and URL an article came with.
   *
   * @param name the outlet name, or {@code null}
   * @param url the URL, or {@code null}
   */
  public record Seen(@Nullable String name, @Nullable String url) {}

  /**
   * @param seen the outlet names and URLs of articles, in the order they were stored
   * @return what they teach the registry, as {@link #learn} says
   */
  public List<Outlet> learnSeen(List<Seen> seen) {
    Map<String, String> learnedAliasTo = new HashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, List<String>> newAliases = new LinkedHashMap<>();
    for (Seen a : seen) {
      String name = a.name() == null || a.name().isBlank() ? null : a.name().strip();
      String nameKey = name == null ? null : aliasKey(name);
      String target = nameKey == null ? null : learnedAliasTo.getOrDefault(nameKey, keyOfAlias.get(nameKey));
      boolean byName = target != null;
      String domain = Domains.ofUrl(a.url()).orElse(null);
      String domainTarget = domain == null ? null : learnedAliasTo.getOrDefault(domain, keyOfAlias.get(domain));
      if (target == null) {
        target = domainTarget;
      }
      if (target == null) {
        target = domain != null ? domain : nameKey;
        if (target == null) {
          continue;
        }
        names.put(target, name != null ? shown(name) : domain);
        learnedAliasTo.put(target, target);
      }
      List<String> add = new ArrayList<>();
      if (nameKey != null && !nameKey.equals(target) && !registeredAliases.contains(nameKey)
          && !learnedAliasTo.containsKey(nameKey)) {
        add.add(name);
        learnedAliasTo.put(nameKey, target);
      }
      boolean domainIsOurs = domainTarget == null ? !byName : domainTarget.equals(target);
      if (domain != null && domainIsOurs && !domain.equals(target) && !registeredAliases.contains(domain)
          && !learnedAliasTo.containsKey(domain)) {
        add.add(domain);
        learnedAliasTo.put(domain, target);
      }
      if (!add.isEmpty() || !registered.contains(target) && !names.containsKey(target)) {
        String key = target;
        names.computeIfAbsent(key, k -> byKey.get(k).name());
        newAliases.computeIfAbsent(key, k -> new ArrayList<>()).addAll(add);
      }
    }
    List<Outlet> out = new ArrayList<>();
    names.forEach((k, n) -> out.add(new Outlet(k, n, newAliases.getOrDefault(k, List.of()))));
    return out;
  }

  /**
   * @param alias a name or domain the outlet goes by; not blank
   * @param outlet the outlet's key, name or an alias of it
   * @return the outlet to register, with the alias as its one new alias
   * @throws IllegalArgumentException naming the input when the alias is blank, no outlet goes by
   *     {@code outlet}, or the alias is another outlet's key
   */
  public Outlet aliasing(String alias, String outlet) {
    if (alias.isBlank()) {
      throw new IllegalArgumentException("the alias is empty: give the name or domain that should name " + outlet);
    }
    Outlet target = require(outlet);
    Outlet owner = byKey.get(aliasKey(alias));
    if (owner != null && !owner.key().equals(target.key())) {
      throw new IllegalArgumentException("'" + alias.strip() + "' is the key of the outlet " + owner.name()
          + "; it cannot name " + target.name() + " (" + target.key() + ") too");
    }
    return new Outlet(target.key(), target.name(), List.of(alias.strip()));
  }

  /**
   * @param outlet the outlet's key, name or an alias of it
   * @param name the name to show and count it under; not blank
   * @return the outlet to register, under the new name
   * @throws IllegalArgumentException naming the input when the name is blank or no outlet goes by {@code outlet}
   */
  public Outlet renaming(String outlet, String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("the new name is empty: give the name to show " + outlet + " under");
    }
    Outlet target = require(outlet);
    return new Outlet(target.key(), name.strip(), List.of());
  }

  private Outlet require(String outlet) {
    return find(outlet).orElseThrow(() -> new IllegalArgumentException("no outlet goes by '" + outlet.strip()
        + "': give the key, name or an alias of an outlet that 'crosscheck outlets' lists"));
  }

  /**
   * @return the name to show an outlet under that is named so by an input: a host name
   *     ({@code articles.chicagotribune.com}) is shown as its registrable domain, as it is keyed
   */
  private static String shown(String name) {
    return Domains.ofHost(name).orElse(name.strip());
  }

  /**
   * The form under which names match: a host name becomes its registrable domain ({@code
   * www.NYTimes.com} is {@code nytimes.com}); other names are lowercased, with spaces collapsed and
   * a leading {@code the} dropped ({@code The  New York Times} is {@code new york times}).
   *
   * @param name a name or domain; not blank
   * @return its key
   */
  public static String aliasKey(String name) {
    String k = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Optional<String> domain = Domains.ofHost(k);
    if (domain.isPresent()) {
      return domain.get();
    }
    return k.startsWith("the ") && k.length() > 4 ? k.substring(4) : k;
  }

  /**
   * Reads the built-in table: lines of {@code alias<TAB>name}; each name is one outlet, keyed by
   * the domain of its first alias that is a host name, else by the name's key.
   */
  private static Outlets load() {
    Map<String, List<String>> aliasesByName = new LinkedHashMap<>();
    try (InputStream in = Outlets.class.getResourceAsStream(SEED)) {
      if (in == null) {
        throw new IllegalStateException(SEED + " is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
          throw new IllegalStateException(SEED + ": not alias<TAB>name: " + line);
        }
        aliasesByName.computeIfAbsent(parts[1].strip(), n -> new ArrayList<>()).add(parts[0].strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SEED, e);
    }
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, List<String>> spellings = new LinkedHashMap<>();
    Map<String, String> aliasTo = new HashMap<>();
    aliasesByName.forEach((name, aliases) -> {
      String key = aliases.stream().map(Domains::ofHost).flatMap(Optional::stream).findFirst()
          .orElse(aliasKey(name));
      if (names.put(key, name) != null) {
        throw new IllegalStateException(SEED + ": two outlets have the key " + key);
      }
      spellings.put(key, aliases.stream().filter(a -> !a.equals(name)).toList());
      for (String alias : concat(key, name, aliases)) {
        String before = aliasTo.put(aliasKey(alias), key);
        if (before != null && !before.equals(key)) {
          throw new IllegalStateException(SEED + ": '" + alias + "' names both " + before + " and " + key);
        }
      }
    });
    return build(names, spellings, aliasTo, Set.of(), Set.of());
  }

  private static List<String> concat(String key, String name, List<String> aliases) {
    List<String> all = new ArrayList<>(aliases);
    all.add(key);
    all.add(name);
    return all;
  }
}
