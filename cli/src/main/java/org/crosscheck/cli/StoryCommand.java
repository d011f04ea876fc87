package org.crosscheck.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Story;
import org.crosscheck.model.StoryId;
import org.crosscheck.report.StoryListing;
import org.crosscheck.outlet.Outlets;
import org.crosscheck.store.Store;
import org.crosscheck.store.StoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crosscheck story ID}: one story and its articles. */
@Command(name = "story", description = "Show one story: its headline, outlets, dates and articles.")
final class StoryCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin DataOptions data;

  @Parameters(paramLabel = "ID", description = "The story id (s-NUMBER), as listed by 'crosscheck stories'.")
  String id;

  @Option(names = "--json", description = "Print the story as a JSON object: its listing, its articles (without text)"
      + " and the merges and splits that shaped it.")
  boolean json;

  @Option(names = "--changes", description = "Print what changed in the story's report from each version to the next"
      + " (new and dropped facts, new conflicts, exclusives, outlets and quotes, each cited), first bringing the report"
      + " up to date: a new version when articles joined.")
  boolean changes;

  @Option(names = "--since", paramLabel = "TIME|VERSION", description = "With --changes: one change, from the report"
      + " as it was at TIME (2026-11-30T08:00:00Z or 2026-11-30) or at version VERSION, to the latest.")
  String since;

  @Override
  public Integer call() {
    StoryId storyId = parse(spec, "ID", id);
    PrintWriter out = spec.commandLine().getOut();
    if (since != null && !changes) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--since needs --changes");
    }
    if (changes) {
      return changes(storyId, out);
    }
    var opened = data.openForReading();
    if (opened.isPresent()) {
      try (Store store = opened.get()) {
        Optional<Story> found = Stories.get(store, storyId);
        if (found.isPresent()) {
          Story s = found.get();
          if (json) {
            out.println(Json.write(json(store, s)));
            return ExitCode.OK;
          }
          out.println("story:     " + s.id());
          out.println("headline:  " + s.headline());
          out.printf(Locale.ROOT, "coverage:  %d articles, %d outlets%s%n", s.articles().size(), s.outlets().size(),
              s.copies() > 0 ? ", " + s.copies() + " copies of other articles" : "");
          out.println("outlets:   " + String.join(", ", s.outlets()));
          out.println("published: " + (s.first() == null ? "unknown" : s.first() + " to " + s.last()));
          history(store, s.id()).forEach(line -> out.println(line));
          out.println();
          Outlets outlets = store.outlets();
          for (ArticleId aid : s.articles()) {
            Article a = store.get(aid).orElseThrow();
            String copy = store.duplicateOf(aid).map(l -> "  (also carried: copy of " + l.original() + ")").orElse("");
            out.printf(Locale.ROOT, "%-19s  %-16s  %-28s  %s%s%n", a.id(), a.published().iso(),
                Text.abbreviate(outlets.name(a), 28),
                a.title() == null ? "(no title)" : Text.abbreviate(a.title(), 70), copy);
          }
          return ExitCode.OK;
        }
      }
    }
    spec.commandLine().getErr().println("crosscheck: no story '" + id + "' in " + data.location()
        + "; 'crosscheck stories' lists them");
    return ExitCode.REJECTED;
  }

  private int changes(StoryId storyId, PrintWriter out) {
    if (!data.exists(spec)) {
      return ExitCode.REJECTED;
    }
    try (Store store = data.openForWriting()) {
      var latest = org.crosscheck.pipeline.Pipeline.builder().store(store).buildReporter().report(store, storyId);
      if (latest.isEmpty()) {
        spec.commandLine().getErr().println("crosscheck: no story '" + id + "' in " + data.location()
            + "; 'crosscheck stories' lists them");
        return ExitCode.REJECTED;
      }
      List<org.crosscheck.report.ReportChanges> list;
      try {
        list = org.crosscheck.report.ReportHistory.changes(store, storyId, since);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "invalid --since: " + e.getMessage());
      }
      if (json) {
        out.println(Json.write(list));
      } else if (list.isEmpty()) {
        out.println("story " + storyId.value() + " has one version of its report: no changes yet");
      } else {
        out.print(org.crosscheck.report.ReportRenderer.changesMarkdown(list,
            org.crosscheck.report.Citations.of(latest.get(), store)));
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  /** @return the merges and splits that shaped the story, oldest first, a line each */
  private static List<String> history(Store store, StoryId story) {
    List<String> out = new ArrayList<>();
    for (StoryStore.Merge m : store.merges()) {
      if (m.into().equals(story)) {
        out.add(String.format(Locale.ROOT, "merged:    %s, the same event (bridged by %s)", m.from(), m.bridge()));
      }
    }
    for (StoryStore.Split sp : store.splits()) {
      if (sp.from().equals(story)) {
        out.add(String.format(Locale.ROOT, "split:     %d articles of another event moved to %s (found when %s arrived)",
            sp.moved().size(), sp.into(), sp.trigger()));
      } else if (sp.into().equals(story)) {
        out.add(String.format(Locale.ROOT, "split:     split off %s, another event (found when %s arrived)", sp.from(),
            sp.trigger()));
      }
    }
    return out;
  }

  /** @return the story as {@code story --json} prints it */
  private static Map<String, Object> json(Store store, Story s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("story", StoryListing.of(store, s));
    out.put("copies", s.copies());
    List<Map<String, Object>> articles = new ArrayList<>();
    for (ArticleId aid : s.articles()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("article", ArticleJson.of(store.get(aid).orElseThrow(), store.outlets(), false));
      a.put("copyOf", store.duplicateOf(aid).map(l -> l.original().value()).orElse(null));
      articles.add(a);
    }
    out.put("articles", articles);
    out.put("history", history(store, s.id()).stream().map(l -> l.replaceAll("\\s+", " ")).toList());
    return out;
  }

  /**
   * @return the story id the argument names
   * @throws picocli.CommandLine.ParameterException when it is not a story id, naming the parameter
   */
  static StoryId parse(picocli.CommandLine.Model.CommandSpec spec, String label, String id) {
    try {
      return new StoryId(id);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "invalid " + label + ": " + e.getMessage());
    }
  }
}
