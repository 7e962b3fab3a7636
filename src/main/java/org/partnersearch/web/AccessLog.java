package org.partnersearch.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.partnersearch.ops.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line and one metric sample per request: method, route template, status, duration. The
 * route is the template ({@code /api/partners/{id}}), never the raw path or the query string, which
 * carry what visitors typed; the client's address only when configured.
 */
final class AccessLog {
  /** The logger operators filter on: {@code access}. */
  static final Logger LOG = LoggerFactory.getLogger("access");

  static final String STATIC = "static";
  static final String UNMATCHED = "unmatched";

  private final Metrics metrics;
  private final boolean logClientAddress;

  AccessLog(Metrics metrics, boolean logClientAddress) {
    this.metrics = metrics;
    this.logClientAddress = logClientAddress;
  }

  void log(Context ctx, Float millis) {
    String route = route(ctx);
    int status = ctx.statusCode();
    String method =
        KnownMethods.label(ctx.method().name()); // never the client's text: it could be anything
    metrics.request(method, route, status, (long) (millis * 1_000_000L));
    if (!LOG.isInfoEnabled()) {
      return;
    }
    // NOTE: not String.format: its parse of the pattern was 3 % of a search's CPU over HTTP (JFR).
    double ms = Math.round(millis * 10) / 10.0;
    var line =
        LOG.atInfo()
            .addKeyValue("method", method)
            .addKeyValue("route", route)
            .addKeyValue("status", status)
            .addKeyValue("ms", ms);
    if (logClientAddress) {
      line = line.addKeyValue("client", ctx.ip());
    }
    line.log("{} {} {} {} ms", method, route, status, ms);
  }

  /**
   * The matched route's template; static files and unmatched paths by a fixed name, to bound the
   * label values.
   */
  static String route(Context ctx) {
    Endpoint endpoint;
    try {
      endpoint = ctx.endpoints().matchedHttpEndpoint();
    } catch (RuntimeException none) {
      endpoint = null;
    }
    if (endpoint != null) {
      return endpoint.path;
    }
    return ctx.statusCode() == 404 ? UNMATCHED : STATIC;
  }
}
