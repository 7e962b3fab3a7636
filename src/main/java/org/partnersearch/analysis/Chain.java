package org.partnersearch.analysis;

/**
 * The analysis chains of partner-search (see {@link Analyzers}, which builds each at index and at
 * query time). Every chain starts alike: words, English possessives dropped, lower case.
 */
public enum Chain {
  /**
   * Lower-cased whole words, hyphenated and dotted ones also split and closed ("ct.qmat", "ct",
   * "qmat", "ctqmat"): the spelling correction's vocabulary, compared as typed.
   */
  WORDS,
  /**
   * German text: every word with its folded spellings, light German stem and compound parts
   * stacked.
   */
  GERMAN_VARIANTS,
  /** English text (with German names in it): as German, but stemmed with KStem. */
  ENGLISH_VARIANTS,
  /** Umlauts and accents stripped (ü→u), compound parts at index time: the suggester's words. */
  FOLDED_WORDS;

  /** Whether the chain stacks {@link Variant}s: at query time it gives each typed word's forms. */
  public boolean stacksVariants() {
    return this == GERMAN_VARIANTS || this == ENGLISH_VARIANTS;
  }
}
