package org.crosscheck.web;

import io.javalin.http.Context;
import java.util.List;
import org.crosscheck.report.ReportRenderer;
import org.crosscheck.report.StoryListing;

/** The story list and stories' reports as JSON ({@code /api/stories}, {@code /api/stories/ID}). Thread-safe. */
final class StoryController {
  private final StoryListService stories;
  private final ReportService reports;

  /**
   * @param stories the story list
   * @param reports the stories' reports
   */
  StoryController(StoryListService stories, ReportService reports) {
    this.stories = stories;
    this.reports = reports;
  }

  /** {@code GET /api/stories?from&to&outlet&entity&offset&limit}: a page of the story list. */
  void list(Context ctx) {
    StoryFilter f = StoryFilter.of(ctx);
    var result = stories.listing(f);
    ctx.json(new StoriesJson(result.getValue(), f.offset(), f.limit(), result.getKey()));
  }

  /** {@code GET /api/stories/ID}: the story's report, as {@code crosscheck report --format json} writes it. */
  void report(Context ctx) {
    ctx.contentType("application/json").result(ReportRenderer.json(reports.report(ctx.pathParam("id"))));
  }

  /**
   * {@code GET /api/stories/ID/changes?since=VERSION|TIME}: what changed in the story's report, as {@code crosscheck
   * story ID --changes --json} writes it.
   */
  void changes(Context ctx) {
    ctx.json(reports.changes(ctx.pathParam("id"), ctx.queryParam("since")));
  }

  /** A page of the story list: how many stories passed the filter, and the page asked for. */
  record StoriesJson(int total, int offset, int limit, List<StoryListing> stories) {}
}
