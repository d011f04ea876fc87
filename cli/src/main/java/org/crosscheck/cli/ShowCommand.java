package org.crosscheck.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.store.ArticleStore;
import org.crosscheck.outlet.Outlets;
import org.crosscheck.store.Store;
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

  @Parameters(paramLabel = "ID",
      description = "The article id, as listed by 'crosscheck articles', or the id its source gave it (a JSONL id).")
  String id;

  @Option(names = "--json", description = "Print the article as JSON, text included.")
  boolean json;

  /** @return the article with this id, else the articles with this source id */
  static List<Article> lookUp(ArticleStore store, String id) {
    try {
      Optional<Article> byId = store.get(new ArticleId(id));
      if (byId.isPresent()) {
        return List.of(byId.get());
      }
    } catch (IllegalArgumentException notAnId) {
      // not shaped like an article id; it may still be a source id
    }
    return store.findBySourceId(id);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (id.isBlank()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "ID must not be blank");
    }
    var opened = data.openForReading();
    List<Article> found = List.of();
    Outlets outlets = Outlets.builtIn(); // no store: nothing is found
    List<String> copyLines = new java.util.ArrayList<>();
    if (opened.isPresent()) {
      try (Store store = opened.get()) {
        found = lookUp(store, id);
        outlets = store.outlets();
        if (found.size() == 1) {
          ArticleId shown = found.get(0).id();
          store.duplicateOf(shown).ifPresent(l -> copyLines.add(String.format(java.util.Locale.ROOT,
              "copy of:   %s (%s, similarity %.2f)", l.original(), l.exact() ? "same text" : "near-duplicate",
              l.similarity())));
          for (var l : store.copiesOf(shown)) {
            String outlet = store.get(l.copy()).map(store.outlets()::name).orElse("?");
            copyLines.add(String.format(java.util.Locale.ROOT, "also carried by: %s (%s, similarity %.2f)", outlet,
                l.copy(), l.similarity()));
          }
        }
      }
    }
    if (found.isEmpty()) {
      err.println("crosscheck: no article with id '" + id + "' in " + data.location()
          + "; 'crosscheck articles' lists the stored ids");
      return ExitCode.REJECTED;
    }
    if (found.size() > 1) {
      err.println("crosscheck: " + found.size() + " articles have the source id '" + id + "'; show one by its id:");
      for (Article a : found) {
        err.println("  " + a.id() + "  " + outlets.name(a) + " | " + a.published().iso() + " | "
            + (a.title() == null ? "(no title)" : Text.abbreviate(a.title(), 60)));
      }
      return ExitCode.REJECTED;
    }
    Article a = found.get(0);
    if (json) {
      out.println(Json.write(ArticleJson.of(a, outlets, true)));
      return ExitCode.OK;
    }
    out.println("id:        " + a.id());
    if (a.sourceId() != null) {
      out.println("source id: " + a.sourceId());
    }
    out.println("title:     " + (a.title() == null ? "(none)" : a.title()));
    out.println("outlet:    " + outlets.name(a));
    out.println("published: " + a.published().iso());
    out.println("url:       " + (a.url() == null ? "(none)" : a.url()));
    out.println("language:  " + a.language());
    out.println("text:      " + a.text().length() + " characters" + switch (a.textKind()) {
      case SUMMARY -> " (summary only)";
      case NOT_ARTICLE -> " (not an article: kept out of stories and reports; the first note says why)";
      case FULL -> "";
    });
    out.println("source:    " + a.provenance().describe() + " (read as " + a.provenance().importer() + ")");
    if (a.goldStory() != null) {
      out.println("gold story: " + a.goldStory());
    }
    copyLines.forEach(out::println);
    for (String note : a.notes()) {
      out.println("note:      " + note);
    }
    out.println();
    out.println(a.text());
    return ExitCode.OK;
  }
}
