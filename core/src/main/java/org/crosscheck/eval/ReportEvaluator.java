package org.crosscheck.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.crosscheck.analysis.Models;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.store.Store;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.report.ReportRenderer;
import org.crosscheck.report.StoryReport;
import org.jspecify.annotations.Nullable;

/**
 * Scores story reports against a careful reading of their stories (the report gold of {@code
 * ../shared/data/README.md}): the articles are ingested into a new temporary store through the
 * real pipeline, each gold event's story is the one that holds all of its articles, its report is
 * built as {@code crosscheck report} builds it, and each gold item is matched by the README's
 * rules, which this class implements exactly so that figures mean the same to everyone:
 *
 * <ul>
 *   <li>an item's <em>text</em> is the lower-cased JSON of the report item, evidence included;
 *   <li>consensus: a consensus item whose text contains every keyword and that 2+ outlets support;
 *   <li>conflicts: a conflict item whose text contains, for every side, one of that side's keywords;
 *       conflict precision is the share of reported conflicts that match a gold conflict of their event;
 *   <li>exclusives: an exclusive item whose text contains every keyword;
 *   <li>quotes: a speaker group whose text contains the fragment and whose speaker contains the gold speaker;
 *   <li>dates: the value is one of the timeline's dates.
 * </ul>
 *
 * When no story holds all of an event's articles, every item of the event is missed.
 */
public final class ReportEvaluator {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ReportEvaluator() {}

  /** What a report is scored on. */
  public enum Category {
    CONSENSUS, CONFLICTS, EXCLUSIVES, QUOTES, DATES;

    /** @return the category as printed: {@code consensus} */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** @param events the gold events */
  public record Gold(List<Event> events) {
    public Gold {
      events = List.copyOf(Objects.requireNonNull(events, "events"));
    }
  }

  /**
   * A story as a careful reader found it.
   *
   * @param story the gold story label
   * @param articles the JSONL ids of its articles
   * @param title what it is about
   */
  public record Event(String story, List<String> articles, @Nullable String title, List<Consensus> consensus,
      List<Conflict> conflicts, List<Exclusive> exclusives, List<Quote> quotes, List<Date> dates) {
    public Event {
      articles = copy(articles);
      consensus = copy(consensus);
      conflicts = copy(conflicts);
      exclusives = copy(exclusives);
      quotes = copy(quotes);
      dates = copy(dates);
    }

    /** @return the event as listed: its title, else its story label */
    String label() {
      return title == null || title.isBlank() ? story : title;
    }

    /** @return how many items the event holds in the category */
    int count(Category c) {
      return switch (c) {
        case CONSENSUS -> consensus.size();
        case CONFLICTS -> conflicts.size();
        case EXCLUSIVES -> exclusives.size();
        case QUOTES -> quotes.size();
        case DATES -> dates.size();
      };
    }
  }

  /** A fact stated by two outlets or more. */
  public record Consensus(String fact, List<String> keywords, List<String> outlets) {
    public Consensus {
      keywords = copy(keywords);
      outlets = copy(outlets);
    }
  }

  /** Outlets that give different values for one slot. */
  public record Conflict(String slot, List<Side> sides) {
    public Conflict {
      sides = copy(sides);
    }
  }

  /** One value of a conflict's slot. */
  public record Side(String outlet, String value, List<String> keywords) {
    public Side {
      keywords = copy(keywords);
    }
  }

  /** A fact stated by one outlet only. */
  public record Exclusive(String outlet, String fact, List<String> keywords) {
    public Exclusive {
      keywords = copy(keywords);
    }
  }

  /** A quote: a few words from inside it and the lower-case surname or key word of its speaker. */
  public record Quote(String outlet, String fragment, String speaker) {}

  /** A relative date phrase and its value (YYYY-MM-DD, YYYY-MM or YYYY). */
  public record Date(String outlet, String phrase, String value) {}

  /**
   * @param matched gold items the reports have
   * @param gold gold items
   */
  public record Tally(int matched, int gold) {
    /** @return matched / gold, or 0 when there is no gold item */
    public double recall() {
      return gold == 0 ? 0 : (double) matched / gold;
    }
  }

