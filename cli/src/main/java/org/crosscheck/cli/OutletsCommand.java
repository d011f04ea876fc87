package org.crosscheck.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crosscheck.outlet.Outlet;
import org.crosscheck.outlet.Outlets;
import org.crosscheck.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crosscheck outlets}: lists the outlet registry; {@code alias} and {@code rename} edit it. */
@Command(name = "outlets", description = {"List outlets: key (domain, or normalized name), the name stories and reports"
    + " show and count it under, stored articles and aliases.",
    "Names and domains of the same outlet (NYT, nytimes.com, The New York Times) count as one; the registry is filled"
    + " at ingest from outlet names and URLs, over a built-in table."},
    subcommands = {OutletsCommand.Alias.class, OutletsCommand.Rename.class})
final class OutletsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin DataOptions data;

  @Option(names = "--json", description = "Print a JSON array: key, name, aliases, articles.")
  boolean json;

  @Option(names = "--all", description = "Also list the built-in table's outlets that no stored article comes from.")
  boolean all;

  /**
   * An outlet as {@code outlets} lists it.
   *
   * @param key its key
   * @param name the name it is shown and counted under
   * @param aliases the other names and domains it goes by
   * @param articles how many stored articles come from it
   */
  record Listed(String key, String name, List<String> aliases, long articles) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    var opened = data.openForReading();
    Outlets outlets = Outlets.builtIn();
    Map<String, Long> counts = Map.of();
    if (opened.isPresent()) {
      try (Store store = opened.get()) {
        outlets = store.outlets();
        counts = store.articlesPerOutlet();
      }
    }
    Map<String, Listed> listed = new LinkedHashMap<>();
    for (Outlet o : all ? outlets.all() : outlets.registered()) {
      listed.put(o.key(), new Listed(o.key(), o.name(), o.aliases(), counts.getOrDefault(o.key(), 0L)));
    }
    // outlets of articles stored before the registry, or of no outlet (unknown), are listed too
    for (var e : counts.entrySet()) {
      if (!listed.containsKey(e.getKey())) {
        Outlet o = outlets.find(e.getKey()).orElse(new Outlet(e.getKey(), e.getKey(), List.of()));
        listed.put(e.getKey(), new Listed(o.key(), o.name(), o.aliases(), e.getValue()));
      }
    }
    List<Listed> rows = new ArrayList<>(listed.values());
    rows.sort(Comparator.comparingLong(Listed::articles).reversed().thenComparing(Listed::key));
    if (json) {
      out.println(Json.write(rows));
      return ExitCode.OK;
    }
    if (rows.isEmpty()) {
      out.println("No outlets in " + data.location() + " yet: ingest articles with 'crosscheck ingest PATH', or list"
          + " the built-in ones with 'crosscheck outlets --all'");
      return ExitCode.OK;
    }
    int keyWidth = Math.min(32, Math.max(3, rows.stream().mapToInt(r -> r.key().length()).max().orElse(3)));
    int nameWidth = Math.min(32, Math.max(4, rows.stream().mapToInt(r -> r.name().length()).max().orElse(4)));
    String format = "%-" + keyWidth + "s  %-" + nameWidth + "s  %8s  %s%n";
    out.printf(Locale.ROOT, format, "KEY", "NAME", "ARTICLES", "ALIASES");
    for (Listed r : rows) {
      out.printf(Locale.ROOT, format, Text.abbreviate(r.key(), keyWidth), Text.abbreviate(r.name(), nameWidth),
          r.articles(), Text.abbreviate(String.join(", ", r.aliases()), 100));
    }
    out.printf(Locale.ROOT, "%,d outlets in %s%n", rows.size(), data.location());
    return ExitCode.OK;
  }

  /** {@code crosscheck outlets alias ALIAS OUTLET}: makes ALIAS a name of OUTLET. */
  @Command(name = "alias", description = {"Make ALIAS a name of OUTLET: articles that name ALIAS (or come from the"
      + " domain ALIAS) are counted and shown as OUTLET.",
      "OUTLET is the key, name or any alias of a listed outlet; an alias that named another outlet moves to this one."})
  static final class Alias implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;

    @Parameters(index = "0", paramLabel = "ALIAS", description = "The other name or domain, e.g. NYT or nytimes.com.")
    String alias;

    @Parameters(index = "1", paramLabel = "OUTLET", description = "The outlet: its key, name or an alias.")
    String outlet;

    @Override
    public Integer call() {
      if (alias.isBlank()) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "ALIAS must not be empty: give the name or domain that should name " + outlet);
      }
      return edit(spec, data, outlets -> outlets.aliasing(alias, outlet), (store, o) -> {
        store.register(List.of(o));
        Outlet now = store.outlets().find(o.key()).orElseThrow();
        return "'" + alias.strip() + "' is now a name of " + now.name() + " (" + now.key() + ")";
      });
    }
  }

  /** {@code crosscheck outlets rename OUTLET NAME}: sets the name OUTLET is shown and counted under. */
  @Command(name = "rename", description = "Show and count OUTLET under NAME; its earlier name stays an alias.")
  static final class Rename implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;

    @Parameters(index = "0", paramLabel = "OUTLET", description = "The outlet: its key, name or an alias.")
    String outlet;

    @Parameters(index = "1", paramLabel = "NAME", description = "The name to show it under.")
    String name;

    @Override
    public Integer call() {
      if (name.isBlank()) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "NAME must not be empty: give the name to show " + outlet + " under");
      }
      return edit(spec, data, outlets -> outlets.renaming(outlet, name), (store, o) -> {
        Outlet before = store.outlets().find(o.key()).orElseThrow();
        // the earlier name keeps resolving to the outlet
        store.register(List.of(new Outlet(o.key(), before.name(), List.of(before.name()))));
        store.rename(o.key(), o.name());
        return o.key() + " is now shown as " + o.name() + " (was " + before.name() + ")";
      });
    }
  }

  /**
   * Checks an edit against the registry as stored (the built-in table when there is no store yet), so that
   * bad input changes nothing, not even creating a store; then applies it to the store, opened for writing.
   */
  private static int edit(picocli.CommandLine.Model.CommandSpec spec, DataOptions data,
      java.util.function.Function<Outlets, Outlet> check,
      java.util.function.BiFunction<Store, Outlet, String> apply) {
    Outlets current = Outlets.builtIn();
    var opened = data.openForReading();
    if (opened.isPresent()) {
      try (Store store = opened.get()) {
        current = store.outlets();
      }
    }
    try {
      check.apply(current);
      try (Store store = data.openForWriting()) {
        String done = apply.apply(store, check.apply(store.outlets()));
        spec.commandLine().getOut().println(done);
        return ExitCode.OK;
      }
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("crosscheck: " + e.getMessage() + " (in " + data.location() + ")");
      return ExitCode.REJECTED;
    }
  }
}
