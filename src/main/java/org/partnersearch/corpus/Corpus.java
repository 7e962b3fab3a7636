package org.partnersearch.corpus;

import java.util.List;
import java.util.Optional;

/** Everything in {@code corpus/}, validated: partners (sorted by id) and the vocabularies. */
public record Corpus(
    List<Partner> partners,
    Taxonomy taxonomy,
    List<PartnerType> types,
    List<GlossaryEntry> glossary,
    List<City> cities) {

  public Corpus {
    partners = List.copyOf(partners);
    types = List.copyOf(types);
    glossary = List.copyOf(glossary);
    cities = List.copyOf(cities);
  }

  public Optional<PartnerType> type(String id) {
    return types.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
