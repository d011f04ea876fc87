package org.crosscheck.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.crosscheck.model.Article;
import org.crosscheck.model.ArticleId;
import org.crosscheck.model.StoryId;
import org.crosscheck.report.StoryReport;
import org.crosscheck.store.Store;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;

/**
 * The server-rendered pages. Every piece of article text is escaped; pages read without
 * JavaScript, and the little script there is (upload progress, {@code /assets/app.js}) only adds to them;
 * no page has inline script or style, so the Content-Security-Policy allows neither. The pages read
 * through the services passed in. Thread-safe.
 */
final class Pages {
  private final Store store;
  private final StoryListService stories;
  private final ReportService reports;
  private final UploadReceiver receiver;
  private final RequestGuard guard;

  /**
   * @param store the store articles are read from
   * @param stories the story list
   * @param reports the stories' reports
   * @param receiver receives the upload form's files and URLs
   * @param guard gives the upload form its form token
   */
  Pages(Store store, StoryListService stories, ReportService reports, UploadReceiver receiver, RequestGuard guard) {
    this.store = store;
    this.stories = stories;
    this.reports = reports;
    this.receiver = receiver;
    this.guard = guard;
  }

  static String e(@Nullable String s) {
    return s == null ? "" : Entities.escape(s).replace("\"", "&quot;");
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
        + "content=\"width=device-width, initial-scale=1\"><title>" + e(title) + " — Crosscheck</title>"
        + "<link rel=\"stylesheet\" href=\"/assets/app.css\"></head><body><header><a href=\"/\"><b>Crosscheck</b></a>"
        + "<form action=\"/search\" method=\"get\"><input type=\"search\" name=\"q\" placeholder=\"Search articles, "
        + "entities, quotes\" aria-label=\"search\"> <button>Search</button></form><a href=\"/ingest\">Ingest</a>"
        + "</header><main>" + body + "</main></body></html>\n";
  }

  static String errorPage(int status, String message) {
    return page("Error " + status, "<h1>Error " + status + "</h1><p id=\"error\">" + e(message) + "</p>");
  }

  private static void html(Context ctx, String html) {
    ctx.contentType("text/html; charset=utf-8").result(html);
  }

  // ---------------------------------------------------------------- home

  void home(Context ctx) {
    StoryFilter f = StoryFilter.of(ctx);
    var result = stories.listing(f);
    StringBuilder b = new StringBuilder("<h1>Stories</h1>");
    b.append("<form method=\"get\" action=\"/\" id=\"filters\">From <input type=\"date\" name=\"from\" value=\"")
        .append(e(ctx.queryParam("from"))).append("\"> to <input type=\"date\" name=\"to\" value=\"")
        .append(e(ctx.queryParam("to"))).append("\"> outlet <input name=\"outlet\" value=\"")
        .append(e(ctx.queryParam("outlet"))).append("\"> entity <input name=\"entity\" value=\"")
        .append(e(ctx.queryParam("entity"))).append("\"> <button>Filter</button></form>");
    b.append("<p class=\"muted\">").append(result.getValue()).append(" stories, most outlets first, then most recent."
        + " Conflicts are counted once a story's report has been built.</p>");
    b.append("<table id=\"stories\"><tr><th>Story</th><th>Outlets</th><th>Articles</th><th>Time span</th>"
        + "<th>Over time</th><th>Conflicts</th></tr>");
    for (org.crosscheck.report.StoryListing r : result.getKey()) {
      b.append("<tr><td><a href=\"/stories/").append(e(r.id())).append("\">").append(e(r.headline()))
          .append("</a></td><td>").append(r.outlets()).append("</td><td>").append(r.articles()).append("</td><td>")
          .append(r.first() == null ? "undated" : e(r.first()) + (r.last().equals(r.first()) ? "" : " – " + e(r.last())))
          .append("</td><td>").append(Sparkline.svg(store.articlesOf(new StoryId(r.id())).stream()
              .map(a -> store.get(a).map(x -> CoverageChart.time(x.published())).orElse(null)).toList()))
          .append("</td><td>").append(r.conflicts() == null ? "<span class=\"muted\">–</span>" : r.conflicts())
          .append("</td></tr>");
    }
    b.append("</table>");
    if (f.offset() + f.limit() < result.getValue()) {
      b.append("<p><a href=\"/?offset=").append(f.offset() + f.limit()).append("\">More stories</a></p>");
    }
    html(ctx, page("Stories", b.toString()));
  }

