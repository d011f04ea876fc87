package org.crosscheck.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.crosscheck.report.StoryReport.ArticleRef;
import org.crosscheck.report.StoryReport.Conflict;
import org.crosscheck.report.StoryReport.Evidence;
import org.crosscheck.report.StoryReport.Fact;
import org.crosscheck.report.StoryReport.Sentence;
import org.jspecify.annotations.Nullable;

/**
 * What changed in a story's report from one version to the next: articles and outlets that joined or
 * left, facts that became consensus or stopped being, facts more outlets now state, new conflicts,
 * exclusives and quotes. Every item carries its evidence, as in the report.
 *
 * <p>An item of the later report is the same as one of the earlier when they cite an overlapping span of
 * the same article: article texts never change under their id, while the sentence chosen to state a fact
 * may (a fact's best sentence is the one closest to all its outlets'). Conflicts are the same when they are
 * of the same kind between the same values.
 *
 * @param story the story id
 * @param from the earlier version's number (0 when there is none: everything is new)
 * @param to the later version's number
 * @param fromBuilt when the earlier version was built (ISO-8601), or {@code null}
 * @param toBuilt when the later one was (ISO-8601)
 * @param newArticles articles the later report has and the earlier does not
 * @param removedArticles articles that left the story (split off)
 * @param newOutlets outlets that reported the story for the first time
 * @param newFacts consensus facts new in the later report
 * @param droppedFacts consensus facts of the earlier report the later no longer has
 * @param corroborated facts of both reports that more outlets state now, with those outlets
 * @param newConflicts conflicts new in the later report
 * @param newExclusives exclusives new in the later report
 * @param newQuotes quotes new in the later report, with their speakers
 */
