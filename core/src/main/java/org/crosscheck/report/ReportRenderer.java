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

  /**
   * @return the report as Markdown, each line citing its evidence by outlet ({@code [MENAFN]}); the article table at
   *     the top gives each outlet's article ids, the JSON the spans
   */
  public static String markdown(StoryReport r) {
    return markdown(r, Citations.of(r));
  }

  /**
   * @param r the report
   * @param c how citations are labelled: by outlet and paragraph ({@code [MENAFN ¶3]}) when built from the texts
   * @return the report as Markdown: a lead, each fact as its short statement with its full sentence below it, every
   *     line cited
   */
  public static String markdown(StoryReport r, Citations c) {
    StringBuilder b = new StringBuilder();
    StoryReport.Header h = r.story();
    b.append("# ").append(h.headline()).append("\n\n");
    b.append("Story ").append(h.id()).append(", ").append(h.articles().size()).append(" articles");
    if (h.inferredDate() != null) {
      b.append("; undated articles read against ").append(h.inferredDate()).append(" (the story's earliest date)");
    }
    b.append(". Citations name the outlet and paragraph: [MENAFN ¶3].");
    if (c.unnamedNote() != null) {
      b.append(' ').append(c.unnamedNote());
    }
    b.append("\n\n| article | outlet | published | title |\n|---|---|---|---|\n");
    for (StoryReport.ArticleRef a : h.articles()) {
      Integer n = c.ordinal(a.id());
      b.append("| ").append(a.id()).append(" | ").append(a.outlet() == null ? "unknown" : cell(Citations.outlet(a.outlet())))
          .append(n == null ? "" : " " + n).append(" | ")
          .append(a.published() == null ? "unknown" : a.published()).append(" | ").append(cell(a.title()))
          .append(a.copyOf() == null ? "" : " (copy of " + a.copyOf() + ")")
          .append(a.supersededBy() != null ? " (revision " + a.revision() + " of the page, superseded by "
              + a.supersededBy() + ")" : a.revision() > 1 ? " (revision " + a.revision() + " of the page)" : "")
          .append(" |\n");
    }
    b.append("\n## Summary\n\n");
    for (Lead.Line line : Lead.of(r, c).lines()) {
      b.append("**").append(line.label()).append(":** ").append(oneLine(line.text()));
      b.append(line.evidence().isEmpty() ? "" : " " + cites(line.evidence(), c)).append("\n\n");
    }
    b.append("## Consensus\n\n");
    for (StoryReport.Fact f : r.consensus()) {
      b.append("- ").append(ShortStatement.of(f.text())).append(' ').append(cites(f.evidence(), c))
          .append(String.format(Locale.ROOT, " — **%d outlets**, **%d independent %s**: %s%n", f.outlets().size(),
              f.origins().size(), f.origins().size() == 1 ? "origin" : "origins",
              Citations.shown(f.origins().stream().map(StoryReport.Origin::label)
                  .collect(java.util.stream.Collectors.joining("; ")))));
      b.append("  > ").append(oneLine(f.text())).append('\n');
    }
    b.append("\n## Conflicts\n");
    for (StoryReport.Conflict cf : r.conflicts()) {
      b.append("\n- ").append(cf.heading()).append(":\n");
      for (StoryReport.Side side : cf.sides()) {
        b.append("  - **").append(side.value()).append("** — ").append(Citations.outlets(side.outlets())).append(": ")
            .append(oneLine(side.evidence().getLast().text())).append(' ').append(cite(side.evidence().getFirst(), c))
            .append('\n');
      }
    }
    if (r.conflicts().isEmpty()) {
      b.append("\nNone found.\n");
    }
    b.append("\n## Exclusives\n\n");
    for (StoryReport.Sentence x : r.exclusives()) {
      b.append("- ").append(ShortStatement.of(x.text())).append(' ').append(cites(x.evidence(), c)).append(" — only ")
          .append(Citations.outlets(x.outlets())).append('\n');
      b.append("  > ").append(oneLine(x.text())).append('\n');
    }
    b.append("\n## Timeline\n\n");
    for (StoryReport.Date d : r.timeline()) {
      StoryReport.Evidence first = d.evidence().getFirst();
      b.append("- **").append(d.date()).append("**").append(d.inferred() ? " (inferred)" : "").append(" — ")
          .append(oneLine(first.text())).append(' ').append(cite(first, c));
      if (d.evidence().size() > 1) {
        b.append(String.format(Locale.ROOT, " (and %d more)", d.evidence().size() - 1));
      }
      b.append(d.outlets().isEmpty() ? "" : " — " + Citations.outlets(d.outlets())).append('\n');
    }
    b.append("\n## Quotes\n");
    for (StoryReport.Speaker s : r.quotes()) {
      b.append("\n### ").append(s.speaker() == null ? "Unattributed" : s.speaker())
          .append(s.type() == null ? "" : " (" + s.type().toLowerCase(Locale.ROOT) + ")").append("\n\n");
      s.quotes().stream().limit(SHOWN).forEach(q -> {
        b.append("- “").append(oneLine(q.text())).append("” ")
            .append(q.outlet() == null ? "" : "— " + Citations.outlet(q.outlet()) + " ").append(cite(q.evidence().getFirst(), c))
            .append('\n');
        for (StoryReport.Variant v : q.variants()) {
          b.append("  - also “").append(oneLine(v.text())).append("” ")
              .append(v.outlet() == null ? "" : "— " + Citations.outlet(v.outlet()) + " ").append(cite(v.evidence().getFirst(), c))
              .append('\n');
        }
      });
    }
    b.append("\n## Entities\n\n");
    r.entities().stream().limit(SHOWN).forEach(e -> b.append("- **").append(e.name()).append("** (")
        .append(e.type().toLowerCase(Locale.ROOT)).append(")").append(e.variants().size() > 1
            ? ", also " + String.join(", ", e.variants().stream().filter(v -> !v.equals(e.name())).toList()) : "")
        .append(" — ").append(e.outlets().isEmpty() ? "no known outlet" : Citations.outlets(e.outlets()))
        .append(' ').append(cite(e.evidence().getFirst(), c)).append('\n'));
    return b.toString();
  }

  /**
   * @param changes changes of one story's report, oldest first
   * @param c how citations are labelled (those of the story's latest report)
   * @return them as Markdown, a section per change, each item citing its evidence as {@link #markdown} does
   */
  public static String changesMarkdown(java.util.List<ReportChanges> changes, Citations c) {
    StringBuilder b = new StringBuilder();
    for (ReportChanges ch : changes) {
      b.append("## ").append(ch.from() == 0 ? "Report version " + ch.to() + " (first)"
          : "Version " + ch.from() + " → " + ch.to()).append(", built ").append(ch.toBuilt()).append("\n\n")
          .append(ch.sentence()).append('\n');
      if (!ch.newOutlets().isEmpty()) {
        b.append("\n**New outlets:** ").append(Citations.outlets(ch.newOutlets())).append('\n');
      }
      list(b, "New articles", ch.newArticles(), a -> cell(a.title()) + " — " + cell(Citations.outlet(a.outlet())) + " (" + a.id() + ")");
      list(b, "Articles that left the story", ch.removedArticles(),
          a -> cell(a.title()) + " — " + cell(Citations.outlet(a.outlet())) + " (" + a.id() + ")");
      list(b, "New facts", ch.newFacts(), f -> ShortStatement.of(f.text()) + " " + cites(f.evidence(), c) + " — "
          + Citations.outlets(f.outlets()));
      list(b, "Facts more outlets state", ch.corroborated(), f -> ShortStatement.of(f.fact().text()) + " "
          + cites(f.fact().evidence(), c) + " — now also " + Citations.outlets(f.newOutlets()));
      list(b, "Facts no longer stated by two outlets", ch.droppedFacts(), f -> ShortStatement.of(f.text()) + " "
          + cites(f.evidence(), c));
      list(b, "New conflicts", ch.newConflicts(), x -> x.heading() + ": " + x.sides().stream()
          .map(s -> "**" + s.value() + "** (" + Citations.outlets(s.outlets()) + ") " + cite(s.evidence().getFirst(), c))
          .collect(java.util.stream.Collectors.joining(" vs ")));
      list(b, "New exclusives", ch.newExclusives(), x -> oneLine(x.text()) + " " + cites(x.evidence(), c) + " — only "
          + Citations.outlets(x.outlets()));
      list(b, "New quotes", ch.newQuotes(), q -> (q.speaker() == null ? "Unattributed" : q.speaker()) + ": “"
          + oneLine(q.quote().text()) + "” " + (q.quote().outlet() == null ? "" : "— " + Citations.outlet(q.quote().outlet()) + " ")
          + cite(q.quote().evidence().getFirst(), c));
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

  private static String cites(java.util.List<StoryReport.Evidence> evidence, Citations c) {
    StringBuilder b = new StringBuilder();
    for (StoryReport.Evidence e : evidence) {
      b.append(cite(e, c));
    }
    return b.toString();
  }

  private static String cite(StoryReport.Evidence e, Citations c) {
    return "[" + c.label(e) + "]";
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static String cell(String s) {
    return s == null ? "unknown" : oneLine(s).replace("|", "\\|");
  }
}
