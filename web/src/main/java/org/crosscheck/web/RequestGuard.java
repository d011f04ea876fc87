package org.crosscheck.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What the server trusts of a request before any handler runs: the Host it was sent to (against
 * DNS rebinding), where a write came from (against cross-site request forgery), the form token of
 * the HTML forms and the bearer token. Also sets the security headers of every response.
 * Thread-safe: immutable after construction.
 */
final class RequestGuard {
  /** The Content-Security-Policy of every response: no inline script, no framing, forms post only here. */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  static final String STALE_FORM = "the form is out of date or came from another site: reload the page";

  private final WebApp.Settings settings;
  private final IntSupplier port;
  private final String csrf;
  private final Set<String> names = new LinkedHashSet<>();
  private final boolean wildcard;
  private final @Nullable String publicOrigin;

  /**
   * @param settings the server's settings
   * @param port the port served on, known once the server has started
   */
  RequestGuard(WebApp.Settings settings, IntSupplier port) {
    this.settings = settings;
    this.port = port;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String bound = bracketed(settings.host().toLowerCase(Locale.ROOT));
    wildcard = bound.equals("0.0.0.0") || bound.equals("[::]") || bound.equals("[0:0:0:0:0:0:0:0]");
    if (WebApp.isLoopback(settings.host())) {
      names.addAll(List.of("127.0.0.1", "localhost", "[::1]"));
    }
    if (wildcard) {
      names.add("localhost");
    } else {
      names.add(bound);
    }
    URI pub = settings.publicUrl();
    publicOrigin = pub == null ? null : origin(pub.getScheme(), pub.getHost(), pub.getPort());
    if (pub != null) {
      names.add(pub.getHost().toLowerCase(Locale.ROOT));
    }
    settings.allowedHosts().forEach(h -> names.add(bracketed(h.toLowerCase(Locale.ROOT))));
  }

  /** @return the per-server secret the HTML forms carry in their {@code csrf} field */
  String csrfToken() {
    return csrf;
  }

  /** Sets the security headers; runs first on every request, so error responses carry them too. */
  static void headers(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
  }

  /**
   * Refuses a request sent to a name that is not this server's (a DNS-rebinding page reaches the
   * server under its own name), and a write that a browser says came from another site.
   *
   * @throws BadRequestResponse without a Host
   * @throws ForbiddenResponse for another Host or a cross-site write
   */
  void check(Context ctx) {
    String host = ctx.header("Host");
    if (host == null || host.isBlank()) {
      throw new BadRequestResponse("the request has no Host header: send the server's address in it, e.g. Host: "
          + served());
    }
    String name = hostName(host);
    if (name == null || !allowed(name)) {
      throw new ForbiddenResponse("this server does not answer to the Host '" + host + "' (it answers to "
          + String.join(", ", allowedNames()) + "); if you reach it under that name, e.g. through a reverse proxy,"
          + " start it with --allow-host " + (name == null ? "NAME" : name) + " or --public-url URL");
    }
    String method = ctx.method().name();
    if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE")) {
      checkWriteOrigin(ctx, host);
    }
  }

  private void checkWriteOrigin(Context ctx, String host) {
    String origin = ctx.header("Origin");
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
      throw new ForbiddenResponse("refused a write from another site (Origin: " + (origin == null ? "not sent"
          : origin) + ", Sec-Fetch-Site: " + site + "): only this server's own pages, or clients that are not"
          + " browsers, may write");
    }
    if (origin == null) {
      return;
    }
    String own = "http://" + host.toLowerCase(Locale.ROOT);
    String normalized = normalizeOrigin(origin);
    boolean ok = normalized != null && (normalized.equals(normalizeOrigin(own)) || normalized.equals(publicOrigin));
    if (!ok) {
      throw new ForbiddenResponse("refused a write from the origin '" + origin + "': only pages of this server ("
          + (publicOrigin != null ? publicOrigin : normalizeOrigin(own)) + ") may write");
    }
  }

  private boolean allowed(String name) {
    return names.contains(name) || wildcard && isIpLiteral(name);
  }

  private List<String> allowedNames() {
    List<String> out = new ArrayList<>(names);
    if (wildcard) {
      out.add("any IP address");
    }
    return out;
  }

  private String served() {
    return bracketed(settings.host()) + ":" + port.getAsInt();
  }

  /**
   * @param formToken the {@code csrf} field of a posted form, or {@code null}
   * @throws ForbiddenResponse unless it is this server's form token
   */
  void checkFormToken(@Nullable String formToken) {
    if (formToken == null || !MessageDigest.isEqual(formToken.getBytes(StandardCharsets.UTF_8),
        csrf.getBytes(StandardCharsets.UTF_8))) {
      throw new ForbiddenResponse(STALE_FORM);
    }
  }

  /** @return whether writes need no token, or the header is {@code Bearer} and the server's token */
  boolean bearerAccepted(@Nullable String authorization) {
    if (settings.token() == null) {
      return true;
    }
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && tokenMatches(authorization.substring(7).strip());
  }

  /**
   * @param ctx a write request
   * @throws UnauthorizedResponse unless writes need no token or it sends {@code Authorization: Bearer} and the
   *     server's token
   */
  void requireBearer(io.javalin.http.Context ctx) {
    if (!bearerAccepted(ctx.header("Authorization"))) {
      throw unauthorized();
    }
  }

  /** @return the answer to a write without the server's token */
  static io.javalin.http.UnauthorizedResponse unauthorized() {
    return new io.javalin.http.UnauthorizedResponse("writes need the server's token: send 'Authorization: Bearer"
        + " TOKEN'");
  }

  /** @return whether the candidate is the server's token, compared in constant time; false when it needs none */
  boolean tokenMatches(@Nullable String candidate) {
    String token = settings.token();
    return token != null && candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  /** @return the host part of a Host header, lower case, IPv6 in brackets; {@code null} when malformed */
  static @Nullable String hostName(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    String name;
    String rest;
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      if (close < 0) {
        return null;
      }
      name = h.substring(0, close + 1);
      rest = h.substring(close + 1);
    } else {
      int colon = h.indexOf(':');
      name = colon < 0 ? h : h.substring(0, colon);
      rest = colon < 0 ? "" : h.substring(colon);
    }
    if (!rest.isEmpty() && !rest.matches(":[0-9]{1,5}")) {
      return null;
    }
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1); // localhost. is localhost
    }
    return name.matches("[a-z0-9._-]+|\\[[0-9a-f:.]+\\]") ? name : null;
  }

  private static boolean isIpLiteral(String name) {
    return name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || name.startsWith("[");
  }

  private static String bracketed(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** @return scheme://host[:port] with the default port left out, lower case; {@code null} when not an origin */
  static @Nullable String normalizeOrigin(String origin) {
    try {
      URI u = new URI(origin.strip());
      if (u.getScheme() == null || u.getHost() == null) {
        return null;
      }
      return origin(u.getScheme(), u.getHost(), u.getPort());
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static String origin(String scheme, String host, int port) {
    String s = scheme.toLowerCase(Locale.ROOT);
    boolean dflt = port < 0 || s.equals("http") && port == 80 || s.equals("https") && port == 443;
    return s + "://" + host.toLowerCase(Locale.ROOT) + (dflt ? "" : ":" + port);
  }
}
