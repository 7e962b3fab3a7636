package org.partnersearch.search;

import java.util.List;
import org.partnersearch.corpus.Coordinates;

/** Facet counts of a search: research area (field > area), partner type and city. */
public record FacetResults(List<FacetValue> area, List<FacetValue> type, List<FacetValue> city) {

  /**
   * One value of a facet. Counts ignore the facet's own selection (disjunctive faceting), so
   * picking one area still shows how many partners the others have.
   *
   * @param coordinates where a city is, for the map; null for other facets' values
   */
  public record FacetValue(
      String value,
      String label,
      int count,
      boolean selected,
      List<FacetValue> children,
      Coordinates coordinates) {
    public FacetValue {
      children = List.copyOf(children);
    }

    public FacetValue(
        String value, String label, int count, boolean selected, List<FacetValue> children) {
      this(value, label, count, selected, children, null);
    }

    FacetValue at(Coordinates place) {
      return new FacetValue(value, label, count, selected, children, place);
    }
  }
}
