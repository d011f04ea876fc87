package org.crosscheck.ingest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.crosscheck.model.Article;
import org.jspecify.annotations.Nullable;

/**
 * Which pages of a web archive to import: by host, by the day they were archived, by language.
 * Records outside the filter are skipped and counted by the reason. Immutable and thread-safe.
 *
 * @param hosts hosts to keep, lowercased; a host keeps its subdomains ({@code bbc.co.uk} keeps
 *     {@code www.bbc.co.uk}); empty keeps every host
 * @param from the first day (UTC) of {@code WARC-Date} to keep, or {@code null} for no lower bound
 * @param to the last day (UTC) of {@code WARC-Date} to keep, inclusive, or {@code null} for no upper bound
 * @param language the language (ISO 639-1, {@code en}) an article must be in, or {@code null} for any
 */
public record WarcFilter(List<String> hosts, @Nullable LocalDate from, @Nullable LocalDate to,
    @Nullable String language) {
  /** Keeps every page. */
  public static final WarcFilter NONE = new WarcFilter(List.of(), null, null, null);

  /** Skip reason of a page whose host is not one of {@link #hosts()}. */
  public static final String OUTSIDE_HOST = "outside --host";
  /** Skip reason of a page archived before {@link #from()} or after {@link #to()}. */
  public static final String OUTSIDE_DATES = "outside --from/--to";
  /** Skip reason of an article in another language than {@link #language()}. */
  public static final String OUTSIDE_LANGUAGE = "outside --lang";

  /** @throws IllegalArgumentException when a host is blank or has a scheme or path, {@code from} is after {@code to}, or the language is no language code */
  public WarcFilter {
    hosts = hosts.stream().map(h -> normalHost(Objects.requireNonNull(h, "host"))).toList();
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + to);
    }
    if (language != null) {
      String l = language.strip().toLowerCase(Locale.ROOT);
      if (!l.matches("[a-z]{2,3}")) {
        throw new IllegalArgumentException("--lang must be a two- or three-letter language code such as en or de, was '"
            + language + "'");
      }
      language = l;
    }
  }

  private static String normalHost(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.startsWith(".")) {
      h = h.substring(1);
    }
    if (h.isEmpty() || !h.matches("[\\p{L}\\p{N}.-]+")) {
      throw new IllegalArgumentException("--host takes a host name such as bbc.co.uk (no scheme, port or path), was '"
          + host + "'");
    }
    return h;
  }

  /**
   * @param target the record's {@code WARC-Target-URI}
   * @param archived the record's {@code WARC-Date}, or {@code null} when it has none (then outside any date range)
   * @return why the record is skipped before its page is read ({@link #OUTSIDE_HOST}, {@link #OUTSIDE_DATES}), or
   *     {@code null} to read it
   */
  @Nullable String skipRecord(@Nullable URI target, @Nullable Instant archived) {
    if (!hosts.isEmpty() && !keepsHost(target == null ? null : target.getHost())) {
      return OUTSIDE_HOST;
    }
    if (from == null && to == null) {
      return null;
    }
    if (archived == null) {
      return OUTSIDE_DATES;
    }
    LocalDate day = LocalDate.ofInstant(archived, ZoneOffset.UTC);
    if ((from != null && day.isBefore(from)) || (to != null && day.isAfter(to))) {
      return OUTSIDE_DATES;
    }
    return null;
  }

  /** @return {@link #OUTSIDE_LANGUAGE} when the article is in another language than the one asked for, else {@code null} */
  @Nullable String skipArticle(Article article) {
    return language != null && !language.equals(article.language()) ? OUTSIDE_LANGUAGE : null;
  }

  private boolean keepsHost(@Nullable String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    for (String keep : hosts) {
      if (h.equals(keep) || h.endsWith("." + keep)) {
        return true;
      }
    }
    return false;
  }
}
