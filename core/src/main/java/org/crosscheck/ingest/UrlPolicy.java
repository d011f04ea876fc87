package org.crosscheck.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one parser and check for URLs that Crosscheck fetches: URLs given to {@code crosscheck
 * ingest}, to the web app, and the links of feed items whose full text is fetched. It guards
 * against server-side request forgery, where someone who may only name a URL makes the server
 * fetch from itself or from its private network (an admin page on {@code 127.0.0.1}, a cloud
 * metadata service on {@code 169.254.169.254}).
 *
 * <p>{@link #parse} accepts only absolute http and https URLs with a host and without a user name
 * or password, and refuses hosts written as numbers in a non-standard form ({@code 2130706433},
 * {@code 0177.0.0.1}, {@code 0x7f.0.0.1}, {@code 127.1}), because resolvers, browsers and proxies
 * read them differently. {@link #checkAddress} resolves the host and, unless the policy allows
 * private addresses, refuses it when <em>any</em> of its addresses is not a public unicast address:
 * loopback, private (10/8, 172.16/12, 192.168/16), carrier-grade NAT (100.64/10), link-local
 * (169.254/16, fe80::/10), multicast, unspecified or "this network" (0/8, ::), broadcast and other
 * reserved IPv4 ranges, IPv6 unique-local (fc00::/7) and site-local, and the IPv6 forms that embed
 * an IPv4 address (mapped {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d}, NAT64 {@code
 * 64:ff9b::/96}, 6to4 {@code 2002::/16}) when the embedded address is one of those.
 *
 * <p><b>DNS rebinding.</b> A name can resolve to a public address when checked and to a private
 * one when the client connects. {@link HttpFetcher} therefore follows redirects itself and checks
 * every hop after resolving it, immediately before sending the request. The JDK's HTTP client
 * resolves through {@link InetAddress}, whose positive cache ({@code networkaddress.cache.ttl},
 * 30 s by default when no security manager is installed) then hands it the addresses just checked.
 * An operator who sets that cache to 0 reopens a window of a few milliseconds. The JDK client
 * offers no way to connect to a chosen address while keeping the host name for TLS (SNI and
 * certificate checks) and the {@code Host} header, so the address cannot be pinned more tightly
 * without changing HTTP clients.
 *
 * <p>Immutable and thread-safe.
 */
public final class UrlPolicy {
  /** Added to every refusal of an address: how an operator fetches from a private network anyway. */
  static final String HINT =
      " (to fetch from this machine or a private network, start with --allow-private-urls)";
  private static final UrlPolicy PUBLIC_ONLY = new UrlPolicy(false, Set.of());
  private static final UrlPolicy ALLOW_PRIVATE = new UrlPolicy(true, Set.of());
  /** Labels that some resolver reads as a number: decimal, octal (leading 0) or hex (0x). */
  private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
  private static final Pattern DOTTED_QUAD =
      Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

  private final boolean privateAllowed;
  /** {@code host:port} pairs (lower case, effective port) whose address is not checked. */
  private final Set<String> exempt;

  private UrlPolicy(boolean privateAllowed, Set<String> exempt) {
    this.privateAllowed = privateAllowed;
    this.exempt = Set.copyOf(exempt);
  }

  /** @return the default policy: only public addresses are fetched */
  public static UrlPolicy publicOnly() {
    return PUBLIC_ONLY;
  }

  /**
   * @return a policy for intranet use that fetches from any address, including this machine and
   *     private networks; only the rules of {@link #parse} apply
   */
  public static UrlPolicy allowPrivate() {
    return ALLOW_PRIVATE;
  }

  /** @return {@link #allowPrivate()} when {@code allowPrivate}, else {@link #publicOnly()} */
  public static UrlPolicy of(boolean allowPrivate) {
    return allowPrivate ? ALLOW_PRIVATE : PUBLIC_ONLY;
  }

  /**
   * For tests: this policy, except that URLs whose host and port are exactly {@code host} and
   * {@code port} are not checked (a test's own loopback server). Any other host or port, including
   * another name or port of the same machine, is checked as before.
   */
  UrlPolicy exempting(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
    }
    java.util.HashSet<String> more = new java.util.HashSet<>(exempt);
    more.add(host.toLowerCase(Locale.ROOT) + ":" + port);
    return new UrlPolicy(privateAllowed, more);
  }

  /** @return whether this policy fetches from private and local addresses too */
  public boolean privateAllowed() {
    return privateAllowed;
  }

  /**
   * Parses a URL to fetch. Does not resolve the host.
   *
   * @param url an absolute http or https URL; leading and trailing white space is ignored
   * @return the URL, its scheme in lower case
   * @throws IngestException when it is not a valid URL, its scheme is not http or https, it has no
   *     host, it carries a user name or password, or its host is a number in a non-standard form
   */
  public URI parse(String url) {
    Objects.requireNonNull(url, "url");
    String text = url.strip();
    if (text.isEmpty()) {
      throw new IngestException("not a valid URL: it is empty");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IngestException("not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (scheme == null) {
      throw new IngestException("not an http(s) URL");
    }
    String lower = scheme.toLowerCase(Locale.ROOT);
    if (!lower.equals("http") && !lower.equals("https")) {
      throw new IngestException("only http and https URLs are fetched, not '" + scheme + "'");
    }
    String authority = uri.getRawAuthority();
    if (uri.isOpaque() || authority == null || authority.isEmpty()) {
      throw new IngestException("not a valid URL: no host name");
    }
    if (uri.getRawUserInfo() != null || authority.contains("@")) {
      throw new IngestException("URLs with a user name or password (user:password@) are not fetched");
    }
    String host = uri.getHost();
    if (host == null) {
      // java.net.URI did not find a server name; say what is wrong with what stands there
      String written = hostOf(authority);
      if (written.isEmpty()) {
        throw new IngestException("not a valid URL: no host name");
      }
      checkNotOddNumber(written);
      throw new IngestException("not a valid URL: '" + written + "' is not a valid host name"
          + (authority.length() > written.length() ? " and port" : ""));
    }
    checkNotOddNumber(host);
    if (uri.getPort() == 0) {
      throw new IngestException("not a valid URL: port 0");
    }
    if (scheme.equals(lower)) {
      return uri;
    }
    try {
      return new URI(lower + text.substring(scheme.length()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a URL stopped parsing when its scheme was lowered: " + text, e);
    }
  }

  /**
   * Resolves the host of a parsed URL and refuses it when any of its addresses is not public,
   * unless this policy allows private addresses (then nothing is resolved or checked). Blocks
   * while the host is resolved.
   *
   * @param uri a URL returned by {@link #parse}
   * @throws IngestException {@code unknown host} when the host does not resolve, or {@code refused:
   *     127.0.0.1 is a loopback address (...)} when an address is not public
   */
  public void checkAddress(URI uri) {
    String why = whyRefused(uri);
    if (why != null) {
      throw new IngestException("refused: " + why + HINT);
    }
  }

  /**
   * @return why the URL's host is refused, e.g. {@code 127.0.0.1 is a loopback address}, or null
   *     when it may be fetched
   * @throws IngestException {@code unknown host}
   */
  @Nullable String whyRefused(URI uri) {
    Objects.requireNonNull(uri, "uri");
    String host = uri.getHost();
    if (host == null) {
      throw new IngestException("not a valid URL: no host name");
    }
    if (privateAllowed || exempt.contains(host.toLowerCase(Locale.ROOT) + ":" + effectivePort(uri))) {
      return null;
    }
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      throw new IngestException("unknown host", e);
    }
    boolean literal = bare.contains(":") || DOTTED_QUAD.matcher(bare).matches();
    for (InetAddress address : addresses) {
      String kind = NonPublicAddress.describe(address);
      if (kind != null) {
        String shown = NonPublicAddress.format(address);
        if (literal && shown.equalsIgnoreCase(bare)) {
          return shown + " is " + kind;
        }
        return bare + (literal ? " is " : " resolves to ") + shown + ", " + kind;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return privateAllowed ? "UrlPolicy[private addresses allowed]"
        : "UrlPolicy[public addresses only" + (exempt.isEmpty() ? "" : ", except " + exempt) + "]";
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** @return the host part of a raw authority without user info: {@code host} of {@code host:80} */
  private static String hostOf(String authority) {
    String rest = authority.substring(authority.lastIndexOf('@') + 1);
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      return close < 0 ? rest : rest.substring(0, close + 1);
    }
    int colon = rest.lastIndexOf(':');
    return colon < 0 ? rest : rest.substring(0, colon);
  }

  /**
   * Refuses a host whose last label is a number (as a URL parser in a browser would read it as an
   * IPv4 address) unless the whole host is an IPv4 address as four decimal numbers.
   */
  private static void checkNotOddNumber(String host) {
    if (host.startsWith("[")) {
      return;
    }
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String[] labels = name.split("\\.", -1);
    if (!NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
      return;
    }
    if (!host.endsWith(".") && DOTTED_QUAD.matcher(host).matches()) {
      return;
    }
    throw new IngestException("refused: the host '" + host + "' is a number in a non-standard form (resolvers"
        + " disagree on how to read it); write an IPv4 address as four decimal numbers such as 192.0.2.1");
  }

  /** Names the kind of an address that is not public unicast. */
  private static final class NonPublicAddress {
    private NonPublicAddress() {}

    /** @return e.g. {@code a loopback address}, or null for a public unicast address */
    static @Nullable String describe(InetAddress address) {
      byte[] b = address.getAddress();
      if (address instanceof Inet4Address) {
        return describeV4(b, 0);
      }
      if (address instanceof Inet6Address) {
        return describeV6(b);
      }
      return "an address of an unknown kind";
    }

    private static @Nullable String describeV4(byte[] b, int at) {
      int a0 = b[at] & 0xff;
      int a1 = b[at + 1] & 0xff;
      int a2 = b[at + 2] & 0xff;
      int a3 = b[at + 3] & 0xff;
      if (a0 == 0) {
        return a1 == 0 && a2 == 0 && a3 == 0 ? "the unspecified address" : "a \"this network\" address (0.0.0.0/8)";
      }
      if (a0 == 127) {
        return "a loopback address";
      }
      if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
        return "a private address";
      }
      if (a0 == 100 && (a1 & 0xc0) == 64) {
        return "a carrier-grade NAT address (100.64.0.0/10)";
      }
      if (a0 == 169 && a1 == 254) {
        return "a link-local address (cloud metadata services answer at 169.254.169.254)";
      }
      if (a0 == 192 && a1 == 0 && a2 == 0) {
        return "a reserved address (192.0.0.0/24)";
      }
      if (a0 == 198 && (a1 & 0xfe) == 18) {
        return "a reserved address (198.18.0.0/15, for network tests)";
      }
      if (a0 >= 224 && a0 <= 239) {
        return "a multicast address";
      }
      if (a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255) {
        return "the broadcast address";
      }
      if (a0 >= 240) {
        return "a reserved address (240.0.0.0/4)";
      }
      return null;
    }

    private static @Nullable String describeV6(byte[] b) {
      boolean first80Zero = allZero(b, 0, 10);
      if (first80Zero && allZero(b, 10, 16)) {
        return "the unspecified address";
      }
      if (first80Zero && allZero(b, 10, 15) && b[15] == 1) {
        return "a loopback address";
      }
      int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
      if (first80Zero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        return embedded(b, 12, "an IPv4-mapped");
      }
      if (allZero(b, 0, 12)) {
        return embedded(b, 12, "an IPv4-compatible");
      }
      if (allZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0) {
        return embedded(b, 12, "an IPv4-translated");
      }
      if (w0 == 0x0064 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
        if (allZero(b, 4, 12)) {
          return embedded(b, 12, "a NAT64");
        }
        if (b[4] == 0 && b[5] == 1) {
          return "a local-use NAT64 address (64:ff9b:1::/48)";
        }
      }
      if (w0 == 0x2002) {
        return embedded(b, 2, "a 6to4");
      }
      if ((b[0] & 0xfe) == 0xfc) {
        return "a unique-local address (fc00::/7)";
      }
      if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
        return "a link-local address (fe80::/10)";
      }
      if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
        return "a site-local address (fec0::/10)";
      }
      if ((b[0] & 0xff) == 0xff) {
        return "a multicast address";
      }
      return null;
    }

    private static @Nullable String embedded(byte[] b, int at, String form) {
      String kind = describeV4(b, at);
      if (kind == null) {
        return null;
      }
      String v4 = (b[at] & 0xff) + "." + (b[at + 1] & 0xff) + "." + (b[at + 2] & 0xff) + "." + (b[at + 3] & 0xff);
      return form + " IPv6 address holding " + v4 + ", " + kind;
    }

    private static boolean allZero(byte[] b, int from, int to) {
      for (int i = from; i < to; i++) {
        if (b[i] != 0) {
          return false;
        }
      }
      return true;
    }

    /** @return the address as usually written: {@code 127.0.0.1}, {@code ::1}, {@code fe80::1} */
    static String format(InetAddress address) {
      if (!(address instanceof Inet6Address)) {
        return address.getHostAddress();
      }
      byte[] b = address.getAddress();
      int[] words = new int[8];
      for (int i = 0; i < 8; i++) {
        words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
      }
      int bestStart = -1;
      int bestLength = 1;
      for (int i = 0; i < 8; ) {
        int j = i;
        while (j < 8 && words[j] == 0) {
          j++;
        }
        if (j - i > bestLength) {
          bestStart = i;
          bestLength = j - i;
        }
        i = j == i ? i + 1 : j;
      }
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        if (i == bestStart) {
          out.append("::");
          i += bestLength - 1;
          continue;
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
          out.append(':');
        }
        out.append(Integer.toHexString(words[i]));
      }
      return out.toString();
    }
  }
}