  // ---------------------------------------------------------------- story

  void story(Context ctx) {
    String id = ctx.pathParam("id");
    StoryReport r = reports.report(id);
    // what changed since this browser last viewed the story: the articles it had not seen
    String cookie = "seen-" + id;
    String seenValue = ctx.cookie(cookie);
    Set<String> seen = seenValue == null ? null : new LinkedHashSet<>(List.of(seenValue.split("\\.")));
    Set<String> fresh = new LinkedHashSet<>();
    for (StoryReport.ArticleRef a : r.story().articles()) {
      if (seen != null && !seen.contains(shortId(a.id()))) {
        fresh.add(a.id());
      }
    }
    ctx.cookie(cookie, String.join(".", r.story().articles().stream().map(a -> shortId(a.id())).toList()), 365 * 86400);
    StringBuilder b = new StringBuilder();
    b.append("<h1>").append(e(r.story().headline())).append("</h1><p class=\"muted\">Story ").append(e(id)).append(", ")
        .append(r.story().articles().size()).append(" articles");
    if (r.story().inferredDate() != null) {
      b.append("; undated articles read against ").append(e(r.story().inferredDate()));
    }
    List<org.crosscheck.report.ReportChanges> changes = reports.changeLog(id, r);
    b.append(" · <a href=\"/api/stories/").append(e(id)).append("\">JSON</a> · <a href=\"/feeds/stories/").append(e(id))
        .append(".atom\">Atom feed</a>");
    if (!changes.isEmpty()) {
      b.append(" · report version ").append(changes.getLast().to()).append(": <a href=\"#changes\">what changed</a>");
    }
    b.append("</p>");
    if (!fresh.isEmpty()) {
      b.append("<p class=\"new\" id=\"changed\">New since your last visit: ").append(fresh.size())
          .append(fresh.size() == 1 ? " article" : " articles").append("; what they add is marked new.</p>");
    }
    org.crosscheck.report.Citations cited = org.crosscheck.report.Citations.of(r, store);
    b.append(org.crosscheck.report.HtmlReportRenderer.sections(r, org.crosscheck.report.HtmlView.web(fresh, cited),
        matrix(r), axis(r.timeline())));
    if (!changes.isEmpty()) {
      b.append("<h2 id=\"changes\">What changed</h2><p class=\"muted\">Each time articles joined the story, what its report"
          + " gained or lost, newest first (<a href=\"/api/stories/").append(e(id)).append("/changes\">JSON</a>).</p>")
          .append(org.crosscheck.report.HtmlReportRenderer.changes(changes.reversed(),
              org.crosscheck.report.HtmlView.web(Set.of(), cited), cited));
    }
    b.append("<h2 id=\"coverage\">Coverage</h2><p class=\"muted\">Who reported first, who followed and how much"
        + " later: a row per outlet, a dot per article (its title on hover).</p>").append(CoverageChart.svg(
            r.story().articles()));
    java.time.LocalDate[] days = CoverageChart.window(r.story().articles());
    if (days != null) {
      List<CoverageChart.Absent> absent = CoverageChart.absent(r.story().articles(), store,
          stories.overlapping(days[0], days[1]).stream().filter(s -> !s.value().equals(id)).toList());
      String between = days[0].equals(days[1]) ? "on " + days[0] : "from " + days[0] + " to " + days[1];
      b.append("<h3>Who never reported it</h3><p class=\"muted\" id=\"absent\">");
      if (absent.isEmpty()) {
        b.append("No other outlet in the store published ").append(e(between)).append('.');
      } else {
        b.append("Outlets with articles published ").append(e(between)).append(" but none in this story: ");
        List<String> named = absent.stream().limit(12).map(x -> "<b>" + e(org.crosscheck.report.Citations.outlet(
            x.outlet())) + "</b> (" + x.articles() + (x.articles() == 1 ? " article)" : " articles)")).toList();
        b.append(String.join(", ", named)).append(absent.size() > 12 ? " and " + (absent.size() - 12) + " more." : ".");
      }
      b.append("</p>");
    }
    b.append("<h2>Articles</h2><ul>");
    for (StoryReport.ArticleRef a : r.story().articles()) {
      b.append("<li><a href=\"/articles/").append(e(a.id())).append("\">")
          .append(e(a.title() == null ? a.id() : a.title())).append("</a> — ").append(e(a.outlet() == null ? "unknown outlet"
              : org.crosscheck.report.Citations.outlet(a.outlet()))).append(", ").append(e(a.published() == null ? "undated" : a.published()))
          .append(a.copyOf() == null ? "" : " — a copy of <a href=\"/articles/" + e(a.copyOf()) + "\">" + e(a.copyOf())
              + "</a>")
          .append(fresh.contains(a.id()) ? " <span class=\"new\">new</span>" : "").append("</li>");
    }
    b.append("</ul>");
    html(ctx, page(r.story().headline(), b.toString()));
  }

