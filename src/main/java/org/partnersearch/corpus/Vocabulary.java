package org.partnersearch.corpus;

import java.util.List;
import java.util.Optional;

/**
 * The corpus minus its partners: what the searcher needs besides the documents. The indexer stores
 * it inside each index generation, so a served index never depends on the corpus files as they are
 * being edited.
 */
public record Vocabulary(
    Taxonomy taxonomy, List<PartnerType> types, List<GlossaryEntry> glossary, List<City> cities) {
  public Vocabulary {
    types = List.copyOf(types);
    glossary = List.copyOf(glossary);
    cities = List.copyOf(cities);
  }

  public Optional<PartnerType> type(String id) {
    return types.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** The city a partner's {@code city} names (its German name). */
  public Optional<City> city(String key) {
    return cities.stream().filter(c -> c.key().equals(key)).findFirst();
  }

  public static Vocabulary of(Corpus corpus) {
    return new Vocabulary(corpus.taxonomy(), corpus.types(), corpus.glossary(), corpus.cities());
  }
}
