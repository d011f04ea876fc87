package org.crosscheck.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crosscheck.model.Article;
import org.crosscheck.outlet.Outlets;
import org.crosscheck.store.ArticleStore;
import org.crosscheck.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crosscheck articles}: lists stored articles. */
@Command(name = "articles", description = "List stored articles in the order they were stored.")
final class ArticlesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin DataOptions data;

  @Option(names = "--json", description = "Print a JSON array (without article text).")
  boolean json;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N articles (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the first N articles.")
  int offset;

  @Option(names = "--not-articles", description = "List only the pages stored as not articles (login, paywall,"
      + " notice or error pages), each with the reason.")
  boolean notArticles;

  /** @return the pages stored as not articles, in the order stored, with --offset and --limit applied */
  private List<Article> notArticles(ArticleStore store) {
    List<Article> out = new java.util.ArrayList<>();
    int skipped = 0;
    for (int from = 0; out.size() < limit; from += 1000) {
      List<Article> page = store.list(from, 1000);
      if (page.isEmpty()) {
        break;
      }
      for (Article a : page) {
        if (!a.isArticle() && skipped++ >= offset && out.size() < limit) {
          out.add(a);
        }
      }
    }
    return out;
  }

  @Override
  public Integer call() {
    if (limit < 0 || offset < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit and --offset must not be negative");
    }
    PrintWriter out = spec.commandLine().getOut();
    var opened = data.openForReading();
    if (opened.isEmpty()) {
      if (json) {
        out.println("[]");
      } else {
        out.println("No articles stored in " + data.location() + " yet; add some with: crosscheck ingest PATH");
      }
      return ExitCode.OK;
    }
    try (Store store = opened.get()) {
      List<Article> articles = notArticles ? notArticles(store) : store.list(offset, limit);
      Outlets outlets = store.outlets();
      if (json) {
        out.println(Json.write(articles.stream().map(a -> ArticleJson.of(a, outlets, false)).toList()));
        return ExitCode.OK;
      }
      int idWidth = Math.max(2, articles.stream().mapToInt(a -> a.id().value().length()).max().orElse(2));
      int outletWidth = Math.min(28, Math.max(6, articles.stream().mapToInt(a -> outlets.name(a).length()).max().orElse(6)));
      String format = "%-" + idWidth + "s  %-16s  %-" + outletWidth + "s  %s%n";
      out.printf(Locale.ROOT, format, "ID", "PUBLISHED", "OUTLET", notArticles ? "WHY NOT AN ARTICLE" : "TITLE");
      for (Article a : articles) {
        out.printf(Locale.ROOT, format, a.id(), a.published().iso().length() > 16
                ? a.published().iso().substring(0, 16) : a.published().iso(),
            Text.abbreviate(outlets.name(a), outletWidth),
            notArticles ? Text.abbreviate(a.notes().getFirst(), 120)
                : a.title() == null ? "(no title) " + Text.abbreviate(a.text(), 50) : Text.abbreviate(a.title(), 80));
      }
      if (notArticles) {
        out.printf(Locale.ROOT, "%,d pages stored as not articles in %s%n", articles.size(), data.location());
        return ExitCode.OK;
      }
      long count = store.count();
      out.printf(Locale.ROOT, "%,d of %,d articles in %s%n", articles.size(), count, data.location());
      return ExitCode.OK;
    }
  }
}
