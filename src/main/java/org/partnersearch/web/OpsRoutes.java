package org.partnersearch.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.partnersearch.analytics.SearchAnalytics;
import org.partnersearch.config.ServiceConfig;
import org.partnersearch.ops.Metrics;
import org.partnersearch.ops.Readiness;
import org.partnersearch.search.PartnerSearcher;
import org.partnersearch.search.SearchRequest;
import org.partnersearch.search.SearchResponse;

/**
 * What operators and integrators need besides the search API: {@code /livez}, {@code /readyz},
 * {@code /metrics}, {@code /openapi.yaml}, Swagger UI at {@code /docs/}, the access log, graceful
 * shutdown and search analytics ({@code /api/admin/analytics} only with an admin token).
 */
public final class OpsRoutes {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  static final String OPENAPI_RESOURCE = "/openapi.yaml";

  /**
   * Test hook: this system property slows {@code /api/ping} down by the given milliseconds, so a
   * test can have a request in flight when it sends SIGTERM. Unset in production.
   */
  public static final String TEST_PING_DELAY_PROPERTY = "partnersearch.test.pingDelayMillis";

  /** Swagger UI draws with inline styles; only /docs/ gets them allowed. */
  static final String DOCS_CSP =
      WebAssets.CONTENT_SECURITY_POLICY.replace(
          "style-src 'self'", "style-src 'self' 'unsafe-inline'");

  /** Settings of this part, taken from the {@link ServiceConfig}. */
  public record Settings(
      boolean logClientAddress,
      Optional<String> adminToken,
      Duration shutdownTimeout,
      int analyticsDays) {
    public static Settings of(ServiceConfig c) {
      return new Settings(
          c.logClientAddress(), c.web().adminToken(), c.shutdownTimeout(), c.analyticsDays());
    }
  }

  private final Metrics metrics;
  private final Readiness readiness;
  private final SearchAnalytics analytics;
  private final Settings settings;
  private final AccessLog accessLog;
  private final String openApi = resource(OPENAPI_RESOURCE);

  public OpsRoutes(
      Metrics metrics, Readiness readiness, SearchAnalytics analytics, Settings settings) {
    this.metrics = metrics;
    this.readiness = readiness;
    this.analytics = analytics;
    this.settings = settings;
    this.accessLog = new AccessLog(metrics, settings.logClientAddress());
  }

  /**
   * A ready server around an open searcher, with in-memory analytics and no admin routes; for tests
   * and tools.
   */
  public static OpsRoutes standalone(PartnerSearcher searcher) {
    ServiceConfig d = ServiceConfig.defaults();
    return new OpsRoutes(
        new Metrics(),
        Readiness.of(searcher),
        SearchAnalytics.inMemory(Clock.systemUTC(), d.analyticsDays()),
        Settings.of(d));
  }

  Metrics metrics() {
    return metrics;
  }

  /**
   * @param clients who a request comes from, for the throttle of wrong tokens
   * @param metricsToken the bearer token {@code /metrics} needs; empty: {@code /metrics} is public
   * @param searcher the searcher for a request, here to check that a pick names something offered
   */
  void install(
      JavalinConfig config,
      ClientAddress clients,
      Optional<String> metricsToken,
      Supplier<PartnerSearcher> searcher) {
    config.jetty.modifyServer(
        server -> {
          // Javalin puts its own handler inside the innermost of these.
          server.setHandler(
              new KnownMethods(
                  metrics.timedHandler(),
                  nanos -> metrics.request(KnownMethods.OTHER, AccessLog.UNMATCHED, 501, nanos)));
          server.setStopTimeout(settings.shutdownTimeout().toMillis());
        });
    config.requestLogger.http(accessLog::log);
    config.staticFiles.enableWebjars(); // Swagger UI's files under /webjars/swagger-ui/<version>/
    config.routes.before("/docs/*", ctx -> ctx.header("Content-Security-Policy", DOCS_CSP));
    config.routes.get("/livez", ctx -> ctx.json(new Probe("UP")));
    config.routes.get("/readyz", this::ready);
    // NOTE: public by default, as Prometheus expects; with a token it shows admin activity to its
    // holder only.
    metricsToken.ifPresent(
        token ->
            config.routes.before("/metrics", new BearerAuth(token, "/metrics", clients)::check));
    config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
    config.routes.get(
        "/openapi.yaml", ctx -> ctx.contentType("application/yaml; charset=utf-8").result(openApi));
    // Javalin ignores the trailing slash; a bare 302 (ctx.redirect would add a body "Redirected").
    config.routes.get("/docs", ctx -> ctx.status(302).header("Location", "/docs/index.html"));
    long pingDelay = Long.getLong(TEST_PING_DELAY_PROPERTY, 0);
    if (pingDelay > 0) {
      config.routes.before("/api/ping", ctx -> Thread.sleep(pingDelay));
    }
    AnalyticsRoutes analyticsRoutes =
        new AnalyticsRoutes(analytics, settings.analyticsDays(), searcher);
    config.routes.post("/api/suggest/picks", analyticsRoutes::pick);
    settings
        .adminToken()
        .ifPresent(
            token -> {
              BearerAuth auth = new BearerAuth(token, "admin routes", clients);
              config.routes.get(
                  "/api/admin/analytics",
                  ctx -> {
                    auth.check(ctx);
                    analyticsRoutes.report(ctx);
                  });
            });
  }

  /** {@code /livez} and {@code /readyz}: the phase, and for readiness the served generation. */
  record Probe(String status) {}

  private void ready(Context ctx) {
    Readiness.Phase phase = readiness.phase();
    if (phase != Readiness.Phase.READY) {
      ctx.status(503).json(new Probe(phase.name()));
      return;
    }
    try {
      readiness.searcher().status(); // opens a snapshot: the index is open and searchable
    } catch (RuntimeException e) {
      ctx.status(503).json(new Probe("NOT_SEARCHABLE"));
      return;
    }
    ctx.json(new Probe(phase.name()));
  }

  /** Counts one answered search for the metrics and, for a first page, the analytics. */
  void searched(SearchRequest request, SearchResponse response, long nanos) {
    metrics.searched(nanos, response.total(), response.relaxed());
    if (request.page() == 1) {
      analytics.searched(request.q(), response.total(), response.relaxed());
    }
  }

  void suggested(long nanos) {
    metrics.suggested(nanos);
  }

  private static String resource(String name) {
    try (InputStream in = OpsRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
