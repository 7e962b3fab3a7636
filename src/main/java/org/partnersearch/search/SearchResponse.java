package org.partnersearch.search;

import java.util.List;

/**
 * The answer to a {@link SearchRequest}; its JSON form is the public API contract.
 *
 * @param relaxed not every word matched as typed: these are the best partial matches
 * @param partial the time budget ran out: the hits and counts found so far
 * @param relaxation when relaxed, which step of the relaxation ladder answered, and for what
 */
public record SearchResponse(
    String query,
    long total,
    int page,
    int size,
    long tookMs,
    List<SearchHit> hits,
    FacetResults facets,
    String didYouMean,
    boolean relaxed,
    boolean partial,
    Relaxation relaxation) {}
