package org.partnersearch.search;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.IndexReader;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.analysis.Variant;
import org.partnersearch.index.SearchableText;

/**
 * Tells a correct word from a possible typo: correct is a word the index has as typed, folded or
 * stemmed in a name, alias or description, or a compound of words it has ("Großforschungsanlage",
 * though only "Großforschungsanlagen" occurs). Near spellings and spelling corrections are looked
 * for only for the others: for a correct word they add noise and cost a term-dictionary walk.
 */
final class KnownWords {
  /**
   * The texts of words, where a word is known and near spellings are looked for: labels and people
   * would make "Dresden" known through an institute's name only, and a typo that finds a research
   * area's label matches every partner of the area.
   */
  static final List<SearchableText> WORD_TEXTS =
      List.of(
          SearchableText.NAME,
          SearchableText.NAME_EN,
          SearchableText.ALIASES,
          SearchableText.DESCRIPTION_DE,
          SearchableText.DESCRIPTION_EN);

  private final TypedWords typedWords;
  private final GermanDecompounder decompounder;

  KnownWords(TypedWords typedWords, GermanDecompounder decompounder) {
    this.typedWords = typedWords;
    this.decompounder = decompounder;
  }

  boolean isCorrect(IndexReader reader, String word) {
    return isCorrect(new IndexedTerms(reader), word);
  }

  /** As {@link #isCorrect(IndexReader, String)}, with the request's lookups. */
  boolean isCorrect(IndexedTerms indexed, String word) {
    return has(indexed, word, false) || isCompoundOfKnownWords(indexed, word);
  }

  /**
   * Whether a name, alias or description has {@code word} in some form, also as a compound's part:
   * the index's term dictionary is the corpus's own word list, built with each generation.
   */
  boolean isIndexed(IndexReader reader, String word) {
    return isIndexed(new IndexedTerms(reader), word);
  }

  /** As {@link #isIndexed(IndexReader, String)}, with the request's lookups. */
  boolean isIndexed(IndexedTerms indexed, String word) {
    return has(indexed, word, true);
  }

  /** Not "Freiburg": jwordsplitter splits it into frei + burg, but the index has no burg. */
  private boolean isCompoundOfKnownWords(IndexedTerms indexed, String word) {
    List<GermanDecompounder.Part> parts = decompounder.split(word.toLowerCase(Locale.ROOT));
    return parts.size() > 1 && parts.stream().allMatch(p -> has(indexed, p.text(), true));
  }

  /**
   * Whether a word text has {@code text} in some form; {@code asPart}: also as a compound's part.
   */
  private boolean has(IndexedTerms indexed, String text, boolean asPart) {
    for (SearchableText t : WORD_TEXTS) {
      List<WordForms> words = indexed.words(typedWords, t.chain(), text);
      if (words.size() != 1) {
        return false;
      }
      for (String term : words.get(0).terms().keySet()) {
        if ((asPart || !Variant.of(term).isPart()) && indexed.has(t.field(), term)) {
          return true;
        }
      }
    }
    return false;
  }
}
