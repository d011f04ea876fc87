package org.crosscheck.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.net.URI;
import org.crosscheck.report.StoryReport;
import org.jspecify.annotations.Nullable;

/** {@code /feeds/stories/ID.atom}: a story's articles and report changes as an Atom feed ({@link StoryFeed}). Thread-safe. */
final class FeedController {
  private final ReportService reports;
  private final @Nullable URI publicUrl;

  /**
   * @param reports the stories' reports
   * @param publicUrl the URL the server is reached at through a reverse proxy, for the feed's absolute links; or
   *     {@code null} to take them from the request
   */
  FeedController(ReportService reports, @Nullable URI publicUrl) {
    this.reports = reports;
    this.publicUrl = publicUrl;
  }

  /** {@code GET /feeds/stories/ID.atom}. */
  void story(Context ctx) {
    String file = ctx.pathParam("file");
    if (!file.endsWith(".atom")) {
      throw new NotFoundResponse("no feed '" + file + "': story feeds are /feeds/stories/ID.atom");
    }
    String id = file.substring(0, file.length() - ".atom".length());
    StoryReport r = reports.report(id);
    String base = publicUrl != null ? publicUrl.toString().replaceAll("/+$", "") : ctx.scheme() + "://" + ctx.host();
    ctx.contentType("application/atom+xml; charset=utf-8").result(StoryFeed.atom(r, reports.changeLog(id, r), base));
  }
}
