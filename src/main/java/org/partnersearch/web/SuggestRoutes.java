package org.partnersearch.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Pattern;
import org.partnersearch.search.InvalidRequestException;
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
  /** A host name, IPv4 or bracketed IPv6 address, with an optional port: all a Host header may be here. */
  private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(?::\\d{1,5})?");

  private final OpsRoutes ops;
  private final HttpCaching caching;

  SuggestRoutes(OpsRoutes ops, HttpCaching caching) {
    this.ops = ops;
    this.caching = caching;
  }

  /** {@code ["typed", ["suggestion", …]]}: the array shape the OpenSearch suggestions extension defines. */
  @JsonFormat(shape = JsonFormat.Shape.ARRAY)
  record OpenSearchSuggestions(String query, List<String> completions) {}

  /** {@code GET /api/ping}. */
  record Pong(boolean pong) {}

  void suggest(Context ctx) {
    SuggestRequest request = new SuggestRequest(
        ctx.queryParamMap().containsKey("q") ? ctx.queryParam("q") : "",
        QueryParams.integer(ctx, "size", SuggestRequest.DEFAULT_SIZE),
        QueryParams.lang(ctx));
    String format = ctx.queryParam("format");
    boolean openSearch = "opensearch".equals(format);
    if (!openSearch && !(format == null || format.isBlank() || format.equals("json"))) {
      throw new InvalidRequestException("invalid_format", "format must be json or opensearch");
    }
    caching.answer(ctx, ops.readiness().searcher(), List.of(request, openSearch), () -> {
      SuggestResponse response = suggest(request);
      if (openSearch) {
        ctx.json(new OpenSearchSuggestions(request.q(), response.suggestions().stream().map(Suggestion::text).toList()));
        ctx.contentType(OPENSEARCH_SUGGESTIONS + "; charset=utf-8");
      } else {
        ctx.json(response);
      }
    });
  }

  private SuggestResponse suggest(SuggestRequest request) {
    long start = System.nanoTime();
    SuggestResponse response = ops.readiness().searcher().suggest(request);
    ops.suggested(System.nanoTime() - start);
    return response;
  }

  void ping(Context ctx) {
    ctx.json(new Pong(true));
  }

  void openSearch(Context ctx) {
    String host = ctx.host();
    if (host == null || !HOST.matcher(host).matches()) {
      throw new InvalidRequestException("invalid_host", "the Host header must name this server");
    }
    // NOTE: behind a TLS-terminating proxy the scheme seen here is http; the proxy should forward
    // the original Host and serve this document itself if the scheme matters.
    String origin = ctx.scheme() + "://" + host;
    ctx.contentType(OPENSEARCH_DESCRIPTION + "; charset=utf-8").result(OpenSearchDescription.xml(origin));
  }
}
