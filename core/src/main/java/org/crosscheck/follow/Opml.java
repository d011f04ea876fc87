package org.crosscheck.follow;

import com.rometools.opml.feed.opml.Attribute;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.WireFeedOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crosscheck.ingest.IngestException;
import org.crosscheck.model.FollowedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes OPML subscription lists with Rome's OPML module (DOCTYPEs refused). Outlines
 * with an {@code xmlUrl} are feeds, at any depth; an outline of {@code type="news-sitemap"} is a
 * Google News sitemap (how {@link #write} marks them). Stateless.
 */
final class Opml {
  /** The outline type that marks a news sitemap in an exported list. */
  static final String SITEMAP_TYPE = "news-sitemap";

  private Opml() {}

  /** A source an OPML list names. */
  record Entry(String url, FollowedSource.Kind kind, @Nullable String title) {}

  /**
   * @param in the OPML document
   * @return its sources, in document order
   * @throws IngestException when it is not OPML
   */
  static List<Entry> read(InputStream in) throws IOException {
    WireFeed feed;
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      WireFeedInput input = new WireFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(reader);
    } catch (FeedException | IllegalArgumentException e) {
      throw new IngestException("not an OPML file: " + e.getMessage());
    }
    if (!(feed instanceof com.rometools.opml.feed.opml.Opml opml)) {
      throw new IngestException("not an OPML file but a " + feed.getFeedType() + " feed");
    }
    List<Entry> entries = new ArrayList<>();
    collect(opml.getOutlines(), entries);
    return entries;
  }

  private static void collect(List<Outline> outlines, List<Entry> into) {
    for (Outline o : outlines) {
      String url = o.getXmlUrl();
      if (url != null && !url.isBlank()) {
        String title = o.getTitle() != null && !o.getTitle().isBlank() ? o.getTitle() : o.getText();
        boolean sitemap = SITEMAP_TYPE.equals(o.getType() == null ? null : o.getType().toLowerCase(Locale.ROOT));
        into.add(new Entry(url.strip(), sitemap ? FollowedSource.Kind.SITEMAP : FollowedSource.Kind.FEED,
            title == null || title.isBlank() ? null : title.strip()));
      }
      collect(o.getChildren(), into);
    }
  }

  /**
   * @param sources the followed sources
   * @return an OPML 2.0 document listing them
   */
  static String write(List<FollowedSource> sources) {
    com.rometools.opml.feed.opml.Opml opml = new com.rometools.opml.feed.opml.Opml();
    opml.setFeedType("opml_2.0");
    opml.setTitle("Sources followed by Crosscheck");
    List<Outline> outlines = new ArrayList<>();
    for (FollowedSource s : sources) {
      Outline o = new Outline();
      String name = s.title() != null ? s.title() : s.url();
      o.setText(name);
      o.setTitle(name);
      o.setType(s.kind() == FollowedSource.Kind.SITEMAP ? SITEMAP_TYPE : "rss");
      List<Attribute> attributes = new ArrayList<>(o.getAttributes());
      attributes.add(new Attribute("xmlUrl", s.url()));
      o.setAttributes(attributes);
      outlines.add(o);
    }
    opml.setOutlines(outlines);
    try {
      return new WireFeedOutput().outputString(opml, true);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write the OPML list: " + e.getMessage(), e);
    }
  }
}