  /**
   * @param events gold events
   * @param unheld events whose articles no single story holds (all their items missed), as "label: why"
   * @param recall per category
   * @param conflictsReported conflict items in the gold events' reports
   * @param conflictsRight those that match a gold conflict of their event
   * @param missed gold items no report has, as "event / category: what"
   * @param wrong reported conflicts that match no gold conflict, as "event: the conflict's JSON"
   * @param seconds wall-clock seconds for ingest, analysis and reports
   */
  public record Result(int events, List<String> unheld, Map<Category, Tally> recall, int conflictsReported,
      int conflictsRight, List<String> missed, List<String> wrong, double seconds) {
    /** @return all matched items over all gold items */
    public Tally overall() {
      int m = 0;
      int g = 0;
      for (Tally t : recall.values()) {
        m += t.matched();
        g += t.gold();
      }
      return new Tally(m, g);
    }

    /** @return the share of reported conflicts that match a gold conflict, or 0 when none was reported */
    public double conflictPrecision() {
      return conflictsReported == 0 ? 0 : (double) conflictsRight / conflictsReported;
    }
  }

  /**
   * @param file a report gold file
   * @return its events
   * @throws IllegalArgumentException naming the file and the problem when it is not report gold
   */
  public static Gold read(Path file) {
    Gold gold;
    try {
      gold = JSON.readValue(file.toFile(), Gold.class);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + ": not report gold ({\"events\": [...]}): " + firstLine(e.getMessage()), e);
    }
    for (int i = 0; i < gold.events().size(); i++) {
      Event e = gold.events().get(i);
      if (e == null || e.story() == null || e.articles().isEmpty()) {
        throw new IllegalArgumentException(file + ": event " + (i + 1) + " has no 'story' label or no 'articles'");
      }
    }
    if (gold.events().isEmpty()) {
      throw new IllegalArgumentException(file + ": no events");
    }
    return gold;
  }

  /**
   * Ingests the articles into a temporary store, builds the report of each gold event's story and scores it.
   *
   * @param gold the gold events
   * @param articles JSONL files holding the events' articles (the JSONL {@code id}s the gold names)
   * @param models the language models the reports are built with
   * @return the scores
   */
  public static Result evaluate(Gold gold, List<Path> articles, Models models) {
    return evaluate(gold, articles, models, EvaluationEngine.EMBEDDED);
  }

  /**
   * Ingests the articles through an engine into a new store, builds the report of each gold event's story and scores it.
   *
   * @param gold the gold events
   * @param articles JSONL files holding the events' articles (the JSONL {@code id}s the gold names)
   * @param models the language models the reports are built with
   * @param engine what ingests the articles
   * @return the scores
   */
  public static Result evaluate(Gold gold, List<Path> articles, Models models, EvaluationEngine engine) {
    long start = System.nanoTime();
    try (TemporaryStore tmp = TemporaryStore.open()) {
      return engine.ingest(tmp.store(), tmp.dataDir(), articles.stream().map(Path::toString).toList(),
          (store, ingested) -> score(gold, articles, models, store, start));
    }
  }

  /** Builds the report of each gold event's story in the store and scores it. */
  private static Result score(Gold gold, List<Path> articles, Models models, Store store, long start) {
    Map<ArticleId, StoryId> assigned = store.allAssignments();
    ReportBuilder builder = Pipeline.builder().store(store).models(models).buildReporter();
    Scorer scorer = new Scorer();
    for (Event e : gold.events()) {
      StoryReport report = null;
      String unheld = null;
      StoryId story = null;
      for (String id : e.articles()) {
        List<Article> found = store.findBySourceId(id);
        StoryId s = found.isEmpty() ? null : assigned.get(found.get(0).id());
        if (found.isEmpty()) {
          unheld = "article " + id + " is not in " + articles;
        } else if (s == null) {
          unheld = "article " + id + " is in no story (" + found.get(0).textKind() + ")";
        } else if (story != null && !story.equals(s)) {
          unheld = "its articles are in stories " + story.value() + " and " + s.value();
        }
        if (unheld != null) {
          break;
        }
        story = s;
      }
      if (unheld == null && story != null) {
        report = builder.report(store, story).orElse(null);
      }
      if (report == null) {
        scorer.unheld.add(e.label() + ": " + (unheld == null ? "no report" : unheld));
      }
      scorer.score(e, report);
    }
    return scorer.result(gold.events().size(), (System.nanoTime() - start) / 1e9);
  }

