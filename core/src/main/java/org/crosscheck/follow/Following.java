package org.crosscheck.follow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.crosscheck.ingest.ArticleImporter;
import org.crosscheck.ingest.BytesInput;
import org.crosscheck.ingest.FeedArticleImporter;
import org.crosscheck.ingest.Format;
import org.crosscheck.ingest.FormatDetector;
import org.crosscheck.ingest.HttpFetcher;
import org.crosscheck.ingest.Imported;
import org.crosscheck.ingest.IngestException;
import org.crosscheck.model.FollowedSource;
import org.crosscheck.store.FollowStore;
import org.jspecify.annotations.Nullable;

/**
 * The sources a store follows, and the watcher that polls them: adding a feed, a news sitemap or a
 * site (whose feeds its page announces), importing and exporting OPML lists, listing and removing.
 * Every request goes through the politeness gate, robots.txt and the URL policy of the fetcher.
 * Built by the pipeline. Thread-safe.
 */
public final class Following {
  private final FollowStore store;
  private final PoliteFetcher fetcher;
  private final Poller poller;
  private final FollowSettings settings;
  private final Clock clock;

  /**
   * @param store where sources and their state are kept
   * @param fetcher fetches every URL through its policy
   * @param sink ingests new items
   * @param pageImporter reads a linked page (the HTML importer), for full text
   * @param settings politeness and schedule
   * @param clock the time
   */
  public Following(FollowStore store, HttpFetcher fetcher, ItemSink sink, ArticleImporter pageImporter,
      FollowSettings settings, Clock clock) {
    this(store, fetcher, sink, pageImporter, settings, clock, d -> Thread.sleep(d), RandomGenerator.getDefault());
  }

