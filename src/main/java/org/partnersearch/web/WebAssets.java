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

  static void install(JavalinConfig config, WebConfig web) {
    config.staticFiles.add("/public", Location.CLASSPATH);
    if (!web.corsOrigins().isEmpty()) {
      config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
        // NOTE: only the API; the page itself is never meant to be fetched by other sites' scripts.
        rule.path = "/api/*";
        if (web.corsOrigins().contains(WebConfig.ANY_ORIGIN)) {
          rule.anyHost();
        } else {
          web.corsOrigins().forEach(origin -> rule.allowHost(origin));
        }
      }));
    }
    config.routes.before(WebAssets::securityHeaders);
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
  }
}
