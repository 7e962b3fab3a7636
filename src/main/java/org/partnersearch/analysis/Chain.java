package org.partnersearch.analysis;

/**
 * The analysis chains of partner-search. Each field is analysed by exactly one chain, the same at
 * index and query time (see {@link Analyzers}).
 */
public enum Chain {
  /** Names and aliases: lower-cased words, split at hyphens and dots; no stemming, no folding. */
  EXACT,
  /** German text: compound parts, ä→ae transliteration, light German stemming. */
  GERMAN,
  /** English text (with German names in it): compound parts, ä→ae, KStem. */
  ENGLISH,
  /** Either language typed without umlauts (ü→u), also for fuzzy matching; no stemming. */
  FOLDED
}
