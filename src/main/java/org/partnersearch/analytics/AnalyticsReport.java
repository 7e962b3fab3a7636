package org.partnersearch.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/admin/analytics}: what visitors searched for over the last {@code days} days
 * (UTC, today included), most frequent first. Queries are normalised (lower case, single spaces)
 * and carry no personal data: no addresses, no times, no sessions.
 *
 * @param zeroHitQueries queries that found nothing: candidates for an alias or a glossary entry
 * @param relaxedQueries queries where not every word matched: candidates too
 * @param topPicks suggestions chosen in the widget, as {@code kind:id} (partner, area) or {@code
 *     term:text}
 */
public record AnalyticsReport(
    int days,
    LocalDate from,
    LocalDate to,
    long searches,
    long zeroHitSearches,
    List<Count> topQueries,
    List<Count> zeroHitQueries,
    List<Count> relaxedQueries,
    List<Count> topPicks) {

  /** One counted text. */
  public record Count(String text, long count) {}
}
