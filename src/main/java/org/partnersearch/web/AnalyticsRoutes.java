package org.partnersearch.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.partnersearch.analytics.AnalyticsReport;
import org.partnersearch.analytics.SearchAnalytics;
import org.partnersearch.request.InvalidRequestException;
import org.partnersearch.search.PartnerSearcher;
import org.partnersearch.suggest.Suggestion;

/**
 * Search analytics over HTTP: {@code POST /api/suggest/picks}, which the widget sends when a
 * visitor chooses a suggestion, and {@code GET /api/admin/analytics} for editors (admin token).
 */
final class AnalyticsRoutes {
  static final int DEFAULT_DAYS = 7;
  static final int DEFAULT_TOP = 20;
  private static final int MAX_TOP = 200;
  private static final int MAX_PICK_BODY = 1024;
  private static final Set<String> KINDS = Set.of("partner", "area", "term");
  private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

  private final SearchAnalytics analytics;
  private final int maxDays;
  private final Supplier<PartnerSearcher> searcher;

  AnalyticsRoutes(SearchAnalytics analytics, int maxDays, Supplier<PartnerSearcher> searcher) {
    this.analytics = analytics;
    this.maxDays = maxDays;
    this.searcher = searcher;
  }

  /**
   * {@code {"kind": "partner"|"area"|"term", "id": …, "text": …}}; any content type, as sendBeacon
   * sends text/plain.
   */
  record Pick(String kind, String id, String text) {}

  void pick(Context ctx) {
    if (ctx.contentLength() > MAX_PICK_BODY || ctx.body().length() > MAX_PICK_BODY) {
      throw new InvalidRequestException(
          "invalid_pick", "a pick is at most " + MAX_PICK_BODY + " bytes");
    }
    Pick pick;
    try {
      pick = JsonMappers.api().readValue(ctx.body(), Pick.class);
    } catch (java.io.IOException | RuntimeException e) {
      throw new InvalidRequestException(
          "invalid_pick", "expected {\"kind\", \"id\", \"text\"} as JSON");
    }
    if (pick == null || pick.kind() == null || !KINDS.contains(pick.kind())) {
      throw new InvalidRequestException("invalid_pick", "kind must be partner, area or term");
    }
    String value;
    if (pick.kind().equals("term")) {
      if (pick.text() == null || pick.text().isBlank()) {
        throw new InvalidRequestException("invalid_pick", "a term pick needs its text");
      }
      value = pick.text();
    } else {
      if (pick.id() == null || !ID.matcher(pick.id()).matches()) {
        throw new InvalidRequestException("invalid_pick", "a partner or area pick needs its id");
      }
      value = pick.id();
    }
    Suggestion.Kind kind = Suggestion.Kind.valueOf(pick.kind().toUpperCase(Locale.ROOT));
    // NOTE: an unknown id or text is accepted (204) but not counted: the widget cannot do better,
    // and
    // a spammer learns nothing.
    if (searcher.get().offers(kind, value)) {
      analytics.picked(pick.kind(), value);
    }
    ctx.status(204);
  }

  void report(Context ctx) {
    int days = QueryParams.integer(ctx, "days", Math.min(DEFAULT_DAYS, maxDays));
    int top = QueryParams.integer(ctx, "top", DEFAULT_TOP);
    if (days < 1 || days > maxDays) {
      throw new InvalidRequestException("invalid_days", "days must be between 1 and " + maxDays);
    }
    if (top < 1 || top > MAX_TOP) {
      throw new InvalidRequestException("invalid_top", "top must be between 1 and " + MAX_TOP);
    }
    AnalyticsReport report = analytics.report(days, top);
    ctx.header("Cache-Control", "no-store").json(report);
  }
}
