package org.partnersearch.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import org.partnersearch.config.WebConfig;

/**
 * The browser-facing part of the service: the search page and the embeddable widget from {@code
 * src/main/resources/public}, CORS for the public read-only API, and the security headers.
 */
final class WebAssets {
  /**
   * Strict enough that injected markup cannot run: scripts, styles and requests only from this
   * origin, no inline script or style, no plugins, no framing by other sites.
   */
  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "connect-src 'self'",
          "object-src 'none'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'self'");

  /**
   * What a listed origin's page may send to the API (the widget itself needs only simple requests).
   */
  static final String ALLOWED_METHODS = "GET, POST";

  static final String ALLOWED_HEADERS = "Accept, Accept-Language, Content-Type";

  /** How long a browser may keep a preflight's answer. */
  private static final String PREFLIGHT_MAX_AGE_SECONDS = "600";

  private WebAssets() {}

  static void install(JavalinConfig config, WebConfig web, HttpCaching caching) {
    // NOTE: "/public" holds index.html, so GET / is the search page.
    config.staticFiles.add(
        files -> {
          files.directory = "/public";
          files.location = Location.CLASSPATH;
          files.headers =
              java.util.Map.of(io.javalin.http.Header.CACHE_CONTROL, caching.publicCacheControl());
        });
    config.routes.before(WebAssets::securityHeaders);
    if (!web.corsOrigins().isEmpty()) {
      config.routes.before("/api/*", ctx -> allowOrigin(ctx, web));
    }
    config.routes.before("/api/suggest/picks", ctx -> requireOwnOrListedOrigin(ctx, web));
  }

  /**
   * CORS for the public API. The widget's GETs and its picks (a beacon of text/plain) need no
   * preflight; a host page that calls the API itself with other headers does, and gets {@code 204}
   * with the methods and headers allowed here. NOTE: our own handler, not Javalin's CORS plugin,
   * which answers 400 to an unlisted origin; an unlisted origin simply gets no header and the
   * browser keeps the answer from its page.
   */
  private static void allowOrigin(Context ctx, WebConfig web) {
    if (ctx.path().startsWith("/api/admin/")) {
      return; // admin routes are for operators' tools, never for pages of other origins
    }
    String origin = ctx.header("Origin");
    ctx.header("Vary", "Origin");
    if (origin == null || !listed(origin, web)) {
      return;
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    if (HandlerType.OPTIONS.equals(ctx.method())
        && ctx.header("Access-Control-Request-Method") != null) {
      ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
      ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      ctx.header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
      ctx.status(204);
      ctx.skipRemainingHandlers();
    }
  }

  private static boolean listed(String origin, WebConfig web) {
    return web.corsOrigins().contains(WebConfig.ANY_ORIGIN) || web.corsOrigins().contains(origin);
  }

  /**
   * Picks feed the analytics, so a page of any other site must not be able to make its visitors
   * send them (a beacon needs no CORS): only this service's own pages, listed origins, and clients
   * that send no {@code Origin} at all (not browsers; the rate limit holds them).
   */
  private static void requireOwnOrListedOrigin(Context ctx, WebConfig web) {
    String origin = ctx.header("Origin");
    if (origin == null
        || listed(origin, web)
        || web.publicUrl().map(origin::equals).orElse(false)
        || sameHost(origin, ctx.host())) {
      return;
    }
    throw new ApiException(
        403,
        "origin_not_allowed",
        "picks are accepted from this site and the listed origins only",
        java.util.Map.of());
  }

  private static boolean sameHost(String origin, String host) {
    if (host == null) {
      return false;
    }
    int scheme = origin.indexOf("://");
    return scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
  }
}
