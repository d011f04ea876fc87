package org.crosscheck.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.Story;
import org.crosscheck.model.StoryId;
import org.crosscheck.outlet.Outlets;
import org.crosscheck.report.StoryReport;
import org.crosscheck.store.Store;

/**
 * Writes what a store holds as rows, one item a row, for spreadsheets and scripts: stories,
 * articles, and from the stories' reports the facts outlets agree on, the sides of conflicts and
 * the quotes. Every row names its story; rows from reports name the outlets, the articles and the
 * evidence (the cited text, with its article and character offsets). CSV is RFC 4180 with a header
 * row, written by Apache Commons CSV; JSON Lines is one object a row with the same names.
 */
public final class Export {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What is exported. */
  public enum Kind {
    /** One row per story. */
    STORIES("story", "headline", "articles", "outlets", "copies", "first_published", "last_published"),
    /** One row per stored article. */
    ARTICLES("story", "article", "source_id", "outlet", "url", "title", "published", "language", "kind",
        "characters"),
    /** One row per fact of a report's consensus. */
    FACTS("story", "fact", "outlets", "origins", "articles", "evidence"),
    /** One row per side of a report's conflict. */
    CONFLICTS("story", "conflict", "kind", "value", "outlets", "articles", "evidence"),
    /** One row per quote of a report. */
    QUOTES("story", "speaker", "quote", "outlet", "attribution", "articles", "evidence");

    private final List<String> columns;

    Kind(String... columns) {
      this.columns = List.of(columns);
    }

    /** @return the column names, in order */
    public List<String> columns() {
      return columns;
    }

    /** @return whether the rows come from the stories' reports */
    public boolean fromReports() {
      return this == FACTS || this == CONFLICTS || this == QUOTES;
    }

    /**
     * @param name a kind's name, any case
     * @return the kind
     * @throws IllegalArgumentException naming the known kinds
     */
    public static Kind of(String name) {
      for (Kind k : values()) {
        if (k.name().equalsIgnoreCase(name)) {
          return k;
        }
      }
      throw new IllegalArgumentException("nothing to export called '" + name
          + "': stories, articles, facts, conflicts or quotes");
    }
  }

  /** How rows are written. */
  public enum Format {
    /** RFC 4180 CSV with a header row. */
    CSV,
    /** One JSON object a line. */
    JSONL;

