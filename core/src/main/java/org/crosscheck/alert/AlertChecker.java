package org.crosscheck.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.crosscheck.cluster.Stories;
import org.crosscheck.model.Story;
import org.crosscheck.model.StoryId;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.report.ReportChanges;
import org.crosscheck.report.ReportHistory;
import org.crosscheck.report.StoryReport;
import org.crosscheck.store.AlertStore.Alert;
import org.crosscheck.store.AlertStore.Watch;
import org.crosscheck.store.ReportStore.ReportVersion;
import org.crosscheck.store.SearchStore;
import org.crosscheck.store.Store;
import org.jspecify.annotations.Nullable;

/**
 * Raises the alerts of every watch: a new story matching a saved search (words, an entity, an
 * outlet); a new conflict or a new outlet in a story a watch follows (the story itself, or a story
 * that matched a saved search); a new quote by a followed speaker in any story that names them.
 * What is new is measured against the story's report as it was when the watch began following it,
 * so facts known then raise nothing. Reports of followed stories are brought up to date first (a new
 * version when articles joined). Each alert is raised once: checking again raises only what is new
 * since. Not thread-safe; the store is.
 */
public final class AlertChecker {
  /** Stories a saved search follows at most; the best-matching first. */
  static final int MAX_MATCHES = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Store store;
  private final ReportBuilder reports;
  private final Clock clock;

  /**
   * @param store where the watches, stories and reports are
   * @param reports builds reports that are out of date
   * @param clock the time alerts are raised at
   */
  public AlertChecker(Store store, ReportBuilder reports, Clock clock) {
    this.store = store;
    this.reports = reports;
    this.clock = clock;
  }

  /** Each story's report brought up to date in this check, so that watches sharing a story do it once. */
  private final Map<StoryId, Optional<StoryReport>> reported = new HashMap<>();
  /** Each story's report versions read in this check. */
  private final Map<StoryId, List<ReportVersion>> versions = new HashMap<>();

  /** @return the alerts raised by this check, oldest first */
  public List<Alert> check() {
    reported.clear();
    versions.clear();
    List<Alert> raised = new ArrayList<>();
    for (Watch w : store.watches()) {
      switch (w.kind()) {
        case STORY -> {
          StoryId story = storyId(w.value());
          if (story != null) {
            follow(w, story, w.createdAt(), raised);
          }
        }
        case WORDS, ENTITY, OUTLET -> {
          Map<String, Instant> since = new HashMap<>();
          store.alerts(w.id(), Integer.MAX_VALUE).stream().filter(a -> a.kind().equals("new-story"))
              .forEach(a -> since.put(a.story(), a.createdAt()));
          for (StoryId story : matching(w)) {
            Instant from = since.get(story.value());
            if (from == null) {
              from = newStory(w, story, raised);
            }
            if (from != null) {
              follow(w, story, from, raised);
            }
          }
        }
        case SPEAKER -> {
          for (StoryId story : stories(store.search(phrase(w.value()), MAX_MATCHES))) {
            speaker(w, story, raised);
          }
        }
      }
    }
    return raised;
  }

  /** @return the stories a saved search matches */
  private List<StoryId> matching(Watch w) {
    return switch (w.kind()) {
      case WORDS -> stories(store.search(w.value(), MAX_MATCHES));
      case ENTITY -> stories(store.search(phrase(w.value()), MAX_MATCHES));
      case OUTLET -> Stories.all(store).stream()
          .filter(s -> s.outlets().stream().anyMatch(o -> o.equalsIgnoreCase(w.value().strip())))
          .map(Story::id).toList();
      default -> List.of();
    };
  }

  private static List<StoryId> stories(Map<String, List<SearchStore.Hit>> hits) {
    List<StoryId> out = new ArrayList<>();
    for (String s : hits.keySet()) {
      StoryId id = storyId(s);
      if (id != null) {
        out.add(id);
      }
    }
    return out;
  }

