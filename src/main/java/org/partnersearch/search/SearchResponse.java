package org.partnersearch.search;

import java.util.List;

/** The answer to a {@link SearchRequest}; its JSON form is the public API contract. */
public record SearchResponse(
    String query,
    long total,
    int page,
    int size,
    long tookMs,
    List<SearchHit> hits,
    FacetResults facets,
    String didYouMean,
    boolean relaxed) {}
