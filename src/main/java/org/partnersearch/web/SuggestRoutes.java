package org.partnersearch.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.partnersearch.config.WebConfig;
import org.partnersearch.request.InvalidRequestException;
import org.partnersearch.search.PartnerSearcher;
import org.partnersearch.suggest.SuggestRequest;
import org.partnersearch.suggest.SuggestResponse;
import org.partnersearch.suggest.Suggestion;

/**
 * Autocomplete over HTTP: {@code GET /api/suggest} for the widget and, with {@code
 * format=opensearch}, for browsers; {@code GET /opensearch.xml} so a browser can add the site as a
 * search engine; {@code GET /api/ping}, the trivial endpoint the suggest benchmark compares with.
 */
final class SuggestRoutes {
  /** The OpenSearch suggestions format that browsers read. */
  static final String OPENSEARCH_SUGGESTIONS = "application/x-suggestions+json";

  static final String OPENSEARCH_DESCRIPTION = "application/opensearchdescription+xml";

  /**
   * A host name, IPv4 or bracketed IPv6 address, with an optional port: all a Host header may be
   * here.
   */
  private static final Pattern HOST =
      Pattern.compile("(?:[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(?::\\d{1,5})?");

  private static final Pattern SCHEME = Pattern.compile("https?");

  private final OpsRoutes ops;
  private final Supplier<PartnerSearcher> searcher;
  private final WebConfig web;
  private final ClientAddress clients;
  private final HttpCaching caching;

  SuggestRoutes(
      OpsRoutes ops,
      Supplier<PartnerSearcher> searcher,
      WebConfig web,
      ClientAddress clients,
      HttpCaching caching) {
    this.ops = ops;
    this.searcher = searcher;
    this.web = web;
    this.clients = clients;
    this.caching = caching;
  }

  /**
   * {@code ["typed", ["suggestion", …]]}: the array shape the OpenSearch suggestions extension
   * defines.
   */
  @JsonFormat(shape = JsonFormat.Shape.ARRAY)
  record OpenSearchSuggestions(String query, List<String> completions) {}

  /** {@code GET /api/ping}. */
  record Pong(boolean pong) {}

  void suggest(Context ctx) {
    SuggestRequest request =
        new SuggestRequest(
            ctx.queryParamMap().containsKey("q") ? ctx.queryParam("q") : "",
            QueryParams.integer(ctx, "size", SuggestRequest.DEFAULT_SIZE),
            QueryParams.lang(ctx));
    String format = ctx.queryParam("format");
    boolean openSearch = "opensearch".equals(format);
    if (!openSearch && !(format == null || format.isBlank() || format.equals("json"))) {
      throw new InvalidRequestException("invalid_format", "format must be json or opensearch");
    }
    caching.answer(
        ctx,
        searcher.get(),
        List.of(request, openSearch),
        () -> {
          SuggestResponse response = suggest(request);
          if (openSearch) {
            ctx.json(
                new OpenSearchSuggestions(
                    request.q(), response.suggestions().stream().map(Suggestion::text).toList()));
            ctx.contentType(OPENSEARCH_SUGGESTIONS + "; charset=utf-8");
          } else {
            ctx.json(response);
          }
        });
  }

  private SuggestResponse suggest(SuggestRequest request) {
    long start = System.nanoTime();
    SuggestResponse response = searcher.get().suggest(request);
    ops.suggested(System.nanoTime() - start);
    return response;
  }

  void ping(Context ctx) {
    ctx.json(new Pong(true));
  }

  /**
   * The description's URLs start with the configured public URL. Without one they are taken from
   * the request: the Host header, or from a trusted proxy its {@code X-Forwarded-Host} and {@code
   * X-Forwarded-Proto}; such an answer differs by those headers, so it says so ({@code Vary}) and
   * is not to be stored by shared caches, which could otherwise hand one client's Host to all.
   */
  void openSearch(Context ctx) {
    String origin;
    if (web.publicUrl().isPresent()) {
      origin = web.publicUrl().get();
    } else {
      boolean proxied = clients.viaTrustedProxy(ctx);
      String host =
          proxied && ctx.header("X-Forwarded-Host") != null
              ? first(ctx.header("X-Forwarded-Host"))
              : ctx.host();
      String scheme =
          proxied && ctx.header("X-Forwarded-Proto") != null
              ? first(ctx.header("X-Forwarded-Proto"))
              : ctx.scheme();
      if (host == null || !HOST.matcher(host).matches()) {
        throw new InvalidRequestException("invalid_host", "the Host header must name this server");
      }
      if (!SCHEME.matcher(scheme).matches()) {
        throw new InvalidRequestException(
            "invalid_scheme", "X-Forwarded-Proto must be http or https");
      }
      origin = scheme + "://" + host;
      ctx.header("Vary", "Host, X-Forwarded-Host, X-Forwarded-Proto");
      HttpCaching.doNotStore(ctx); // no-store, whatever the route's caching says
    }
    ctx.contentType(OPENSEARCH_DESCRIPTION + "; charset=utf-8")
        .result(OpenSearchDescription.xml(origin));
  }

  /** The first of a comma-separated forwarding header's values: the one the outermost proxy saw. */
  private static String first(String header) {
    int comma = header.indexOf(',');
    return (comma < 0 ? header : header.substring(0, comma)).strip();
  }
}
