package org.partnersearch.corpus;

import java.util.List;
import java.util.Optional;

/** The two-level taxonomy of research fields and areas from {@code corpus/research-areas.yaml}. */
public record Taxonomy(List<ResearchField> fields) {
  public Taxonomy {
    fields = List.copyOf(fields);
  }

  public Optional<ResearchArea> area(String id) {
    return fields.stream()
        .flatMap(f -> f.areas().stream())
        .filter(a -> a.id().equals(id))
        .findFirst();
  }

  public Optional<ResearchField> field(String id) {
    return fields.stream().filter(f -> f.id().equals(id)).findFirst();
  }
}
