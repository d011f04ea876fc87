package org.crosscheck.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.Story;
import org.crosscheck.report.StoryListing;
import org.crosscheck.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crosscheck stories}: lists the stories, most outlets first. */
@Command(name = "stories", description = "List stories: id, headline, articles, outlets, first and last publication.")
final class StoriesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin DataOptions data;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N stories (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print a JSON array, each story as /api/stories lists it.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (limit < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must not be negative");
    }
    var opened = data.openForReading();
    if (opened.isEmpty()) {
      out.println(json ? "[]" : "No stories in " + data.location() + " yet; add articles with: crosscheck ingest PATH");
      return ExitCode.OK;
    }
    try (Store store = opened.get()) {
      List<Story> stories = Stories.all(store);
      List<Story> shown = stories.subList(0, Math.min(limit, stories.size()));
      if (json) {
        out.println(Json.write(shown.stream().map(s -> StoryListing.of(store, s)).toList()));
        return ExitCode.OK;
      }
      String format = "%-8s  %8s  %7s  %-10s  %-10s  %s%n";
      out.printf(Locale.ROOT, format, "STORY", "ARTICLES", "OUTLETS", "FIRST", "LAST", "HEADLINE");
      for (Story s : shown) {
        out.printf(Locale.ROOT, format, s.id(), s.articles().size(), s.outlets().size(),
            s.first() == null ? "unknown" : s.first(), s.last() == null ? "unknown" : s.last(),
            Text.abbreviate(s.headline(), 80));
      }
      out.printf(Locale.ROOT, "%,d stories over %,d articles in %s%n", stories.size(),
          stories.stream().mapToInt(s -> s.articles().size()).sum(), data.location());
      return ExitCode.OK;
    }
  }
}