  private static String shortId(String articleId) {
    return Integer.toHexString(articleId.hashCode());
  }

  /** Outlets by facts: who states each fact, who gives a contradicting value, who is silent. */
  private static String matrix(StoryReport r) {
    List<String> outlets = new ArrayList<>();
    for (StoryReport.ArticleRef a : r.story().articles()) {
      String o = a.outlet() == null ? a.id() : a.outlet();
      if (!outlets.contains(o)) {
        outlets.add(o);
      }
    }
    StringBuilder b = new StringBuilder("<table id=\"matrix\"><tr><th>Fact</th>");
    outlets.forEach(o -> b.append("<th>").append(e(org.crosscheck.report.Citations.outlet(o))).append("</th>"));
    b.append("</tr>");
    int n = 0;
    for (StoryReport.Fact f : r.consensus()) {
      b.append("<tr><td>").append(e(shorten(org.crosscheck.report.ShortStatement.of(f.text())))).append("</td>");
      for (String o : outlets) {
        b.append(f.outlets().contains(o) ? "<td class=\"states\">states it</td>" : "<td class=\"silent\">silent</td>");
      }
      b.append("</tr>");
      if (++n == 12) {
        break;
      }
    }
    for (StoryReport.Conflict c : r.conflicts()) {
      b.append("<tr><td>").append(e(shorten(c.sides().getFirst().evidence().getLast().text()))).append("</td>");
      for (String o : outlets) {
        String value = c.sides().stream().filter(s -> s.outlets().contains(o)).map(StoryReport.Side::value).findFirst()
            .orElse(null);
        b.append(value == null ? "<td class=\"silent\">silent</td>"
            : "<td class=\"contradicts\">contradicts: " + e(value) + "</td>");
      }
      b.append("</tr>");
    }
    for (StoryReport.Sentence x : r.exclusives()) {
      b.append("<tr><td>").append(e(shorten(org.crosscheck.report.ShortStatement.of(x.text())))).append("</td>");
      for (String o : outlets) {
        b.append(x.outlets().contains(o) ? "<td class=\"states\">only it</td>" : "<td class=\"silent\">silent</td>");
      }
      b.append("</tr>");
    }
    return b.append("</table>").toString();
  }

  private static String shorten(String s) {
    return s.length() <= 110 ? s : s.substring(0, 107) + "…";
  }