  Following(FollowStore store, HttpFetcher fetcher, ItemSink sink, ArticleImporter pageImporter,
      FollowSettings settings, Clock clock, Politeness.Sleeper sleeper, RandomGenerator random) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fetcher = new PoliteFetcher(fetcher, new Politeness(clock, sleeper),
        new Robots(clock, settings.robotsTtl(), settings.robotName()), settings, clock);
    this.poller = new Poller(store, this.fetcher, sink, pageImporter, new Schedule(settings, random), settings, clock);
  }

  /**
   * What adding one URL did.
   *
   * @param input the URL or OPML entry as given
   * @param followed the sources now followed for it (more than one when a site announces several
   *     feeds); those followed before are included
   * @param alreadyFollowed how many of them were followed before
   * @param error why nothing was followed, naming the problem, or null
   */
  public record Added(String input, List<FollowedSource> followed, int alreadyFollowed, @Nullable String error) {
    public Added {
      followed = List.copyOf(followed);
    }
  }

  /**
   * Follows a URL: a feed, a Google News sitemap, or a site's page whose {@code <link
   * rel="alternate">} feeds are followed. The URL is fetched once (politely) to tell which.
   *
   * @param url an http(s) URL
   * @return what was followed, or why not
   */
  public Added add(String url) {
    String given = url.strip();
    try {
      URI uri = fetcherPolicyParse(given);
      var existing = store.followedSource(uri.toString());
      if (existing.isPresent()) {
        return new Added(given, List.of(existing.get()), 1, null);
      }
      HttpFetcher.Response response = fetcher.get(uri.toString(), Map.of());
      if (response.status() < 200 || response.status() > 299) {
        return new Added(given, List.of(), 0, response.statusMessage());
      }
      BytesInput body = response.asInput();
      if (NewsSitemap.looksLikeSitemap(body.bytes())) {
        NewsSitemap.parse(body.bytes(), body.name());
        return follow(given, List.of(new Opml.Entry(uri.toString(), FollowedSource.Kind.SITEMAP, null)));
      }
      Format format = FormatDetector.detect(body);
      if (format == Format.FEED) {
        return follow(given, List.of(new Opml.Entry(uri.toString(), FollowedSource.Kind.FEED, feedTitle(body))));
      }
      if (format == Format.HTML) {
        List<FeedDiscovery.Link> links = FeedDiscovery.discover(
            new String(body.bytes(), StandardCharsets.UTF_8), body.name());
        if (links.isEmpty()) {
          return new Added(given, List.of(), 0, "a page that announces no feed (no <link rel=\"alternate\""
              + " type=\"application/rss+xml\"> or Atom); give the URL of a feed or a news sitemap");
        }
        List<Opml.Entry> entries = new ArrayList<>();
        for (FeedDiscovery.Link link : links) {
          entries.add(new Opml.Entry(fetcherPolicyParse(link.url()).toString(), FollowedSource.Kind.FEED,
              link.title()));
        }
        return follow(given, entries);
      }
      return new Added(given, List.of(), 0, "neither a feed, a Google News sitemap, nor a page that announces feeds");
    } catch (IngestException | IOException e) {
      return new Added(given, List.of(), 0, Objects.toString(e.getMessage(), e.getClass().getSimpleName()));
    }
  }

  /**
   * Follows every feed and news sitemap an OPML list names, without fetching them (they are polled
   * by the watcher). An entry whose URL is not valid is reported alone.
   *
   * @param file an OPML file
   * @return what each entry did, in file order
   * @throws IngestException naming the file when it cannot be read or is not OPML
   */
  public List<Added> importOpml(Path file) {
    List<Opml.Entry> entries;
    try (InputStream in = Files.newInputStream(file)) {
      entries = Opml.read(in);
    } catch (NoSuchFileException e) {
      throw new IngestException(file + ": no such file");
    } catch (IOException e) {
      throw new IngestException(file + ": cannot read: " + e.getMessage());
    } catch (IngestException e) {
      throw new IngestException(file + ": " + e.getMessage());
    }
    List<Added> out = new ArrayList<>();
    for (Opml.Entry entry : entries) {
      try {
        URI uri = fetcherPolicyParse(entry.url());
        out.add(follow(entry.url(), List.of(new Opml.Entry(uri.toString(), entry.kind(), entry.title()))));
      } catch (IngestException e) {
        out.add(new Added(entry.url(), List.of(), 0, e.getMessage()));
      }
    }
    return out;
  }

  /** @return an OPML 2.0 document listing every followed source */
  public String exportOpml() {
    return Opml.write(store.followedSources());
  }

  /** @return every followed source with its state, in the order they were added */
  public List<FollowedSource> list() {
    return store.followedSources();
  }

  /**
   * Stops following a URL (the articles it gave stay).
   *
   * @param url a followed URL
   * @return whether it was followed
   */
  public boolean remove(String url) {
    String given = url.strip();
    if (store.removeFollowed(given)) {
      return true;
    }
    try {
      return store.removeFollowed(fetcherPolicyParse(given).toString());
    } catch (IngestException e) {
      return false;
    }
  }

  /** @return a watcher that polls the followed sources; close it to stop its loop */
  public Watcher watcher() {
    return new Watcher(store, poller, clock);
  }

  /** Polls one source now, whatever its schedule (for tests). */
  PollResult poll(FollowedSource source) {
    return poller.poll(source);
  }

  /** @return the settings in force */
  public FollowSettings settings() {
    return settings;
  }

  private Added follow(String given, List<Opml.Entry> entries) {
    List<FollowedSource> followed = new ArrayList<>();
    int before = 0;
    for (Opml.Entry e : entries) {
      if (store.followedSource(e.url()).isPresent()) {
        before++;
      }
      followed.add(store.addFollowed(FollowedSource.newSource(e.url(), e.kind(), e.title(), clock.instant(),
          settings.initialInterval())));
    }
    return new Added(given, followed, before, null);
  }

  private URI fetcherPolicyParse(String url) {
    return fetcher.policy().parse(url);
  }

  /** @return the feed's title (the outlet its first item is credited to), or null */
  private static @Nullable String feedTitle(BytesInput feed) throws IOException {
    boolean[] first = {true};
    List<Imported> items = new ArrayList<>();
    try {
      new FeedArticleImporter(false, null, null, key -> {
        boolean take = first[0];
        first[0] = false;
        return take;
      }).read(feed, items::add);
    } catch (IngestException e) {
      if ("the feed has no items".equals(e.getMessage())) {
        return null; // followed all the same: items come later
      }
      throw new IngestException("not a readable feed: " + e.getMessage());
    }
    for (Imported i : items) {
      if (i instanceof Imported.Parsed p) {
        return p.article().outlet();
      }
    }
    return null;
  }
}
