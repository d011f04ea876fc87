package org.crosscheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crosscheck.follow.FollowSettings;
import org.crosscheck.follow.Following;
import org.crosscheck.model.FollowedSource;
import org.crosscheck.pipeline.IngestListener;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.Store;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crosscheck follow add|import|export|list|remove}: the sources {@code watch} polls. */
@Command(name = "follow", description = {
    "Manage the followed sources that `crosscheck watch` polls: RSS/Atom feeds, Google News sitemaps (news:news),",
    "and sites, whose feeds are found from the <link rel=\"alternate\"> of their page."},
    subcommands = {FollowCommand.Add.class, FollowCommand.Import.class, FollowCommand.Export.class,
        FollowCommand.ListSources.class, FollowCommand.Remove.class})
final class FollowCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: add, import, export, list or remove");
  }

  /** @return the followed sources of the store, fetching by the options' URL policy */
  static Following following(Store store, boolean allowPrivateUrls, FollowSettings settings) {
    return Pipeline.builder().store(store).allowPrivateUrls(allowPrivateUrls).followSettings(settings)
        .buildFollowing(new IngestListener() {});
  }

  /** {@code follow add URL...}. */
  @Command(name = "add", description = {"Follow feeds, Google News sitemaps or sites (each URL is fetched once, politely,"
      + " to tell which; a site's page gives its feeds)."})
  static final class Add implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;
    @Mixin UrlOptions urls;
    @Mixin FollowOptions options;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "Feed, news sitemap or site URLs.")
    List<String> given;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (Store store = data.openForWriting()) {
        Following following = following(store, urls.allowPrivateUrls, options.settings(spec));
        int failed = 0;
        for (String url : given) {
          failed += print(following.add(url), out, err);
        }
        return failed > 0 ? ExitCode.REJECTED : ExitCode.OK;
      }
    }
  }

  /** @return 1 when nothing was followed for the input (printed on err), else 0 */
  static int print(Following.Added added, PrintWriter out, PrintWriter err) {
    if (added.error() != null) {
      err.println("not followed: " + added.input() + ": " + added.error());
      err.flush();
      return 1;
    }
    for (FollowedSource s : added.followed()) {
      boolean before = added.alreadyFollowed() > 0 && added.followed().size() == 1;
      out.printf(Locale.ROOT, "%s %-7s %s%s%n", before ? "already followed" : "following", kind(s), s.url(),
          s.title() == null ? "" : "  (" + s.title() + ")");
    }
    out.flush();
    return 0;
  }

  /** {@code follow import FILE.opml}. */
  @Command(name = "import", description = "Follow every feed an OPML subscription list names (they are not fetched now).")
  static final class Import implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;
    @Mixin UrlOptions urls;

    @Parameters(arity = "1", paramLabel = "FILE", description = "An OPML file.")
    Path file;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (Store store = data.openForWriting()) {
        Following following = following(store, urls.allowPrivateUrls, FollowSettings.defaults());
        List<Following.Added> added = following.importOpml(file);
        int failed = 0;
        for (Following.Added a : added) {
          failed += print(a, out, err);
        }
        out.printf(Locale.ROOT, "%d of %d entries of %s followed%n", added.size() - failed, added.size(), file);
        return failed > 0 ? ExitCode.REJECTED : ExitCode.OK;
      }
    }
  }

  /** {@code follow export [FILE]}. */
  @Command(name = "export", description = "Write the followed sources as an OPML list, to FILE or standard output.")
  static final class Export implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Where to write (default: standard output).")
    @Nullable Path file;

    @Override
    public Integer call() {
      try (Store store = data.openForWriting()) {
        String opml = following(store, false, FollowSettings.defaults()).exportOpml();
        if (file == null) {
          spec.commandLine().getOut().print(opml);
          spec.commandLine().getOut().flush();
          return ExitCode.OK;
        }
        try {
          Files.writeString(file, opml, StandardCharsets.UTF_8);
        } catch (IOException e) {
          spec.commandLine().getErr().println("crosscheck: cannot write " + file + ": " + e.getMessage());
          return ExitCode.REJECTED;
        }
        return ExitCode.OK;
      }
    }
  }

  /** {@code follow list [--json]}. */
  @Command(name = "list", description = "List the followed sources: last poll, last new item, items, errors, next poll,"
      + " and the last problem.")
  static final class ListSources implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;

    @Option(names = "--json", description = "Print a JSON array, one object per source.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      var opened = data.openForReading();
      List<FollowedSource> sources;
      if (opened.isEmpty()) {
        sources = List.of();
      } else {
        try (Store store = opened.get()) {
          sources = store.followedSources();
        }
      }
      if (json) {
        out.println(Json.write(sources.stream().map(SourceJson::of).toList()));
        return ExitCode.OK;
      }
      if (sources.isEmpty()) {
        out.println("No sources followed in " + data.location() + "; add one with: crosscheck follow add URL");
        return ExitCode.OK;
      }
      String format = "%-7s  %-17s  %-17s  %6s  %6s  %-17s  %s%n";
      out.printf(Locale.ROOT, format, "KIND", "LAST POLL", "LAST NEW ITEM", "ITEMS", "ERRORS", "NEXT POLL", "URL");
      for (FollowedSource s : sources) {
        out.printf(Locale.ROOT, format, kind(s), time(s.lastPoll()), time(s.lastNewItem()), s.items(), s.errors(),
            time(s.nextPoll()), s.url());
        if (s.lastError() != null) {
          out.println("         " + (s.consecutiveFailures() > 0 ? "failing (" + s.consecutiveFailures()
              + " in a row): " : "") + s.lastError());
        }
      }
      out.printf(Locale.ROOT, "%d sources followed in %s%n", sources.size(), data.location());
      return ExitCode.OK;
    }
  }

  /** {@code follow remove URL...}. */
  @Command(name = "remove", description = "Stop following sources (the articles they gave stay).")
  static final class Remove implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "Followed URLs, as `follow list` shows them.")
    List<String> given;

    @Override
    public Integer call() {
      try (Store store = data.openForWriting()) {
        Following following = following(store, false, FollowSettings.defaults());
        int missing = 0;
        for (String url : given) {
          if (following.remove(url)) {
            spec.commandLine().getOut().println("removed " + url);
          } else {
            spec.commandLine().getErr().println("not followed: " + url);
            missing++;
          }
        }
        return missing > 0 ? ExitCode.REJECTED : ExitCode.OK;
      }
    }
  }

  /** A followed source as {@code follow list --json} prints it. */
  record SourceJson(String url, String kind, @Nullable String title, @Nullable String lastPoll,
      @Nullable String lastNewItem, long items, long errors, int consecutiveFailures, @Nullable String lastError,
      String nextPoll, long intervalSeconds, boolean conditional) {
    static SourceJson of(FollowedSource s) {
      return new SourceJson(s.url(), s.kind().name().toLowerCase(Locale.ROOT), s.title(),
          s.lastPoll() == null ? null : s.lastPoll().toString(),
          s.lastNewItem() == null ? null : s.lastNewItem().toString(), s.items(), s.errors(), s.consecutiveFailures(),
          s.lastError(), s.nextPoll().toString(), s.interval().toSeconds(), s.etag() != null || s.lastModified() != null);
    }
  }

  static String kind(FollowedSource s) {
    return s.kind() == FollowedSource.Kind.FEED ? "feed" : "sitemap";
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  static String time(@Nullable Instant t) {
    return t == null ? "never" : TIME.format(t);
  }

}
