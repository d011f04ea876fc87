package org.crosscheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Locale;

/** Renders a report as JSON or as Markdown. Stateless. */
public final class ReportRenderer {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Quotes and entities shown per section in Markdown; the JSON has them all. */
  private static final int SHOWN = 25;

  private ReportRenderer() {}

  /**
   * @return the report as indented JSON: keys {@code story}, {@code summary}, {@code consensus},
   *     {@code conflicts}, {@code exclusives}, {@code quotes}, {@code timeline}, {@code entities}
   */
  public static String json(StoryReport r) {
    try {
      return JSON.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  /**
   * @param json a report as {@link #json(StoryReport)} writes it
   * @return the report read back
   * @throws IllegalArgumentException when the JSON is not a report of this version's shape
   */
  public static StoryReport read(String json) {
    try {
      return JSON.readValue(json, StoryReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a report: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * @param part a part of a report (a fact, a conflict, a speaker's quotes), evidence included
   * @return the part as JSON on one line, the same fields as in {@link #json}
   */
  public static String json(Record part) {
    try {
      return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(part);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a part of the report as JSON", e);
    }
  }

  /** @return the report as Markdown, each line citing its evidence as {@code [article:start-end]} */
  public static String markdown(StoryReport r) {
    StringBuilder b = new StringBuilder();
    StoryReport.Header h = r.story();
    b.append("# ").append(h.headline()).append("\n\n");
    b.append("Story ").append(h.id()).append(", ").append(h.articles().size()).append(" articles");
    if (h.inferredDate() != null) {
      b.append("; undated articles read against ").append(h.inferredDate()).append(" (the story's earliest date)");
    }
    b.append(".\n\n| article | outlet | published | title |\n|---|---|---|---|\n");
    for (StoryReport.ArticleRef a : h.articles()) {
      b.append("| ").append(a.id()).append(" | ").append(cell(a.outlet())).append(" | ")
          .append(a.published() == null ? "unknown" : a.published()).append(" | ").append(cell(a.title()))
          .append(a.copyOf() == null ? "" : " (copy of " + a.copyOf() + ")")
          .append(a.supersededBy() != null ? " (revision " + a.revision() + " of the page, superseded by "
              + a.supersededBy() + ")" : a.revision() > 1 ? " (revision " + a.revision() + " of the page)" : "")
          .append(" |\n");
    }
    b.append("\n## Summary\n\n");
    for (StoryReport.Sentence x : r.summary()) {
      b.append("- ").append(oneLine(x.text())).append(' ').append(cites(x.evidence())).append(" — ")
          .append(String.join(", ", x.outlets())).append('\n');
    }
    b.append("\n## Consensus\n\n");
    for (StoryReport.Fact f : r.consensus()) {
      b.append("- ").append(oneLine(f.text())).append(' ').append(cites(f.evidence()))
          .append(String.format(Locale.ROOT, " — **%d outlets** (%s), **%d independent %s** (%s)%n", f.outlets().size(),
              String.join(", ", f.outlets()), f.origins().size(), f.origins().size() == 1 ? "origin" : "origins",
              f.origins().stream().map(StoryReport.Origin::label).collect(java.util.stream.Collectors.joining("; "))));
    }
    b.append("\n## Conflicts\n");
    for (StoryReport.Conflict c : r.conflicts()) {
      b.append("\n- ").append(c.heading()).append(":\n");
      for (StoryReport.Side side : c.sides()) {
        b.append("  - **").append(side.value()).append("** — ").append(String.join(", ", side.outlets())).append(": ")
            .append(oneLine(side.evidence().getLast().text())).append(' ').append(cite(side.evidence().getFirst()))
            .append('\n');
      }
    }
    if (r.conflicts().isEmpty()) {
      b.append("\nNone found.\n");
    }
    b.append("\n## Exclusives\n\n");
    for (StoryReport.Sentence x : r.exclusives()) {
      b.append("- ").append(oneLine(x.text())).append(' ').append(cites(x.evidence())).append(" — only ")
          .append(String.join(", ", x.outlets())).append('\n');
    }
    b.append("\n## Timeline\n\n");
    for (StoryReport.Date d : r.timeline()) {
      StoryReport.Evidence first = d.evidence().getFirst();
      b.append("- **").append(d.date()).append("**").append(d.inferred() ? " (inferred)" : "").append(" — ")
          .append(oneLine(first.text())).append(' ').append(cite(first));
      if (d.evidence().size() > 1) {
        b.append(String.format(Locale.ROOT, " (and %d more)", d.evidence().size() - 1));
      }
      b.append(d.outlets().isEmpty() ? "" : " — " + String.join(", ", d.outlets())).append('\n');
    }
    b.append("\n## Quotes\n");
    for (StoryReport.Speaker s : r.quotes()) {
      b.append("\n### ").append(s.speaker() == null ? "Unattributed" : s.speaker())
          .append(s.type() == null ? "" : " (" + s.type().toLowerCase(Locale.ROOT) + ")").append("\n\n");
      s.quotes().stream().limit(SHOWN).forEach(q -> {
        b.append("- “").append(oneLine(q.text())).append("” ")
            .append(q.outlet() == null ? "" : "— " + q.outlet() + " ").append(cite(q.evidence().getFirst())).append('\n');
        for (StoryReport.Variant v : q.variants()) {
          b.append("  - also “").append(oneLine(v.text())).append("” ")
              .append(v.outlet() == null ? "" : "— " + v.outlet() + " ").append(cite(v.evidence().getFirst())).append('\n');
        }
      });
    }
    b.append("\n## Entities\n\n");
    r.entities().stream().limit(SHOWN).forEach(e -> b.append("- **").append(e.name()).append("** (")
        .append(e.type().toLowerCase(Locale.ROOT)).append(")").append(e.variants().size() > 1
            ? ", also " + String.join(", ", e.variants().stream().filter(v -> !v.equals(e.name())).toList()) : "")
        .append(" — ").append(e.outlets().isEmpty() ? "no known outlet" : String.join(", ", e.outlets()))
        .append(' ').append(cite(e.evidence().getFirst())).append('\n'));
    return b.toString();
  }

  /**
   * @param changes changes of one story's report, oldest first
   * @return them as Markdown, a section per change, each item citing its evidence as {@link #markdown} does
   */
  public static String changesMarkdown(java.util.List<ReportChanges> changes) {
    StringBuilder b = new StringBuilder();
    for (ReportChanges c : changes) {
      b.append("## ").append(c.from() == 0 ? "Report version " + c.to() + " (first)"
          : "Version " + c.from() + " → " + c.to()).append(", built ").append(c.toBuilt()).append("\n\n")
          .append(c.headline().substring(0, 1).toUpperCase(Locale.ROOT)).append(c.headline().substring(1)).append(".\n");
      if (!c.newOutlets().isEmpty()) {
        b.append("\n**New outlets:** ").append(String.join(", ", c.newOutlets())).append('\n');
      }
      list(b, "New articles", c.newArticles(), a -> cell(a.title()) + " — " + cell(a.outlet()) + " (" + a.id() + ")");
      list(b, "Articles that left the story", c.removedArticles(),
          a -> cell(a.title()) + " — " + cell(a.outlet()) + " (" + a.id() + ")");
      list(b, "New facts", c.newFacts(), f -> oneLine(f.text()) + " " + cites(f.evidence()) + " — "
          + String.join(", ", f.outlets()));
      list(b, "Facts more outlets state", c.corroborated(), f -> oneLine(f.fact().text()) + " "
          + cites(f.fact().evidence()) + " — now also " + String.join(", ", f.newOutlets()));
      list(b, "Facts no longer stated by two outlets", c.droppedFacts(), f -> oneLine(f.text()) + " "
          + cites(f.evidence()));
      list(b, "New conflicts", c.newConflicts(), x -> x.heading() + ": " + x.sides().stream()
          .map(s -> "**" + s.value() + "** (" + String.join(", ", s.outlets()) + ") " + cite(s.evidence().getFirst()))
          .collect(java.util.stream.Collectors.joining(" vs ")));
      list(b, "New exclusives", c.newExclusives(), x -> oneLine(x.text()) + " " + cites(x.evidence()) + " — only "
          + String.join(", ", x.outlets()));
      list(b, "New quotes", c.newQuotes(), q -> (q.speaker() == null ? "Unattributed" : q.speaker()) + ": “"
          + oneLine(q.quote().text()) + "” " + (q.quote().outlet() == null ? "" : "— " + q.quote().outlet() + " ")
          + cite(q.quote().evidence().getFirst()));
      b.append('\n');
    }
    return b.toString();
  }

  private static <T> void list(StringBuilder b, String heading, java.util.List<T> items,
      java.util.function.Function<T, String> line) {
    if (!items.isEmpty()) {
      b.append("\n**").append(heading).append(":**\n\n");
      items.forEach(i -> b.append("- ").append(line.apply(i)).append('\n'));
    }
  }

  private static String cites(java.util.List<StoryReport.Evidence> evidence) {
    StringBuilder b = new StringBuilder();
    for (StoryReport.Evidence e : evidence) {
      b.append(cite(e));
    }
    return b.toString();
  }

  private static String cite(StoryReport.Evidence e) {
    return "[" + e.article() + ":" + e.start() + "-" + e.end() + "]";
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static String cell(String s) {
    return s == null ? "unknown" : oneLine(s).replace("|", "\\|");
  }
}