  private static @Nullable StoryId storyId(String value) {
    try {
      return value.isBlank() ? null : new StoryId(value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** @return the words as one phrase in the search syntax */
  static String phrase(String words) {
    return "\"" + words.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Raises a new story's alert, its report built now as the one later changes are measured against. */
  private @Nullable Instant newStory(Watch w, StoryId story, List<Alert> raised) {
    Optional<StoryReport> report = report(story);
    if (report.isEmpty()) {
      return null;
    }
    StoryReport r = report.get();
    Instant now = clock.instant();
    ObjectNode item = JSON.createObjectNode().put("story", story.value()).put("headline", r.story().headline())
        .put("articles", r.story().articles().size());
    item.putPOJO("outlets", List.copyOf(ReportChanges.outlets(r.story().articles())));
    raise(w, story, "new-story", "story", "New story matching " + w.describe() + ": " + r.story().headline(), item,
        now, raised);
    return now;
  }

  /** Raises a followed story's new conflicts and outlets since the report as it was at {@code since}. */
  private void follow(Watch w, StoryId story, Instant since, List<Alert> raised) {
    ReportChanges changes = changesSince(story, since, false);
    if (changes == null) {
      return;
    }
    Instant now = clock.instant();
    for (StoryReport.Conflict c : changes.newConflicts()) {
      String values = String.join(" / ", c.sides().stream().map(StoryReport.Side::value).toList());
      raise(w, story, "new-conflict", "conflict:" + ReportChanges.key(c), c.heading() + " in " + story.value() + ": "
          + values, JSON.valueToTree(c), now, raised);
    }
    for (String outlet : changes.newOutlets()) {
      ObjectNode item = JSON.createObjectNode().put("outlet", outlet);
      item.putPOJO("articles", changes.newArticles().stream().filter(a -> outlet.equals(a.outlet())).toList());
      raise(w, story, "new-outlet", "outlet:" + outlet, outlet + " now reports " + story.value(), item, now, raised);
    }
  }

  /** Raises the new quotes of a followed speaker in a story. */
  private void speaker(Watch w, StoryId story, List<Alert> raised) {
    ReportChanges changes = changesSince(story, w.createdAt(), true);
    if (changes == null) {
      return;
    }
    Instant now = clock.instant();
    String name = w.value().strip().toLowerCase(Locale.ROOT);
    for (ReportChanges.NewQuote q : changes.newQuotes()) {
      if (q.speaker() != null && q.speaker().toLowerCase(Locale.ROOT).contains(name)) {
        StoryReport.Evidence e = q.quote().evidence().getFirst();
        ObjectNode item = JSON.createObjectNode().put("speaker", q.speaker());
        item.set("quote", JSON.valueToTree(q.quote()));
        raise(w, story, "new-quote", "quote:" + e.article() + ":" + e.start(), q.speaker() + " in " + story.value()
            + ": “" + abbreviate(q.quote().text()) + "”", item, now, raised);
      }
    }
  }

  /**
   * @param fromNothing whether, when no version was built by then, everything in the report counts as new (else the
   *     first version built after is the base)
   * @return the changes from the story's report as it was at {@code since} to its report now, or null when the story
   *     has no report
   */
  private @Nullable ReportChanges changesSince(StoryId story, Instant since, boolean fromNothing) {
    if (report(story).isEmpty()) {
      return null;
    }
    List<ReportVersion> versions = this.versions.computeIfAbsent(story, store::reportVersions);
    if (versions.isEmpty()) {
      return null;
    }
    ReportVersion base = ReportHistory.builtBy(versions, since);
    if (base == null && !fromNothing) {
      base = versions.getFirst();
    }
    ReportVersion latest = versions.getLast();
    return base != null && base.number() == latest.number() ? null : ReportHistory.change(base, latest);
  }

  /** @return the story's report, brought up to date once in this check; empty when there is no such story */
  private Optional<StoryReport> report(StoryId story) {
    return reported.computeIfAbsent(story, id -> reports.report(store, id));
  }

  private void raise(Watch w, StoryId story, String kind, String key, String title, Object item, Instant at,
      List<Alert> raised) {
    ObjectNode body = JSON.createObjectNode().put("event", kind).put("story", story.value()).put("title", title);
    body.putObject("watch").put("id", w.id()).put("kind", w.kind().label()).put("value", w.value());
    body.set("item", JSON.valueToTree(item));
    store.addAlert(w.id(), story.value(), kind, key, title, body.toString(), at).ifPresent(raised::add);
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 120 ? one : one.substring(0, 119) + "…";
  }
}
