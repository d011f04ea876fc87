package org.crosscheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crosscheck.store.SearchStore.Entry;

/** What is made searchable of stories' reports: their entities and quotes. Stateless. */
public final class ReportEntries {
  private ReportEntries() {}

  /**
   * @param story the story id
   * @param report its report
   * @return an entry per entity (name and type; spellings) and per quote (speaker; wordings)
   */
  public static List<Entry> of(String story, StoryReport report) {
    List<Entry> out = new ArrayList<>();
    for (var e : report.entities()) {
      out.add(derived(story, "entity", e.name() + " (" + e.type().toLowerCase(Locale.ROOT) + ")",
          String.join(" / ", e.variants()), e.outlets().isEmpty() ? "" : String.join(", ", e.outlets())));
    }
    for (var speaker : report.quotes()) {
      for (var q : speaker.quotes()) {
        StringBuilder text = new StringBuilder(q.text());
        q.variants().forEach(v -> text.append(" / ").append(v.text()));
        out.add(derived(story, "quote", speaker.speaker() == null ? "unattributed" : speaker.speaker(),
            text.toString(), q.outlet() == null ? "" : q.outlet()));
      }
    }
    return out;
  }

  private static Entry derived(String story, String kind, String title, String text, String outlet) {
    return new Entry(kind, kind + ":" + story + ":" + title, title, outlet, story, text);
  }
}
