package org.partnersearch.search;

import java.util.List;

/** Facet counts of a search: research area (field > area), partner type and city. */
public record FacetResults(List<FacetValue> area, List<FacetValue> type, List<FacetValue> city) {

  /**
   * One value of a facet. Counts ignore the facet's own selection (disjunctive faceting), so
   * picking one area still shows how many partners the others have.
   */
  public record FacetValue(String value, String label, int count, boolean selected, List<FacetValue> children) {
    public FacetValue {
      children = List.copyOf(children);
    }
  }
}