public record ReportChanges(String story, int from, int to, @Nullable String fromBuilt, String toBuilt,
    List<ArticleRef> newArticles, List<ArticleRef> removedArticles, List<String> newOutlets, List<Fact> newFacts,
    List<Fact> droppedFacts, List<Corroboration> corroborated, List<Conflict> newConflicts,
    List<Sentence> newExclusives, List<NewQuote> newQuotes) {
  public ReportChanges {
    newArticles = List.copyOf(newArticles);
    removedArticles = List.copyOf(removedArticles);
    newOutlets = List.copyOf(newOutlets);
    newFacts = List.copyOf(newFacts);
    droppedFacts = List.copyOf(droppedFacts);
    corroborated = List.copyOf(corroborated);
    newConflicts = List.copyOf(newConflicts);
    newExclusives = List.copyOf(newExclusives);
    newQuotes = List.copyOf(newQuotes);
  }

  /**
   * A fact more outlets state than before.
   *
   * @param fact the fact as the later report states it
   * @param newOutlets the outlets that state it now and did not before
   */
  public record Corroboration(Fact fact, List<String> newOutlets) {}

  /**
   * A quote new in the later report.
   *
   * @param speaker its speaker, or {@code null} when unattributed
   * @param quote the quote
   */
  public record NewQuote(@Nullable String speaker, StoryReport.Quote quote) {}

  /** @return whether nothing changed that a reader would see */
  public boolean isEmpty() {
    return newArticles.isEmpty() && removedArticles.isEmpty() && newOutlets.isEmpty() && newFacts.isEmpty()
        && droppedFacts.isEmpty() && corroborated.isEmpty() && newConflicts.isEmpty() && newExclusives.isEmpty()
        && newQuotes.isEmpty();
  }

  /** @return the changes counted in one line: "1 new outlet, 2 new facts, 1 new conflict" or "no changes" */
  public String headline() {
    List<String> parts = new ArrayList<>();
    count(parts, newArticles.size(), "new article", "new articles");
    count(parts, removedArticles.size(), "article left", "articles left");
    count(parts, newOutlets.size(), "new outlet", "new outlets");
    count(parts, newFacts.size(), "new fact", "new facts");
    count(parts, corroborated.size(), "fact more widely stated", "facts more widely stated");
    count(parts, droppedFacts.size(), "fact dropped", "facts dropped");
    count(parts, newConflicts.size(), "new conflict", "new conflicts");
    count(parts, newExclusives.size(), "new exclusive", "new exclusives");
    count(parts, newQuotes.size(), "new quote", "new quotes");
    return parts.isEmpty() ? "no changes" : String.join(", ", parts);
  }

  /** @return the headline as a sentence: "1 new outlet, 2 new facts." */
  public String sentence() {
    String h = headline();
    return h.substring(0, 1).toUpperCase(Locale.ROOT) + h.substring(1) + ".";
  }

  private static void count(List<String> parts, int n, String one, String many) {
    if (n > 0) {
      parts.add(String.format(Locale.ROOT, "%d %s", n, n == 1 ? one : many));
    }
  }

  /**
   * @param before the earlier report, or {@code null} when there is none
   * @param from its version number (0 when none)
   * @param fromBuilt when it was built, or {@code null}
   * @param after the later report
   * @param to its version number
   * @param toBuilt when it was built
   * @return what changed from the one to the other
   */
  public static ReportChanges between(@Nullable StoryReport before, int from, @Nullable Instant fromBuilt,
      StoryReport after, int to, Instant toBuilt) {
    StoryReport earlier = before != null ? before : empty(after.story());
    Set<String> oldIds = new LinkedHashSet<>();
    earlier.story().articles().forEach(a -> oldIds.add(a.id()));
    Set<String> newIds = new LinkedHashSet<>();
    after.story().articles().forEach(a -> newIds.add(a.id()));
    List<ArticleRef> added = after.story().articles().stream().filter(a -> !oldIds.contains(a.id())).toList();
    List<ArticleRef> removed = earlier.story().articles().stream().filter(a -> !newIds.contains(a.id())).toList();
    Set<String> oldOutlets = outlets(earlier.story().articles());
    List<String> newOutlets = outlets(after.story().articles()).stream().filter(o -> !oldOutlets.contains(o)).toList();

    List<Fact> newFacts = new ArrayList<>();
    List<Corroboration> corroborated = new ArrayList<>();
    for (Fact f : after.consensus()) {
      List<Fact> same = earlier.consensus().stream().filter(o -> overlap(o.evidence(), f.evidence())).toList();
      if (same.isEmpty()) {
        newFacts.add(f);
      } else {
        Set<String> had = new TreeSet<>();
        same.forEach(o -> had.addAll(o.outlets()));
        List<String> more = f.outlets().stream().filter(o -> !had.contains(o)).toList();
        if (!more.isEmpty()) {
          corroborated.add(new Corroboration(f, more));
        }
      }
    }
    List<Fact> dropped = earlier.consensus().stream()
        .filter(o -> after.consensus().stream().noneMatch(f -> overlap(o.evidence(), f.evidence()))).toList();
    Set<String> oldConflicts = new LinkedHashSet<>();
    earlier.conflicts().forEach(c -> oldConflicts.add(key(c)));
    List<Conflict> newConflicts = after.conflicts().stream().filter(c -> !oldConflicts.contains(key(c))).toList();
    List<Sentence> newExclusives = after.exclusives().stream()
        .filter(x -> earlier.exclusives().stream().noneMatch(o -> overlap(o.evidence(), x.evidence()))).toList();
    List<Evidence> oldQuotes = new ArrayList<>();
    earlier.quotes().forEach(s -> s.quotes().forEach(q -> {
      oldQuotes.addAll(q.evidence());
      q.variants().forEach(v -> oldQuotes.addAll(v.evidence()));
    }));
    List<NewQuote> newQuotes = new ArrayList<>();
    after.quotes().forEach(s -> s.quotes().forEach(q -> {
      if (!overlap(oldQuotes, q.evidence().subList(0, 1))) {
        newQuotes.add(new NewQuote(s.speaker(), q));
      }
    }));
    return new ReportChanges(after.story().id(), from, to, fromBuilt == null ? null : fromBuilt.toString(),
        toBuilt.toString(), added, removed, newOutlets, newFacts,
        dropped, corroborated, newConflicts, newExclusives, newQuotes);
  }

  private static StoryReport empty(StoryReport.Header like) {
    return new StoryReport(new StoryReport.Header(like.id(), like.headline(), List.of(), null), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /**
   * @param articles a story's articles
   * @return their outlets, each once, in the articles' order; "unknown outlet" for articles without one
   */
  public static Set<String> outlets(List<ArticleRef> articles) {
    Set<String> out = new LinkedHashSet<>();
    articles.forEach(a -> out.add(a.outlet() == null ? "unknown outlet" : a.outlet()));
    return out;
  }

  /** @return a conflict's identity: its kind and its values, whatever their order and outlets */
  public static String key(Conflict c) {
    Set<String> values = new TreeSet<>();
    c.sides().forEach(s -> values.add(s.value().strip().toLowerCase(Locale.ROOT)));
    return c.kind() + values;
  }

  /** @return whether a span of the one list overlaps a span of the other in the same article */
  private static boolean overlap(Collection<Evidence> a, Collection<Evidence> b) {
    for (Evidence x : a) {
      for (Evidence y : b) {
        if (x.article().equals(y.article()) && x.start() < y.end() && y.start() < x.end()) {
          return true;
        }
      }
    }
    return false;
  }
}
