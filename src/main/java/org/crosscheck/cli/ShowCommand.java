package org.crosscheck.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.store.ArticleStore;
import org.crosscheck.store.EmbeddedArticleStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crosscheck show ID}: prints one stored article with its metadata. */
@Command(name = "show", description = "Show one stored article: metadata, where it came from, and its text.")
final class ShowCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin DataOptions data;

  @Parameters(paramLabel = "ID", description = "The article id, as listed by 'crosscheck articles'.")
  String id;

  @Option(names = "--json", description = "Print the article as JSON, text included.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ArticleId articleId;
    try {
      articleId = new ArticleId(id);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "invalid ID: " + e.getMessage());
    }
    var opened = EmbeddedArticleStore.openForReading(data.directory());
    Optional<Article> found;
    if (opened.isEmpty()) {
      found = Optional.empty();
    } else {
      try (ArticleStore store = opened.get()) {
        found = store.get(articleId);
      }
    }
    if (found.isEmpty()) {
      err.println("crosscheck: no article with id '" + id + "' in " + data.directory()
          + "; 'crosscheck articles' lists the stored ids");
      return ExitCode.REJECTED;
    }
    Article a = found.get();
    if (json) {
      out.println(Json.write(ArticleJson.of(a, true)));
      return ExitCode.OK;
    }
    out.println("id:        " + a.id());
    out.println("title:     " + (a.title() == null ? "(none)" : a.title()));
    out.println("outlet:    " + a.displayOutlet());
    out.println("published: " + a.published().iso());
    out.println("url:       " + (a.url() == null ? "(none)" : a.url()));
    out.println("language:  " + a.language());
    out.println("text:      " + a.text().length() + " characters" + (a.textKind() == org.crosscheck.model.TextKind.SUMMARY
        ? " (summary only)" : ""));
    out.println("source:    " + a.provenance().describe() + " (read as " + a.provenance().importer() + ")");
    if (a.goldStory() != null) {
      out.println("gold story: " + a.goldStory());
    }
    for (String note : a.notes()) {
      out.println("note:      " + note);
    }
    out.println();
    out.println(a.text());
    return ExitCode.OK;
  }
}
