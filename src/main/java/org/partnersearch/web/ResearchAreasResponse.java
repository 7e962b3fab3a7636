package org.partnersearch.web;

import java.util.List;
import org.partnersearch.search.FacetResults;

/** {@code GET /api/research-areas}: the taxonomy, research field > area, with partner counts. */
public record ResearchAreasResponse(String lang, List<FacetResults.FacetValue> fields) {}
