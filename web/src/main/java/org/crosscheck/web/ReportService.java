package org.crosscheck.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import org.crosscheck.model.Story;
import org.crosscheck.model.StoryId;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.report.ReportChanges;
import org.crosscheck.report.ReportHistory;
import org.crosscheck.report.StoryReport;
import org.crosscheck.store.Store;

/**
 * Stories' reports for the app: built (and stored) by the {@link ReportBuilder} when missing or out
 * of date, and made searchable as they are served. Thread-safe.
 */
final class ReportService {
  private final Store store;
  private final ReportBuilder reports;
  /** The articles of each story whose report's entities and quotes this process has made searchable. */
  private final java.util.Map<String, java.util.List<String>> indexedReports =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param store the store
   * @param reports builds and caches reports
   */
  ReportService(Store store, ReportBuilder reports) {
    this.store = store;
    this.reports = reports;
  }

  /**
   * @param id a story id as the request gives it
   * @return the story's report, built if need be
   * @throws BadRequestResponse when the id is not a story id
   * @throws NotFoundResponse when the store has no such story
   */
  StoryReport report(String id) {
    StoryId sid = parseStory(id);
    StoryReport r = reports.report(store, sid).orElseThrow(() -> new NotFoundResponse("no story '" + id
        + "' in the store"));
    indexReport(id, r);
    return r;
  }

  /**
   * What changed in a story's report, its report brought up to date first.
   *
   * @param id a story id as the request gives it
   * @param since a version number or time (see {@link ReportHistory#since}), or {@code null} for every change
   * @return the change log, oldest first; with {@code since}, the one change from then to the latest
   * @throws BadRequestResponse when the id is not a story id or {@code since} is neither a version nor a time
   * @throws NotFoundResponse when the store has no such story
   */
  java.util.List<ReportChanges> changes(String id, @org.jspecify.annotations.Nullable String since) {
    StoryReport r = report(id);
    if (since == null || since.isBlank()) {
      return changeLog(id, r);
    }
    try {
      return ReportHistory.changes(store, parseStory(id), since);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("invalid since: " + e.getMessage());
    }
  }

  /**
   * @param id a story id
   * @param current the story's report, as {@link #report} gave it
   * @return the change log of its report, oldest first; read again only when the report's articles changed, as
   *     every version is parsed to tell the changes
   */
  java.util.List<ReportChanges> changeLog(String id, StoryReport current) {
    java.util.List<String> articles = current.story().articles().stream().map(StoryReport.ArticleRef::id).toList();
    Changes cached = changeLogs.get(id);
    if (cached != null && cached.articles().equals(articles)) {
      return cached.log();
    }
    java.util.List<ReportChanges> log = ReportHistory.log(store, parseStory(id));
    changeLogs.put(id, new Changes(articles, log));
    return log;
  }

  /**
   * Makes a report's entities and quotes searchable unless this process did so for the same articles: the
   * builder indexes a report it builds, and a report found stored is indexed once, should the index have been
   * rebuilt since.
   */
  private void indexReport(String story, StoryReport r) {
    java.util.List<String> articles = r.story().articles().stream().map(StoryReport.ArticleRef::id).toList();
    if (!articles.equals(indexedReports.put(story, articles))) {
      store.indexReport(story, org.crosscheck.report.ReportEntries.of(story, r));
    }
  }

  /** A story's change log, and the articles of the report it ends with. */
  private record Changes(java.util.List<String> articles, java.util.List<ReportChanges> log) {}

  /** Change logs kept at most: those of the stories shown last. */
  static final int CHANGE_LOGS = 256;

  /** The change logs of the stories shown last, by story id. */
  private final java.util.Map<String, Changes> changeLogs = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Changes> eldest) {
          return size() > CHANGE_LOGS;
        }
      });

  /** Builds the story's report unless an up-to-date one is stored. */
  void ensure(Story story) {
    if (stored(story).isEmpty()) {
      report(story.id().value());
    }
  }

  /** @return the stored report of the story, without building one, or empty */
  Optional<StoryReport> stored(Story story) {
    return ReportBuilder.stored(store, story);
  }

  /** @throws BadRequestResponse when the id is not a story id */
  static StoryId parseStory(String id) {
    if (!id.matches("s-[0-9]{1,18}")) {
      throw new BadRequestResponse("'" + id + "' is not a story id (story ids look like s-1)");
    }
    return new StoryId(id);
  }
}
