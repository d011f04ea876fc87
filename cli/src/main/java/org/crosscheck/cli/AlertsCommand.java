package org.crosscheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crosscheck.alert.Alerting;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.store.AlertStore;
import org.crosscheck.store.Store;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crosscheck alerts watch|unwatch|list|check|recent|webhook}: saved searches, followed stories, alerts. */
@Command(name = "alerts", description = {
    "Saved searches and followed stories and speakers, and the alerts they raise: a new story matching a saved",
    "search, a new conflict or outlet in a followed story, a new quote by a followed speaker. Alerts are read in",
    "`alerts recent`, in the server's Atom feeds (/feeds/searches/ID.atom) and POSTed to webhooks, signed."},
    subcommands = {AlertsCommand.Watch.class, AlertsCommand.Unwatch.class, AlertsCommand.ListWatches.class,
        AlertsCommand.Check.class, AlertsCommand.Recent.class, AlertsCommand.Webhook.class})
final class AlertsCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: watch, unwatch, list, check, recent or webhook");
  }

  /** {@code alerts watch KIND VALUE}. */
  @Command(name = "watch", description = {"Save a search or follow a story or speaker. KIND is words (a query, as",
      "`search` takes), entity (a name), outlet, story (an id) or speaker."})
  static final class Watch implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;

    @Parameters(index = "0", paramLabel = "KIND", description = "words, entity, outlet, story or speaker.")
    String kind;

    @Parameters(index = "1", paramLabel = "VALUE", description = "The query, name, outlet, story id or speaker.")
    String value;

    @Override
    public Integer call() {
      AlertStore.Watch.Kind k;
      try {
        k = AlertStore.Watch.Kind.of(kind);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "invalid KIND: " + e.getMessage());
      }
      if (value.isBlank()) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "invalid VALUE: it is blank");
      }
      if (k == AlertStore.Watch.Kind.STORY) {
        StoryCommand.parse(spec, "VALUE", value);
      }
      try (Store store = data.openForWriting()) {
        if (k == AlertStore.Watch.Kind.WORDS) {
          try {
            store.search(value, 1); // refuses a query it cannot read, with its reason
          } catch (org.crosscheck.store.SearchStore.BadQueryException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "invalid VALUE: " + e.getMessage());
          }
        }
        AlertStore.Watch w = store.addWatch(k, value.strip());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "watch %d: %s (since %s)%n", w.id(), w.describe(), w.createdAt());
        out.flush();
        return ExitCode.OK;
      }
    }
  }

  /** {@code alerts unwatch ID...}. */
  @Command(name = "unwatch", description = "Stop watching (the alerts raised stay).")
  static final class Unwatch implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Watch ids, as `alerts list` shows them.")
    List<Long> ids;

    @Override
    public Integer call() {
      int missing = 0;
      try (Store store = data.openForWriting()) {
        for (long id : ids) {
          if (store.removeWatch(id)) {
            spec.commandLine().getOut().println("removed watch " + id);
          } else {
            spec.commandLine().getErr().println("crosscheck: no watch " + id + " in " + data.location());
            missing++;
          }
        }
      }
      spec.commandLine().getOut().flush();
      return missing > 0 ? ExitCode.REJECTED : ExitCode.OK;
    }
  }

  /** {@code alerts list [--json]}. */
  @Command(name = "list", description = "List the watches, with their alerts so far, and the webhooks.")
  static final class ListWatches implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;

    @Option(names = "--json", description = "Print a JSON object: watches and webhooks (without their secrets).")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<AlertStore.Watch> watches = List.of();
      List<AlertStore.Webhook> hooks = List.of();
      Map<Long, Integer> counts = new LinkedHashMap<>();
      var opened = data.openForReading();
      if (opened.isPresent()) {
        try (Store store = opened.get()) {
          watches = store.watches();
          hooks = store.webhooks();
          for (AlertStore.Watch w : watches) {
            counts.put(w.id(), store.alerts(w.id(), Integer.MAX_VALUE).size());
          }
        }
      }
      if (json) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("watches", watches.stream().map(w -> org.crosscheck.alert.AlertJson.of(w, counts.get(w.id()))).toList());
        o.put("webhooks", hooks.stream().map(h -> Map.of("id", h.id(), "url", h.url(),
            "createdAt", h.createdAt().toString())).toList());
        out.println(Json.write(o));
        return ExitCode.OK;
      }
      if (watches.isEmpty()) {
        out.println("Nothing watched in " + data.location() + "; save a search with: crosscheck alerts watch words QUERY");
      }
      for (AlertStore.Watch w : watches) {
        out.printf(Locale.ROOT, "%4d  %-45s  %5d alerts  since %s%n", w.id(), Text.abbreviate(w.describe(), 45),
            counts.get(w.id()), w.createdAt());
      }
      for (AlertStore.Webhook h : hooks) {
        out.printf(Locale.ROOT, "webhook %d  %s%n", h.id(), h.url());
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  /** {@code alerts check}. */
  @Command(name = "check", description = {"Raise the alerts of every watch (bringing followed stories' reports up to",
      "date; the first report of a story loads the language models) and deliver those due to webhooks."})
  static final class Check implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;
    @Mixin UrlOptions urls;

    @Option(names = "--no-deliver", description = "Raise alerts but do not POST them to webhooks now.")
    boolean noDeliver;

    @Option(names = "--json", description = "Print a JSON object: the alerts raised and the deliveries attempted.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = data.openForWriting()) {
        Alerting alerting = Pipeline.builder().store(store).allowPrivateUrls(urls.allowPrivateUrls).buildAlerting();
        Alerting.Round round = noDeliver ? new Alerting.Round(alerting.check(), List.of()) : alerting.run();
        if (json) {
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("raised", round.raised().stream().map(org.crosscheck.alert.AlertJson::of).toList());
          o.put("deliveries", round.attempts().stream().map(a -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("webhook", a.webhook().id());
            d.put("alert", a.alert());
            d.put("delivered", a.delivered());
            d.put("error", a.error());
            d.put("nextAttempt", a.nextAttempt() == null ? null : a.nextAttempt().toString());
            return d;
          }).toList());
          out.println(Json.write(o));
          return ExitCode.OK;
        }
        round.raised().forEach(a -> out.println(line(a)));
        for (var a : round.attempts()) {
          out.println(a.delivered() ? "delivered alert " + a.alert() + " to " + a.webhook().url()
              : "not delivered: alert " + a.alert() + " to " + a.webhook().url() + ": " + a.error()
                  + (a.nextAttempt() == null ? "; given up" : "; next attempt " + a.nextAttempt()));
        }
        out.printf(Locale.ROOT, "%d alerts raised, %d of %d deliveries made%n", round.raised().size(),
            round.attempts().stream().filter(a -> a.delivered()).count(), round.attempts().size());
        out.flush();
        return ExitCode.OK;
      }
    }
  }

  /** {@code alerts recent}. */
  @Command(name = "recent", description = "Print the latest alerts, newest first.")
  static final class Recent implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;

    @Option(names = "--watch", paramLabel = "ID", description = "Only this watch's alerts.")
    long watch;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a JSON array, one object per alert, with its event.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<AlertStore.Alert> alerts = List.of();
      var opened = data.openForReading();
      if (opened.isPresent()) {
        try (Store store = opened.get()) {
          alerts = store.alerts(watch, Math.max(0, limit));
        }
      }
      if (json) {
        out.println(Json.write(alerts.stream().map(org.crosscheck.alert.AlertJson::of).toList()));
      } else {
        alerts.forEach(a -> out.println(line(a)));
        if (alerts.isEmpty()) {
          out.println("No alerts yet in " + data.location());
        }
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  /** {@code alerts webhook add|list|remove}. */
  @Command(name = "webhook", description = "Register, list or remove webhooks alerts are POSTed to.",
      subcommands = {WebhookAdd.class, WebhookRemove.class})
  static final class Webhook implements Runnable {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: add or remove");
    }
  }

  /** {@code alerts webhook add URL}. */
  @Command(name = "add", description = {"Register a webhook: each later alert is POSTed to URL as JSON, signed with",
      "HMAC-SHA256 in X-Crosscheck-Signature: sha256=HEX. The URL goes through the same policy as every fetched URL."})
  static final class WebhookAdd implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;
    @Mixin UrlOptions urls;

    @Parameters(paramLabel = "URL", description = "The receiver's http or https URL.")
    String url;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "Read the signing secret from FILE (default: a"
        + " new random secret, printed once).")
    @Nullable Path secretFile;

    @Override
    public Integer call() {
      String secret = null;
      if (secretFile != null) {
        try {
          secret = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
          spec.commandLine().getErr().println("crosscheck: cannot read the secret file " + secretFile + ": " + e);
          return ExitCode.REJECTED;
        }
        if (secret.isEmpty()) {
          spec.commandLine().getErr().println("crosscheck: the secret file " + secretFile + " is empty");
          return ExitCode.REJECTED;
        }
      }
      try (Store store = data.openForWriting()) {
        AlertStore.Webhook h;
        try {
          h = Pipeline.builder().store(store).allowPrivateUrls(urls.allowPrivateUrls).buildAlerting()
              .addWebhook(url, secret);
        } catch (IllegalArgumentException e) {
          spec.commandLine().getErr().println("crosscheck: " + e.getMessage());
          return ExitCode.REJECTED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "webhook %d: %s%n", h.id(), h.url());
        if (secret == null) {
          out.println("secret: " + h.secret() + "  (shown once; verify X-Crosscheck-Signature with it)");
        }
        out.flush();
        return ExitCode.OK;
      }
    }
  }

  /** {@code alerts webhook remove ID}. */
  @Command(name = "remove", description = "Remove a webhook and its pending deliveries.")
  static final class WebhookRemove implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;

    @Parameters(paramLabel = "ID", description = "The webhook's id, as `alerts list` shows it.")
    long id;

    @Override
    public Integer call() {
      try (Store store = data.openForWriting()) {
        if (!store.removeWebhook(id)) {
          spec.commandLine().getErr().println("crosscheck: no webhook " + id + " in " + data.location());
          return ExitCode.REJECTED;
        }
      }
      spec.commandLine().getOut().println("removed webhook " + id);
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }
  }

  static String line(AlertStore.Alert a) {
    return String.format(Locale.ROOT, "%s  %-12s  %s", a.createdAt(), a.kind(), a.title());
  }
}
