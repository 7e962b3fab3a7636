package org.partnersearch.corpus;

import java.util.List;

/** A research field, the first level of the taxonomy, with its areas. */
public record ResearchField(String id, LocalizedText label, List<ResearchArea> areas) {
  public ResearchField {
    areas = List.copyOf(areas);
  }
}