  /** @return the dated events drawn as an SVG axis with a dot per date, or {@code null} when there are none */
  private static @Nullable String axis(List<StoryReport.Date> dates) {
    if (dates.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    int w = 900;
    int step = dates.size() == 1 ? 0 : (w - 80) / (dates.size() - 1);
    b.append("<svg id=\"timeline-axis\" width=\"100%\" viewBox=\"0 0 ").append(w).append(" 70\" role=\"img\" "
        + "aria-label=\"timeline\"><line x1=\"40\" y1=\"30\" x2=\"").append(w - 40).append("\" y2=\"30\" stroke=\"#555\"/>");
    for (int i = 0; i < dates.size(); i++) {
      StoryReport.Date d = dates.get(i);
      int x = 40 + i * step;
      b.append("<circle cx=\"").append(x).append("\" cy=\"30\" r=\"6\" fill=\"").append(d.inferred() ? "#adb5bd" : "#1c7ed6")
          .append("\"><title>").append(e(d.date())).append("</title></circle><text x=\"").append(x)
          .append("\" y=\"").append(i % 2 == 0 ? 58 : 16).append("\" font-size=\"12\" text-anchor=\"middle\">")
          .append(e(d.date())).append("</text>");
    }
    return b.append("</svg>").toString();
  }

  // ---------------------------------------------------------------- article

  void article(Context ctx) {
    Article a = ArticleController.find(store, ctx.pathParam("id"));
    String story = store.storyOf(a.id()).map(StoryId::value).orElse(null);
    int[] cited = null;
    String hl = ctx.queryParam("hl");
    if (hl != null) {
      String[] p = hl.split("-", 2);
      try {
        cited = new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException ex) {
        throw new BadRequestResponse("'hl' must be START-END character offsets, was '" + hl + "'");
      }
      if (cited[0] < 0 || cited[1] > a.text().length() || cited[0] >= cited[1]) {
        throw new BadRequestResponse("'hl' " + hl + " is outside the article's " + a.text().length() + " characters");
      }
    }
    // the spans the story's report cites, from the stored report
    TreeMap<Integer, Integer> spans = new TreeMap<>();
    if (story != null) {
      org.crosscheck.cluster.Stories.get(store, new StoryId(story)).flatMap(reports::stored)
          .ifPresent(r -> r.citations().stream().filter(x -> x.article().equals(a.id().value()))
              .forEach(x -> spans.merge(x.start(), x.end(), Math::max)));
    }
    StringBuilder b = new StringBuilder("<h1>").append(e(a.title() == null ? a.id().value() : a.title())).append("</h1>");
    b.append("<table id=\"meta\"><tr><th>Article</th><td>").append(e(a.id().value())).append("</td></tr><tr><th>Outlet</th><td>")
        .append(e(store.outlets().name(a))).append("</td></tr><tr><th>Published</th><td>")
        .append(e(a.published().isKnown() ? a.published().iso() : "unknown")).append("</td></tr>");
    if (a.url() != null) {
      b.append("<tr><th>URL</th><td>").append(e(a.url())).append("</td></tr>");
    }
    if (story != null) {
      b.append("<tr><th>Story</th><td><a href=\"/stories/").append(e(story)).append("\">").append(e(story))
          .append("</a></td></tr>");
    }
    b.append("</table><p class=\"muted\">Highlighted: the spans the story's report cites").append(cited == null ? ""
        : "; the citation you followed is outlined").append(".</p><div class=\"text\" id=\"text\">");
    String text = a.text();
    int pos = 0;
    List<int[]> marks = new ArrayList<>();
    spans.forEach((s, en) -> marks.add(new int[] {s, en, 0}));
    if (cited != null) {
      int[] c = cited;
      marks.removeIf(m -> m[0] < c[1] && c[0] < m[1]);
      marks.add(new int[] {cited[0], cited[1], 1});
    }
    marks.sort(Comparator.comparingInt(m -> m[0]));
    for (int[] m : marks) {
      if (m[0] < pos) {
        continue; // overlaps a span already marked
      }
      b.append(e(text.substring(pos, m[0]))).append(m[2] == 1 ? "<mark id=\"cited\">" : "<mark>")
          .append(e(text.substring(m[0], m[1]))).append("</mark>");
      pos = m[1];
    }
    b.append(e(text.substring(pos))).append("</div>");
    html(ctx, page(a.title() == null ? a.id().value() : a.title(), b.toString()));
  }

  // ---------------------------------------------------------------- search

  void search(Context ctx) {
    String q = ctx.queryParam("q");
    StringBuilder b = new StringBuilder("<h1>Search</h1><form method=\"get\" action=\"/search\"><input type=\"search\" "
        + "name=\"q\" value=\"").append(e(q)).append("\"> <button>Search</button></form>");
    if (q != null && !q.isBlank()) {
      Map<String, List<org.crosscheck.store.SearchStore.Hit>> hits = SearchController.hits(store, q);
      int count = hits.values().stream().mapToInt(List::size).sum();
      b.append("<p>").append(count).append(count == 1 ? " match" : " matches").append(" (articles, entities, quotes) in ").append(hits.size())
          .append(hits.size() == 1 ? " story" : " stories").append(" match “").append(e(q)).append("”.</p><div id=\"results\">");
      for (var group : hits.entrySet()) {
        String story = group.getKey();
        b.append("<section class=\"story\"><h2>").append(story.isEmpty() ? "Not in a story"
            : "<a href=\"/stories/" + e(story) + "\">Story " + e(story) + "</a>").append("</h2><ul>");
        for (org.crosscheck.store.SearchStore.Hit h : group.getValue()) {
          if (h.kind().equals("article")) {
            b.append("<li class=\"article\"><a href=\"/articles/").append(e(h.id())).append("\">")
                .append(e(h.title().isEmpty() ? h.id() : h.title())).append("</a> — ").append(e(h.outlet()));
          } else {
            b.append("<li class=\"").append(e(h.kind())).append("\">").append(h.kind().equals("entity") ? "Entity " : "Quote by ")
                .append("<a href=\"/stories/").append(e(h.story())).append("#").append(h.kind().equals("entity")
                    ? "entities" : "quotes").append("\">").append(e(h.title())).append("</a> — ").append(e(h.outlet()));
          }
          b.append("<br>").append(h.passages()).append("</li>");
        }
        b.append("</ul></section>");
      }
      b.append("</div>");
    }
    html(ctx, page("Search", b.toString()));
  }

  // ---------------------------------------------------------------- ingest

  void ingestForm(Context ctx) {
    html(ctx, page("Ingest", ingestFormHtml(null)));
  }

  private String ingestFormHtml(@Nullable String result) {
    return "<h1>Ingest</h1>" + (result == null ? "" : result)
        + "<form id=\"upload\" method=\"post\" action=\"/ingest\" enctype=\"multipart/form-data\">"
        + "<input type=\"hidden\" name=\"csrf\" value=\"" + e(guard.csrfToken()) + "\">"
        + "<p><input type=\"file\" name=\"files\" multiple> Text, HTML, RSS/Atom or JSON Lines files,</p>"
        + "<p>or the URL of a feed or an article page: <input type=\"url\" name=\"url\" size=\"50\"></p>"
        + "<p><input type=\"password\" name=\"token\" placeholder=\"token (when the server needs one)\"></p>"
        + "<p><button>Upload</button> <progress id=\"progress\" max=\"100\" value=\"0\" hidden></progress></p></form>"
        + "<script src=\"/assets/app.js\"></script>";
  }

  void ingest(Context ctx) {
    IngestResult r = receiver.receive(ctx, true);
    StringBuilder b = new StringBuilder("<div id=\"result\"><p>").append(r.added()).append(" added, ")
        .append(r.alreadyStored()).append(" already stored, ").append(r.rejected()).append(" rejected")
        .append(r.notArticles() > 0 ? ", " + r.notArticles() + " stored as not articles (login, paywall, notice or"
            + " error pages; kept out of stories)" : "").append(".</p>");
    if (r.storeError() != null) {
      b.append("<p class=\"new\">The store failed: ").append(e(r.storeError())).append("</p>");
    }
    if (r.error() != null) {
      b.append("<p class=\"new\" id=\"ingest-error\">").append(e(r.error())).append("</p>");
    }
    if (!r.rejections().isEmpty()) {
      b.append("<ul class=\"rejections\">");
      r.rejections().forEach(m -> b.append("<li>rejected: ").append(e(m)).append("</li>"));
      b.append("</ul>");
    }
    Map<String, String> links = new LinkedHashMap<>();
    r.articles().forEach(id -> links.put("/articles/" + id, id));
    if (!links.isEmpty()) {
      b.append("<p>Stored:</p><ul class=\"stored\">");
      links.forEach((href, id) -> b.append("<li><a href=\"").append(e(href)).append("\">").append(e(id)).append("</a>")
          .append(store.storyOf(new ArticleId(id)).map(s -> " in <a href=\"/stories/" + e(s.value()) + "\">"
              + e(s.value()) + "</a>").orElse("")).append("</li>"));
      b.append("</ul>");
    }
    b.append("</div>");
    ctx.status(r.status() == 503 ? 200 : r.status());
    html(ctx, page("Ingest", ingestFormHtml(b.toString())));
  }
}
