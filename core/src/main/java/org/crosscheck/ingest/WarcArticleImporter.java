package org.crosscheck.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crosscheck.model.Article;
import org.crosscheck.model.Published;
import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads a web archive (WARC 1.0 or 1.1, plain or gzip-compressed record by record, as Common Crawl's
 * CC-NEWS files are) record by record, in bounded memory: each {@code response} record with HTTP
 * status 200 and an HTML payload is read as one page by {@link HtmlArticleImporter}, with the
 * record's {@code WARC-Target-URI} as the page's URL and the day of its {@code WARC-Date} as the
 * publication date when the page gives none.
 *
 * <p>Every other record is yielded as {@link Imported.Skipped} with its reason: {@code request},
 * {@code metadata}, {@code warcinfo}, {@code revisit} and other record types by their type,
 * {@link #NOT_HTTP}, {@link #NOT_200}, {@link #NOT_HTML}, and the reasons of the {@link WarcFilter}.
 * A page that holds no article, or is over {@link Limits#MAX_DOCUMENT_BYTES}, is rejected on its
 * own and reading goes on. A damaged or cut-off file yields the records before the damage and one
 * rejection that names the record and byte offset where reading stopped (byte offsets are of the
 * file as stored, compressed or not).
 *
 * <p>Stateless and thread-safe.
 */
public final class WarcArticleImporter implements ArticleImporter {
  /** Skip reason of a response record whose block is no HTTP message (DNS, Gemini). */
  public static final String NOT_HTTP = "not HTTP";
  /** Skip reason of an HTTP response whose status is not 200 (redirects, errors). */
  public static final String NOT_200 = "HTTP status not 200";
  /** Skip reason of an HTTP 200 response that is not HTML (PDF, images, JSON, feeds). */
  public static final String NOT_HTML = "not HTML";
  /** Skip reason of a record of a type other than the standard ones. */
  public static final String OTHER_TYPE = "other record type";
  private static final java.util.Set<String> SKIPPED_TYPES = java.util.Set.of(
      "request", "metadata", "warcinfo", "revisit", "resource", "conversion", "continuation");

  private final HtmlArticleImporter html;
  private final WarcFilter filter;

  /**
   * @param html reads each page
   * @param filter which pages to keep
   */
  public WarcArticleImporter(HtmlArticleImporter html, WarcFilter filter) {
    this.html = Objects.requireNonNull(html, "html");
    this.filter = Objects.requireNonNull(filter, "filter");
  }

  /** @return {@code warc} */
  @Override
  public String name() {
    return "warc";
  }

  /**
   * Reads the archive, giving the sink one item per record, in order.
   *
   * @param input the archive
   * @param sink receives an article, a rejection or a skip for each record, and at most one
   *     rejection for a damaged tail
   * @throws IOException when the input cannot be opened
   */
  @Override
  public void read(Input input, Consumer<Imported> sink) throws IOException {
    try (InputStream in = input.open(); WarcReader reader = new WarcReader(in)) {
      long number = 0;
      // a record whose block could not be read: rejected on its own when a next record follows, else the damaged tail
      Failed failed = null;
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          if (failed != null && !(failed.cause() instanceof EOFException)) {
            sink.accept(rejected(input, failed)); // that record was broken on its own; the damage starts after it
            failed = null;
          }
          sink.accept(damaged(input, failed != null ? failed : new Failed(number + 1, reader.position(), e)));
          return;
        }
        if (next.isEmpty()) {
          if (failed != null) {
            sink.accept(failed.cause() instanceof EOFException ? damaged(input, failed) : rejected(input, failed));
          }
          return;
        }
        if (failed != null) {
          sink.accept(rejected(input, failed));
          failed = null;
        }
        number++;
        long offset = reader.position();
        Imported item;
        try {
          item = readRecord(input, next.get(), locator(number, offset));
        } catch (IOException | RuntimeException e) { // a malformed HTTP message or header: this record only
          failed = new Failed(number, offset, e);
          continue;
        }
        sink.accept(item);
      }
    }
  }

  /** A record that could not be read. */
  private record Failed(long number, long offset, Exception cause) {}

  private static String locator(long number, long offset) {
    return String.format(Locale.ROOT, "record %,d at byte %,d", number, offset);
  }

  private static Imported damaged(Input input, Failed at) {
    return new Imported.Rejected(new Rejection(input.name(), locator(at.number(), at.offset()),
        "the WARC file is damaged or cut off here, reading stopped (" + describe(at.cause()) + "); "
            + (at.number() <= 1 ? "no record before it" : String.format(Locale.ROOT, "the %,d records before it were read",
                at.number() - 1))));
  }

  private static Imported rejected(Input input, Failed at) {
    return new Imported.Rejected(new Rejection(input.name(), locator(at.number(), at.offset()),
        "cannot read the record: " + describe(at.cause())));
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    String kind = e instanceof EOFException ? "unexpected end of file" : e.getClass().getSimpleName();
    return m == null || m.isBlank() ? kind : kind + ": " + m;
  }

  /**
   * @return the record's article, its rejection (no article, too large) or why it is skipped
   * @throws IOException when the record's block cannot be read
   */
  private Imported readRecord(Input input, WarcRecord record, String locator) throws IOException {
    if (!(record instanceof WarcResponse response)) {
      String type = record.type().toLowerCase(Locale.ROOT);
      return new Imported.Skipped(SKIPPED_TYPES.contains(type) ? type : OTHER_TYPE);
    }
    MediaType block = response.contentType();
    if (!"application".equalsIgnoreCase(block.type()) || !"http".equalsIgnoreCase(block.subtype())) {
      return new Imported.Skipped(NOT_HTTP);
    }
    HttpResponse http = response.http();
    if (http.status() != 200) {
      return new Imported.Skipped(NOT_200);
    }
    String contentType = http.headers().first("Content-Type")
        .or(() -> response.identifiedPayloadType().map(MediaType::toString)).orElse(null);
    if (!isHtml(contentType)) {
      return new Imported.Skipped(NOT_HTML);
    }
    String target = response.target();
    URI uri = uri(target);
    Instant archived = archived(record);
    String skip = filter.skipRecord(uri, archived);
    if (skip != null) {
      return new Imported.Skipped(skip);
    }
    byte[] body;
    try (InputStream in = http.bodyDecoded().stream()) {
      body = in.readNBytes(Limits.MAX_DOCUMENT_BYTES + 1);
    }
    if (body.length > Limits.MAX_DOCUMENT_BYTES) {
      return new Imported.Rejected(new Rejection(input.name(), locator,
          target + ": page larger than the " + Limits.formatBytes(Limits.MAX_DOCUMENT_BYTES) + " limit for one document"));
    }
    Article article;
    try {
      article = html.parse(body, contentType, uri == null ? null : target, input.provenance(name(), locator),
          fallback(archived));
    } catch (IngestException e) {
      return new Imported.Rejected(new Rejection(input.name(), locator, target + ": " + e.getMessage()));
    } catch (RuntimeException | StackOverflowError e) {
      return new Imported.Rejected(new Rejection(input.name(), locator, target + ": " + Rejection.internalError(e)));
    }
    String outside = filter.skipArticle(article);
    return outside != null ? new Imported.Skipped(outside) : new Imported.Parsed(article);
  }

  /** @return the day the page was archived, as the publication date of a page that gives none; or {@code null} */
  private static HtmlArticleImporter.@Nullable DateFallback fallback(@Nullable Instant archived) {
    if (archived == null) {
      return null;
    }
    return new HtmlArticleImporter.DateFallback(new Published.OnDate(LocalDate.ofInstant(archived, ZoneOffset.UTC)),
        "publication date not found in the page; the day it was archived (WARC-Date " + archived + ") is used");
  }

  /** @return the record's {@code WARC-Date}, or {@code null} when it is missing or malformed */
  private static @Nullable Instant archived(WarcRecord record) {
    try {
      return record.date();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** @return the target as an absolute http(s) URI, or {@code null} when it is none */
  private static @Nullable URI uri(String target) {
    try {
      URI u = new URI(target.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** @return whether a {@code Content-Type} is HTML ({@code text/html}, {@code application/xhtml+xml}) */
  static boolean isHtml(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    String t = FormatDetector.mediaType(contentType.toLowerCase(Locale.ROOT));
    return t.equals("text/html") || t.equals("application/xhtml+xml");
  }
}
