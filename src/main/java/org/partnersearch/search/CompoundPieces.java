package org.partnersearch.search;

import java.util.List;
import java.util.Locale;
import org.partnersearch.analysis.CompoundSplitter;

/**
 * Splits a typed word into the pieces of a compound ({@link CompoundSplitter}), by the words of the
 * served generation's term dictionary: so the words the searcher splits by are exactly those that
 * generation indexed, and those its suggester split its entries by. A piece the index lacks is
 * kept, unknown: the relaxation ladder leaves it out and says so.
 */
final class CompoundPieces {
  private final CompoundSplitter splitter;
  private final KnownWords knownWords;

  CompoundPieces(CompoundSplitter splitter, KnownWords knownWords) {
    this.splitter = splitter;
    this.knownWords = knownWords;
  }

  /**
   * The pieces of {@code word}, head last; empty unless it splits into two or more with one known.
   */
  List<CompoundSplitter.Piece> of(IndexedTerms indexed, String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    // NOTE: same length, so offsets in the lower-cased word are offsets in the typed one.
    if (lower.length() != word.length() || word.length() > QueryFactory.MAX_TYPO_LETTERS) {
      return List.of();
    }
    return splitter.split(lower, w -> knownWords.isIndexed(indexed, w));
  }
}
