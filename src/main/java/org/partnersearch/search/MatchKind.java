package org.partnersearch.search;

/**
 * The kinds of match of a query word, each with how much it counts within one text (the texts' own
 * weights are in {@link org.partnersearch.index.SearchableText}) and the name explain gives it. The
 * order is the product's promise: as typed above stems above other spellings of umlauts above a
 * compound's head above glossary translations above the parts that only modify a head above typos:
 * "Hochschule" is the head of Hochschule Zittau, only a modifier in Hochschulmedizin. Term kinds
 * weigh terms of one {@code SynonymQuery}, so at most 1.
 */
enum MatchKind {
  EXACT("exact", 1f),
  STEM("stem", 0.75f),
  /** Umlauts or ß spelled otherwise ("Juelich", "Julich", "Gross"). */
  FOLDING("folding", 0.6f),
  /** The word as the head of a longer compound ("Forschung" in "Endlagerforschung"). */
  PART("compound part", 0.45f),
  /** A one-word German–English glossary translation. */
  TRANSLATION("glossary synonym", 0.4f),
  /** The word as a modifier inside a longer compound ("Endlager" in "Endlagerforschung"). */
  MODIFIER("compound modifier", 0.35f),
  /** A near spelling; times {@code 1 - edits / length}, as Lucene's FuzzyQuery weighs it. */
  TYPO("typo", 0.3f),
  /**
   * A one-word glossary translation as a modifier inside a compound ("Universität" in
   * "Universitätsklinikum" for "Hochschule").
   */
  TRANSLATED_MODIFIER("glossary synonym", 0.25f),
  /**
   * A compound typed as one word, matched by all its parts ("Krebsforschung": Krebs … Forschung).
   */
  COMPOUND_PARTS("compound parts", 0.6f),
  /** A glossary translation of several words, matched as a phrase. */
  PHRASE_TRANSLATION("glossary synonym", 0.5f);

  private final String label;
  private final float weight;

  MatchKind(String label, float weight) {
    this.label = label;
    this.weight = weight;
  }

  String label() {
    return label;
  }

  float weight() {
    return weight;
  }
}
