package org.partnersearch.search;

import java.util.List;
import org.partnersearch.corpus.Lang;

/**
 * A search as the website asks for it. {@code q} may be empty: then all partners (or those the
 * filters select) are listed by name. Filters OR within a facet and AND across facets.
 */
public record SearchRequest(
    String q,
    int page,
    int size,
    List<String> areas,
    List<String> types,
    List<String> cities,
    Lang lang,
    boolean explain) {
  public static final int DEFAULT_SIZE = 10;

  public SearchRequest {
    q = q == null ? "" : q;
    areas = List.copyOf(areas);
    types = List.copyOf(types);
    cities = List.copyOf(cities);
  }

  public static SearchRequest of(String q) {
    return new SearchRequest(q, 1, DEFAULT_SIZE, List.of(), List.of(), List.of(), Lang.EN, false);
  }
}