  /** Scores events one by one; package-private so that the rules can be tested on hand-made reports. */
  static final class Scorer {
    private final Map<Category, int[]> tallies = new EnumMap<>(Category.class);
    private final List<String> unheld = new ArrayList<>();
    private final List<String> missed = new ArrayList<>();
    private final List<String> wrong = new ArrayList<>();
    private int conflictsReported;
    private int conflictsRight;

    Scorer() {
      for (Category c : Category.values()) {
        tallies.put(c, new int[2]);
      }
    }

    /**
     * @param e a gold event
     * @param report the report of the story that holds all its articles, or {@code null} when none does
     */
    void score(Event e, @Nullable StoryReport report) {
      for (Category c : Category.values()) {
        tallies.get(c)[1] += e.count(c);
      }
      List<String> consensus = report == null ? List.of() : texts(report.consensus().stream()
          .filter(f -> f.outlets().size() >= 2).toList());
      List<String> conflicts = report == null ? List.of() : texts(report.conflicts());
      List<String> exclusives = report == null ? List.of() : texts(report.exclusives());
      for (Consensus g : e.consensus()) {
        tally(e, Category.CONSENSUS, g.fact(), consensus.stream().anyMatch(containsAll(g.keywords())));
      }
      for (Conflict g : e.conflicts()) {
        tally(e, Category.CONFLICTS, g.slot(), conflicts.stream().anyMatch(matches(g)));
      }
      for (Exclusive g : e.exclusives()) {
        tally(e, Category.EXCLUSIVES, g.outlet() + ": " + g.fact(), exclusives.stream().anyMatch(containsAll(g.keywords())));
      }
      for (Quote g : e.quotes()) {
        String fragment = g.fragment().toLowerCase(Locale.ROOT);
        String speaker = g.speaker().toLowerCase(Locale.ROOT);
        boolean found = report != null && report.quotes().stream()
            .anyMatch(s -> s.speaker() != null && s.speaker().toLowerCase(Locale.ROOT).contains(speaker)
                && text(s).contains(fragment));
        tally(e, Category.QUOTES, g.speaker() + ": \"" + g.fragment() + "\"", found);
      }
      for (Date g : e.dates()) {
        boolean found = report != null && report.timeline().stream().anyMatch(d -> d.date().equals(g.value()));
        tally(e, Category.DATES, g.outlet() + ": " + g.phrase() + " = " + g.value(), found);
      }
      for (String reported : conflicts) {
        conflictsReported++;
        if (e.conflicts().stream().anyMatch(g -> matches(g).test(reported))) {
          conflictsRight++;
        } else {
          wrong.add(e.label() + ": " + reported);
        }
      }
    }

    private void tally(Event e, Category c, String what, boolean found) {
      if (found) {
        tallies.get(c)[0]++;
      } else {
        missed.add(e.label() + " / " + c.label() + ": " + what);
      }
    }

    Result result(int events, double seconds) {
      Map<Category, Tally> recall = new EnumMap<>(Category.class);
      tallies.forEach((c, t) -> recall.put(c, new Tally(t[0], t[1])));
      return new Result(events, List.copyOf(unheld), recall, conflictsReported, conflictsRight, List.copyOf(missed),
          List.copyOf(wrong), seconds);
    }
  }

  /** @return whether a conflict item's text has, for every side, one of that side's keywords */
  private static Predicate<String> matches(Conflict gold) {
    return text -> gold.sides().stream()
        .allMatch(side -> side.keywords().stream().anyMatch(k -> text.contains(k.toLowerCase(Locale.ROOT))));
  }

  private static Predicate<String> containsAll(List<String> keywords) {
    return text -> keywords.stream().allMatch(k -> text.contains(k.toLowerCase(Locale.ROOT)));
  }

  private static List<String> texts(List<? extends Record> items) {
    return items.stream().map(ReportEvaluator::text).toList();
  }

  /** @return an item's text: its lower-cased JSON, evidence included */
  private static String text(Record item) {
    return ReportRenderer.json(item).toLowerCase(Locale.ROOT);
  }

  private static <T> List<T> copy(@Nullable List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  private static String firstLine(@Nullable String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
