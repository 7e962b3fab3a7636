package org.partnersearch.suggest;

import java.util.ArrayList;
import java.util.List;
import org.partnersearch.analysis.Folding;

/**
 * The ways typed words may spell umlauts. The FOLDED chain already makes "ü" and "u" one key and
 * "ß" and "ss" another; a visitor without umlaut keys also types "ue", which the chain leaves
 * alone, so a second variant reads ae/oe/ue as ä/ö/ü (folded: a/o/u). "oeko" then finds Öko-Institut.
 */
final class TypedVariants {
  private TypedVariants() {}

  static List<List<String>> of(List<String> words) {
    List<String> transliterated = words.stream().map(TypedVariants::umlauts).toList();
    return transliterated.equals(words) ? List.of(words) : List.of(words, transliterated);
  }

  /** "universitaet" → "universitat": the folded form of the umlaut the digraph stands for. */
  static String umlauts(String folded) {
    return Folding.readDigraphs(folded);
  }
}
