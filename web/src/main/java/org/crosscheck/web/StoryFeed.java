package org.crosscheck.web;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.crosscheck.report.StoryReport;

/**
 * A story as an Atom feed (Rome), for any feed reader: an entry per article, titled by outlet and
 * headline, linking to the article's page, and an entry per change of its report (new outlets, facts,
 * conflicts, quotes, cited), newest first. Dates are publication times (undated articles
 * take the story's first date, so every entry has the {@code updated} Atom requires).
 */
final class StoryFeed {
  private StoryFeed() {}

  /**
   * @param report the story's report
   * @param changes what changed in the report from version to version: an entry each
   * @param base the server's URL, without a trailing slash: links and ids are absolute
   * @return the Atom document
   */
  static String atom(StoryReport report, List<org.crosscheck.report.ReportChanges> changes, String base) {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    String storyUrl = base + "/stories/" + report.story().id();
    feed.setTitle("Crosscheck: " + report.story().headline());
    feed.setLink(storyUrl);
    feed.setUri(storyUrl);
    feed.setDescription(report.story().articles().size() + " articles of story " + report.story().id());
    List<SyndEntry> entries = new ArrayList<>();
    Date fallback = null;
    for (StoryReport.ArticleRef a : report.story().articles()) {
      LocalDateTime t = CoverageChart.time(a.published());
      if (t != null && (fallback == null || fallback.after(date(t)))) {
        fallback = date(t);
      }
    }
    Date latest = fallback;
    for (StoryReport.ArticleRef a : report.story().articles()) {
      SyndEntry e = new SyndEntryImpl();
      String outlet = a.outlet() == null ? "unknown outlet" : a.outlet();
      e.setTitle(outlet + ": " + (a.title() == null || a.title().isBlank() ? report.story().headline() : a.title()));
      e.setLink(base + "/articles/" + a.id());
      e.setUri(base + "/articles/" + a.id());
      e.setAuthor(outlet);
      LocalDateTime t = CoverageChart.time(a.published());
      Date at = t != null ? date(t) : fallback != null ? fallback : new Date(0);
      e.setPublishedDate(at);
      e.setUpdatedDate(at);
      if (latest == null || at.after(latest)) {
        latest = at;
      }
      SyndContent summary = new SyndContentImpl();
      summary.setType("text");
      summary.setValue(outlet + ", " + (a.published() == null ? "undated" : a.published())
          + (a.copyOf() == null ? "" : "; a copy of " + a.copyOf()));
      e.setDescription(summary);
      entries.add(e);
    }
    org.crosscheck.report.Citations cited = org.crosscheck.report.Citations.of(report);
    for (org.crosscheck.report.ReportChanges ch : changes) {
      SyndEntry e = new SyndEntryImpl();
      e.setTitle("Changes in version " + ch.to() + ": " + ch.headline());
      e.setLink(storyUrl + "#version-" + ch.to());
      e.setUri(storyUrl + "#version-" + ch.to());
      e.setAuthor("Crosscheck");
      Date at = Date.from(java.time.Instant.parse(ch.toBuilt()));
      e.setPublishedDate(at);
      e.setUpdatedDate(at);
      if (latest == null || at.after(latest)) {
        latest = at;
      }
      SyndContent content = new SyndContentImpl();
      content.setType("html");
      content.setValue(org.crosscheck.report.HtmlReportRenderer.changes(List.of(ch),
          org.crosscheck.report.HtmlView.file(cited), cited));
      e.setDescription(content);
      entries.add(e);
    }
    entries.sort((x, y) -> y.getUpdatedDate().compareTo(x.getUpdatedDate()));
    feed.setEntries(entries);
    feed.setPublishedDate(latest == null ? new Date(0) : latest);
    return write(feed, "story " + report.story().id());
  }

  /**
   * @param feed a feed
   * @param what what it is the feed of, for the message should it fail
   * @return it as an Atom document
   */
  static String write(SyndFeed feed, String what) {
    try {
      return new SyndFeedOutput().outputString(feed);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write the feed of " + what + ": " + e.getMessage(), e);
    }
  }

  private static Date date(LocalDateTime t) {
    return Date.from(t.toInstant(ZoneOffset.UTC));
  }
}
