package org.partnersearch.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.partnersearch.corpus.PartnerType;
import org.partnersearch.corpus.ResearchArea;
import org.partnersearch.corpus.ResearchField;
import org.partnersearch.request.InvalidRequestException;
import org.partnersearch.serving.IndexSnapshot;

/**
 * The limits every search request is checked against before any query runs, each violation an
 * {@link InvalidRequestException} whose code names the limit and whose message says what to change.
 */
final class RequestLimits {
  static final int MAX_QUERY_CHARS = 512;
  static final int MAX_CLAUSES = 32;
  static final int MAX_SIZE = 50;
  static final int MAX_RESULT_WINDOW = 1000;
  static final int MAX_FILTER_VALUES = 10;

  void checkPaging(SearchRequest r) {
    if (r.q().length() > MAX_QUERY_CHARS) {
      throw new InvalidRequestException(
          "query_too_long",
          "q has " + r.q().length() + " characters; at most " + MAX_QUERY_CHARS + " are allowed");
    }
    if (r.size() < 1 || r.size() > MAX_SIZE) {
      throw new InvalidRequestException("invalid_size", "size must be between 1 and " + MAX_SIZE);
    }
    if (r.page() < 1) {
      throw new InvalidRequestException("invalid_page", "page must be 1 or more");
    }
    if ((long) r.page() * r.size() > MAX_RESULT_WINDOW) {
      throw new InvalidRequestException(
          "result_window_too_large",
          "page × size must be at most "
              + MAX_RESULT_WINDOW
              + "; refine the query instead of paging further");
    }
  }

  void checkClauses(UserQuery query) {
    if (query.clauseCount() > MAX_CLAUSES) {
      throw new InvalidRequestException(
          "too_many_clauses",
          "the query has "
              + query.clauseCount()
              + " words and phrases; at most "
              + MAX_CLAUSES
              + " are allowed");
    }
  }

  void checkFilters(SearchRequest r, IndexSnapshot snapshot) {
    Set<String> areas = new HashSet<>();
    for (ResearchField f : snapshot.vocabulary().taxonomy().fields()) {
      areas.add(f.id());
      f.areas().stream().map(ResearchArea::id).forEach(areas::add);
    }
    Set<String> types =
        new HashSet<>(snapshot.vocabulary().types().stream().map(PartnerType::id).toList());
    check("area", r.areas(), areas);
    check("type", r.types(), types);
    check("city", r.cities(), snapshot.cities());
  }

  private static void check(String facet, List<String> values, Set<String> known) {
    if (values.size() > MAX_FILTER_VALUES) {
      throw new InvalidRequestException(
          "too_many_filter_values",
          facet
              + " is given "
              + values.size()
              + " times; at most "
              + MAX_FILTER_VALUES
              + " values are allowed");
    }
    for (String v : values) {
      if (!known.contains(v)) {
        String shown = v.length() > 64 ? v.substring(0, 64) + "…" : v;
        throw new InvalidRequestException(
            "unknown_filter_value",
            "unknown "
                + facet
                + " '"
                + shown
                + "': use one of "
                + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }
}
