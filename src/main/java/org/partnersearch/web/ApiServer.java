package org.partnersearch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.partnersearch.config.WebConfig;
import org.partnersearch.corpus.Lang;
import org.partnersearch.request.InvalidRequestException;
import org.partnersearch.search.PartnerSearcher;
import org.partnersearch.search.SearchRequest;
import org.partnersearch.search.SearchResponse;
import org.partnersearch.serving.IndexStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API: translates requests into calls of the {@link PartnerSearcher} and its records into
 * JSON. Every error, ours or Javalin's, leaves as {@link ApiError} JSON, never as HTML or a trace.
 */
public final class ApiServer {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9-]{1,64}");
  private static final String HANDLED = "partnersearch.errorHandled";
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final SuggestRoutes suggest;
  private final WebConfig web;
  private final Supplier<Reindexing> reindexer;
  private final ClientAddress clients;
  private final RateLimiter limiter;
  private final OpsRoutes ops; // health probes, metrics, access log, OpenAPI, analytics
  private final HttpCaching caching;
  private final Supplier<PartnerSearcher> searcher;
  private final ObjectMapper mapper = JsonMappers.api();

  /**
   * @param searcher the searcher for each request; while the service is still starting it throws a
   *     503 response (the service hands in its readiness), a test or tool hands in an open one
   * @param reindexer gives the reindexer once the index is open (null until then: 503); null
   *     supplier or no admin token: no admin routes
   */
  public ApiServer(
      WebConfig web,
      OpsRoutes ops,
      Supplier<PartnerSearcher> searcher,
      Supplier<Reindexing> reindexer) {
    this.caching = new HttpCaching(web.cacheMaxAge());
    this.clients = new ClientAddress(web.trustedProxies());
    this.suggest = new SuggestRoutes(ops, searcher, web, clients, caching);
    this.web = web;
    this.ops = ops;
    this.searcher = searcher;
    this.reindexer = reindexer;
    this.limiter =
        web.requestsPerMinute() > 0
            ? new RateLimiter(web.requestsPerMinute(), Duration.ofMinutes(1))
            : null;
  }

  private PartnerSearcher searcher() {
    return searcher.get();
  }

  public Javalin create() {
    return Javalin.create(
        config -> {
          config.jsonMapper(new JavalinJackson(mapper, false));
          // Long enough for a query of the maximum length, percent-encoded, to reach our own check.
          config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_HEADER_BYTES));
          config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(mapper)));
          config.http.defaultContentType = "application/json";
          config.startup.showJavalinBanner = false;
          config.jetty.modifyServer(server -> server.addEventListener(new SlowClients()));
          WebAssets.install(
              config, web, caching); // the page, widget.js, CORS for /api/*, security headers
          caching.install(config); // Cache-Control for every answer, errors included
          ops.install(
              config,
              clients,
              web.metricsToken(),
              searcher); // /livez /readyz /metrics /openapi.yaml /docs, access log, analytics
          if (limiter != null) {
            config.routes.before("/api/search", this::rateLimit);
            config.routes.before("/api/suggest", this::rateLimit);
            config.routes.before("/api/suggest/picks", this::rateLimit);
          }
          if (reindexer != null && web.adminToken().isPresent()) {
            new AdminRoutes(
                    new BearerAuth(web.adminToken().get(), "admin routes", clients), reindexer)
                .install(config);
          }
          config.routes.get("/api/search", this::search);
          config.routes.get("/api/partners/{id}", this::partner);
          config.routes.get("/api/research-areas", this::researchAreas);
          config.routes.get("/api/health", this::health);
          // Autocomplete and browser search-bar integration (see SuggestRoutes).
          config.routes.get("/api/suggest", suggest::suggest);
          config.routes.get("/api/ping", suggest::ping);
          config.routes.get("/opensearch.xml", caching.cacheable(suggest::openSearch));
          config.routes.exception(
              InvalidRequestException.class, (e, ctx) -> error(ctx, 400, e.code(), e.getMessage()));
          config.routes.exception(
              ApiException.class,
              (e, ctx) -> {
                e.headers.forEach(ctx::header);
                error(ctx, e.status, e.code, e.getMessage());
              });
          config.routes.exception(
              HttpResponseException.class,
              (e, ctx) -> error(ctx, e.getStatus(), codeOf(e.getStatus()), e.getMessage()));
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(
                    ctx,
                    500,
                    "internal_error",
                    "the server could not answer this request; it has been logged");
              });
          // A 204 or a redirect has no body, so it names no type (the default type would claim
          // JSON).
          config.routes.after(
              ctx -> {
                int status = ctx.statusCode();
                if (status == 204 || status == 301 || status == 302 || status == 304) {
                  ctx.res().setContentType(null);
                }
              });
          config.routes.error(
              404, ctx -> unlessHandled(ctx, 404, "not_found", "no such endpoint: " + ctx.path()));
          config.routes.error(
              405,
              ctx ->
                  unlessHandled(ctx, 405, "method_not_allowed", "the API is read-only: use GET"));
        });
  }

  private void rateLimit(Context ctx) {
    limiter
        .take(clients.of(ctx))
        .ifPresent(
            wait -> {
              ops.metrics().rateLimited().increment();
              throw ApiException.tooManyRequests(
                  wait, "more than " + web.requestsPerMinute() + " requests a minute");
            });
  }

  private void search(Context ctx) {
    SearchRequest request =
        new SearchRequest(
            ctx.queryParamMap().containsKey("q") ? ctx.queryParam("q") : "",
            QueryParams.integer(ctx, "page", 1),
            QueryParams.integer(ctx, "size", SearchRequest.DEFAULT_SIZE),
            QueryParams.all(ctx, "area"),
            QueryParams.all(ctx, "type"),
            QueryParams.all(ctx, "city"),
            QueryParams.lang(ctx),
            QueryParams.flag(ctx, "explain"));
    caching.answer(
        ctx,
        searcher(),
        request,
        () -> {
          long start = System.nanoTime();
          SearchResponse response = searcher().search(request);
          ops.searched(request, response, System.nanoTime() - start);
          if (response.partial()) {
            HttpCaching.doNotStore(
                ctx); // a later try may find everything: no cache may keep this one
          }
          json(ctx, response);
        });
  }

  /**
   * A search's answer as bytes straight from Jackson: {@code ctx.json} writes a String first and
   * then encodes it again, about 10 KB a search.
   */
  private void json(Context ctx, Object value) {
    try {
      ctx.contentType(ContentType.APPLICATION_JSON).result(mapper.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the API's records always serialise", e);
    }
  }

  private void partner(Context ctx) {
    String id = ctx.pathParam("id");
    if (!PARTNER_ID.matcher(id).matches()) {
      // A malformed id is a broken link or a typo on the client's side (400), not a partner that
      // was removed (404).
      throw new InvalidRequestException(
          "invalid_id",
          "a partner id is 1 to 64 lower-case letters, digits and hyphens, such as tu-dresden");
    }
    caching.answer(
        ctx,
        searcher(),
        id,
        () -> searcher().partner(id).ifPresentOrElse(ctx::json, () -> partnerNotFound(ctx, id)));
  }

  private static void partnerNotFound(Context ctx, String id) {
    error(ctx, 404, "partner_not_found", "no partner with id '" + id + "'");
  }

  private void researchAreas(Context ctx) {
    Lang lang = QueryParams.lang(ctx);
    caching.answer(
        ctx,
        searcher(),
        lang,
        () -> ctx.json(new ResearchAreasResponse(lang.code(), searcher().researchAreas(lang))));
  }

  private void health(Context ctx) {
    IndexStatus s = searcher().status();
    ctx.json(
        new HealthResponse(
            s.degraded() ? "DEGRADED" : "UP",
            s.documents(),
            s.builtAt(),
            s.generation(),
            s.degraded()));
  }

  private static void error(Context ctx, int status, String code, String message) {
    ctx.attribute(HANDLED, Boolean.TRUE);
    ctx.status(status).json(ApiError.of(status, code, message));
  }

  /** Javalin's status handlers also run after our own errors; those already have their body. */
  private static void unlessHandled(Context ctx, int status, String code, String message) {
    if (ctx.attribute(HANDLED) == null) {
      error(ctx, status, code, message);
    }
  }

  private static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 401 -> "unauthorized";
      case 413 -> "request_too_large";
      case 503 -> "not_ready";
      default -> "http_" + status;
    };
  }
}
