package org.partnersearch.search;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnersearch.analysis.Variant;

/**
 * The forms of one typed word in one chain, and the terms that find them among the stacked variants
 * of an indexed word, each with the kind of match it stands for. A document word has a variant only
 * where it differs from the word, so each form is also looked for unmarked (the document word is
 * that form) and, for a stem, as a folding (the document word folds to it).
 *
 * <p>The terms are made once, with the forms: a word's analysis is kept across searches ({@link
 * TypedWords}) and its terms are asked for in every text of every query a search builds (JFR at 13
 * partners: rebuilding them was among the longest JIT compilations of a search).
 *
 * @param exact the word lower-cased
 * @param folded its transliterated and stripped spellings that differ from it
 * @param stem the light stem of its transliteration
 * @param terms see {@link #termsOf}
 * @param translationTerms see {@link #translationTermsOf}
 */
record WordForms(
    String exact,
    List<String> folded,
    String stem,
    Map<String, MatchKind> terms,
    Map<String, MatchKind> translationTerms) {
  WordForms {
    folded = List.copyOf(folded);
  }

  WordForms(String exact, List<String> folded, String stem) {
    this(exact, folded, stem, new HashMap<>());
  }

  private WordForms(String exact, List<String> folded, String stem, Map<String, String> strings) {
    this(
        exact,
        folded,
        stem,
        TermKinds.of(termsOf(exact, List.copyOf(folded), stem), strings),
        TermKinds.of(translationTermsOf(exact, stem), strings));
  }

  /**
   * Terms for the word as typed, its foldings and stem, and, inside a compound, its stem as the
   * head or a modifier; in the order of {@link MatchKind}, the best kind a term stands for.
   */
  private static Map<String, MatchKind> termsOf(String exact, List<String> folded, String stem) {
    Map<String, MatchKind> terms = new LinkedHashMap<>();
    put(terms, exact, MatchKind.EXACT);
    put(terms, Variant.STEM.term(stem), MatchKind.STEM);
    put(terms, stem, MatchKind.STEM);
    if (!stem.equals(exact) && !folded.contains(stem)) {
      put(
          terms,
          Variant.FOLDED.term(stem),
          MatchKind.STEM); // else it is a folding of the word as typed
    }
    put(terms, Variant.FOLDED.term(exact), MatchKind.FOLDING);
    for (String f : folded) {
      put(terms, f, MatchKind.FOLDING);
      put(terms, Variant.FOLDED.term(f), MatchKind.FOLDING);
    }
    put(terms, Variant.PART.term(stem), MatchKind.PART);
    put(terms, Variant.MODIFIER.term(stem), MatchKind.MODIFIER);
    return terms;
  }

  /**
   * Terms for the word as a translation of the typed one: as written or stemmed, also inside a
   * compound.
   */
  private static Map<String, MatchKind> translationTermsOf(String exact, String stem) {
    Map<String, MatchKind> terms = new LinkedHashMap<>();
    put(terms, exact, MatchKind.TRANSLATION);
    put(terms, Variant.STEM.term(stem), MatchKind.TRANSLATION);
    put(terms, stem, MatchKind.TRANSLATION);
    put(terms, Variant.FOLDED.term(stem), MatchKind.TRANSLATION);
    put(terms, Variant.PART.term(stem), MatchKind.TRANSLATION);
    put(terms, Variant.MODIFIER.term(stem), MatchKind.TRANSLATED_MODIFIER);
    return terms;
  }

  /** Terms at one position of a phrase: any form of the word, the parts excepted. */
  List<String> phraseTerms() {
    return terms().keySet().stream().filter(t -> !Variant.of(t).isPart()).toList();
  }

  /** Keeps the best kind (the first in {@link MatchKind}'s order) a term stands for. */
  static void put(Map<String, MatchKind> terms, String term, MatchKind kind) {
    terms.merge(term, kind, (a, b) -> a.compareTo(b) <= 0 ? a : b);
  }
}