    /**
     * @param name a format's name, any case
     * @return the format
     * @throws IllegalArgumentException naming the known formats
     */
    public static Format of(String name) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(name)) {
          return f;
        }
      }
      throw new IllegalArgumentException("no export format '" + name + "': csv or jsonl");
    }
  }

  /**
   * What an export wrote.
   *
   * @param rows rows written (the header aside)
   * @param storiesWithoutReport stories left out of a report export because they have no report yet
   */
  public record Result(long rows, long storiesWithoutReport) {}

  private Export() {}

  /**
   * @param store the store
   * @param kind what to export
   * @param format how
   * @param reports a story's report, or empty when it has none (stored reports only, or built ones)
   * @param out where the rows go; not closed
   * @return what was written
   * @throws UncheckedIOException when {@code out} cannot be written
   */
  public static Result write(Store store, Kind kind, Format format, Function<Story, Optional<StoryReport>> reports,
      Writer out) {
    try (Rows rows = format == Format.CSV ? new CsvRows(kind, out) : new JsonRows(kind, out)) {
      long without = switch (kind) {
        case STORIES -> stories(store, rows);
        case ARTICLES -> articles(store, rows);
        case FACTS, CONFLICTS, QUOTES -> fromReports(store, kind, reports, rows);
      };
      return new Result(rows.count(), without);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the " + kind.name().toLowerCase(Locale.ROOT) + " export: "
          + e.getMessage(), e);
    }
  }

  private static long stories(Store store, Rows rows) throws IOException {
    for (Story s : Stories.all(store)) {
      rows.add(s.id().value(), s.headline(), s.articles().size(), String.join("; ", s.outlets()), s.copies(),
          s.first() == null ? "" : s.first().toString(), s.last() == null ? "" : s.last().toString());
    }
    return 0;
  }

  private static long articles(Store store, Rows rows) throws IOException {
    Map<ArticleId, StoryId> stories = store.allAssignments();
    Outlets outlets = store.outlets();
    for (int offset = 0; ; ) {
      List<Article> page = store.list(offset, 1000);
      if (page.isEmpty()) {
        return 0;
      }
      for (Article a : page) {
        StoryId s = stories.get(a.id());
        rows.add(s == null ? "" : s.value(), a.id().value(), nullToEmpty(a.sourceId()), outlets.name(a),
            nullToEmpty(a.url()), nullToEmpty(a.title()), a.published().iso(), a.language(),
            a.textKind().name().toLowerCase(Locale.ROOT), a.text().length());
      }
      offset += page.size();
    }
  }

  private static long fromReports(Store store, Kind kind, Function<Story, Optional<StoryReport>> reports, Rows rows)
      throws IOException {
    long without = 0;
    for (Story s : Stories.all(store)) {
      Optional<StoryReport> report = reports.apply(s);
      if (report.isEmpty()) {
        without++;
        continue;
      }
      StoryReport r = report.get();
      String story = s.id().value();
      switch (kind) {
        case FACTS -> {
          for (StoryReport.Fact f : r.consensus()) {
            rows.add(story, f.text(), String.join("; ", f.outlets()),
                String.join("; ", f.origins().stream().map(StoryReport.Origin::name).toList()), articles(f.evidence()),
                evidence(f.evidence()));
          }
        }
        case CONFLICTS -> {
          int n = 0;
          for (StoryReport.Conflict c : r.conflicts()) {
            n++;
            for (StoryReport.Side side : c.sides()) {
              rows.add(story, n, c.kind(), side.value(), String.join("; ", side.outlets()), articles(side.evidence()),
                  evidence(side.evidence()));
            }
          }
        }
        case QUOTES -> {
          for (StoryReport.Speaker sp : r.quotes()) {
            for (StoryReport.Quote q : sp.quotes()) {
              rows.add(story, sp.speaker() == null ? "" : sp.speaker(), q.text(), nullToEmpty(q.outlet()),
                  nullToEmpty(q.attribution()), articles(q.evidence()), evidence(q.evidence()));
            }
          }
        }
        default -> throw new IllegalArgumentException(kind + " does not come from reports");
      }
    }
    return without;
  }

  /** @return the articles cited, each once, in order, separated by spaces */
  private static String articles(List<StoryReport.Evidence> evidence) {
    Set<String> ids = new LinkedHashSet<>();
    evidence.forEach(e -> ids.add(e.article()));
    return String.join(" ", ids);
  }

  /** @return each citation as {@code ARTICLE:START-END "TEXT"}, separated by " | " */
  private static String evidence(List<StoryReport.Evidence> evidence) {
    List<String> out = new ArrayList<>(evidence.size());
    for (StoryReport.Evidence e : evidence) {
      out.add(e.article() + ":" + e.start() + "-" + e.end() + " \"" + e.text() + "\"");
    }
    return String.join(" | ", out);
  }

  private static String nullToEmpty(@org.jspecify.annotations.Nullable String s) {
    return s == null ? "" : s;
  }

  /** Rows as they are written, counted; closing flushes them (the caller owns the writer). */
  private abstract static class Rows implements AutoCloseable {
    private long count;

    final void add(Object... values) throws IOException {
      write(values);
      count++;
    }

    final long count() {
      return count;
    }

    abstract void write(Object[] values) throws IOException;

    @Override
    public abstract void close() throws IOException;
  }

  private static final class CsvRows extends Rows {
    private final CSVPrinter printer;

    CsvRows(Kind kind, Writer out) throws IOException {
      this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
          .setHeader(kind.columns().toArray(String[]::new)).get());
    }

    @Override
    void write(Object[] values) throws IOException {
      printer.printRecord(values);
    }

    @Override
    public void close() throws IOException {
      printer.flush();
    }
  }

  private static final class JsonRows extends Rows {
    private final List<String> columns;
    private final Writer out;

    JsonRows(Kind kind, Writer out) {
      this.columns = kind.columns();
      this.out = out;
    }

    @Override
    void write(Object[] values) throws IOException {
      ObjectNode row = JSON.createObjectNode();
      for (int i = 0; i < values.length; i++) {
        row.set(columns.get(i), JSON.valueToTree(values[i]));
      }
      out.write(JSON.writeValueAsString(row));
      out.write('\n');
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
