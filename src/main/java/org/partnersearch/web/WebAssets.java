package org.partnersearch.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

/**
 * The browser-facing part of the service: the search page and the embeddable widget from
 * {@code src/main/resources/public}, CORS for the public read-only API, and the security headers.
 */
final class WebAssets {
  /**
   * Strict enough that injected markup cannot run: scripts, styles and requests only from this
   * origin, no inline script or style, no plugins, no framing by other sites.
   */
  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'self'");

  private WebAssets() {}

  static void install(JavalinConfig config, WebConfig web, HttpCaching caching) {
    // NOTE: "/public" holds index.html, so GET / is the search page.
    config.staticFiles.add(files -> {
      files.directory = "/public";
      files.location = Location.CLASSPATH;
      files.headers = java.util.Map.of(io.javalin.http.Header.CACHE_CONTROL, caching.publicCacheControl());
    });
    config.routes.before(WebAssets::securityHeaders);
    if (!web.corsOrigins().isEmpty()) {
      config.routes.before("/api/*", ctx -> allowOrigin(ctx, web));
    }
  }

  /**
   * CORS for the public read-only API: the widget only sends simple GETs, so no preflight is needed.
   * NOTE: our own handler, not Javalin's CORS plugin, which answers 400 to an unlisted origin; an
   * unlisted origin simply gets no header and the browser keeps the answer from its page.
   */
  private static void allowOrigin(Context ctx, WebConfig web) {
    if (ctx.path().startsWith("/api/admin/")) {
      return; // admin routes are for operators' tools, never for pages of other origins
    }
    String origin = ctx.header("Origin");
    ctx.header("Vary", "Origin");
    if (origin != null && (web.corsOrigins().contains(WebConfig.ANY_ORIGIN) || web.corsOrigins().contains(origin))) {
      ctx.header("Access-Control-Allow-Origin", origin);
    }
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
  }
}
