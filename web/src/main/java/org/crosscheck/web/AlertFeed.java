package org.crosscheck.web;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.crosscheck.store.AlertStore;

/**
 * A watch's alerts as an Atom feed (Rome): an entry per alert, newest first, titled by what happened
 * and linking to the story; its content is the event as webhooks receive it. Readable by any feed
 * reader.
 */
final class AlertFeed {
  private AlertFeed() {}

  /**
   * @param watch the watch
   * @param alerts its alerts, newest first
   * @param base the server's URL, without a trailing slash: links and ids are absolute
   * @return the Atom document
   */
  static String atom(AlertStore.Watch watch, List<AlertStore.Alert> alerts, String base) {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    String self = base + "/feeds/searches/" + watch.id() + ".atom";
    feed.setTitle("Crosscheck: " + watch.describe());
    feed.setLink(base + "/");
    feed.setUri(self);
    feed.setDescription("Alerts of watch " + watch.id() + ": " + watch.describe());
    List<SyndEntry> entries = new ArrayList<>();
    Date latest = Date.from(watch.createdAt());
    for (AlertStore.Alert a : alerts) {
      SyndEntry e = new SyndEntryImpl();
      e.setTitle(a.title());
      e.setLink(base + "/stories/" + a.story());
      e.setUri(base + "/feeds/searches/" + watch.id() + ".atom#alert-" + a.id());
      Date at = Date.from(a.createdAt());
      e.setPublishedDate(at);
      e.setUpdatedDate(at);
      if (at.after(latest)) {
        latest = at;
      }
      e.setAuthor("Crosscheck");
      SyndContent content = new SyndContentImpl();
      content.setType("text");
      content.setValue(a.kind() + ": " + a.title());
      e.setDescription(content);
      entries.add(e);
    }
    feed.setEntries(entries);
    feed.setPublishedDate(latest);
    return StoryFeed.write(feed, "watch " + watch.id());
  }
}
