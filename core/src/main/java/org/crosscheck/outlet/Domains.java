package org.crosscheck.outlet;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An outlet's domain: the registrable domain of a URL or host name by the public suffix list
 * ({@code thecaucus.blogs.nytimes.com} and {@code www.nytimes.com} are both {@code nytimes.com};
 * {@code www.bbc.co.uk} is {@code bbc.co.uk}). Thread-safe.
 */
final class Domains {
  /** A host name: two or more dot-separated labels of letters, digits and hyphens, none of one character only. */
  private static final Pattern HOST = Pattern.compile("(?:[a-z0-9][a-z0-9-]*[a-z0-9]\\.)+[a-z][a-z0-9-]*[a-z0-9]");

  private Domains() {}

  /**
   * @param url an absolute URL
   * @return the registrable domain of its host, or empty when it has no host or the host is an IP address,
   *     a single label or under no known public suffix
   */
  static Optional<String> ofUrl(@Nullable String url) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? Optional.empty() : ofHost(host);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * @param name a name that may be a host name ({@code www.nytimes.com}, {@code NYTimes.com})
   * @return its registrable domain, lowercase; empty when it is not a host name under a known public suffix
   */
  static Optional<String> ofHost(String name) {
    String host = name.strip().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (!HOST.matcher(host).matches()) {
      return Optional.empty();
    }
    // strict: a public suffix itself (co.uk) or a host under none is nobody's domain; private suffixes
    // count (foo.blogspot.com and bar.blogspot.com are two blogs, not one outlet)
    return Optional.ofNullable(EffectiveTldFinder.getAssignedDomain(host, true, false));
  }
}
