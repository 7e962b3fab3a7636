package org.partnersearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.partnersearch.analysis.GermanDecompounder;
import org.partnersearch.index.IndexSchema;

/**
 * Tells a correct word from a possible typo: correct is a word the index has as typed or stemmed in
 * a name, alias or description, or a compound of words it has ("Großforschungsanlage", though only
 * "Großforschungsanlagen" occurs). Near spellings and spelling corrections are looked for only for
 * the others: for a correct word they add noise, and building their Levenshtein automata is the
 * costliest part of a search (JFR).
 */
final class KnownWords {
  private static final List<String> WORD_FIELDS = IndexSchema.FAMILIES.stream()
      .flatMap(f -> Stream.of(f.base(), f.folded())).toList();
  private static final List<String> PART_FIELDS = IndexSchema.FAMILIES.stream().map(f -> f.parts()).toList();

  private final Analyzer queryAnalyzer;
  private final GermanDecompounder decompounder;

  KnownWords(Analyzer queryAnalyzer, GermanDecompounder decompounder) {
    this.queryAnalyzer = queryAnalyzer;
    this.decompounder = decompounder;
  }

  boolean isCorrect(IndexReader reader, String word) {
    return has(reader, word, WORD_FIELDS) || isCompoundOfKnownWords(reader, word);
  }

  /** Not "Freiburg": jwordsplitter splits it into frei + burg, but the index has no burg. */
  private boolean isCompoundOfKnownWords(IndexReader reader, String word) {
    List<GermanDecompounder.Part> parts = decompounder.split(word.toLowerCase(Locale.ROOT));
    return parts.size() > 1 && parts.stream().allMatch(p -> has(reader, p.text(), PART_FIELDS));
  }

  /** Whether the index has {@code text} as one of {@code fields} analyses it. */
  private boolean has(IndexReader reader, String text, List<String> fields) {
    for (String field : fields) {
      for (String token : GlossaryKeys.tokens(queryAnalyzer, field, text)) {
        if (docFreq(reader, new Term(field, token)) > 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static int docFreq(IndexReader reader, Term term) {
    try {
      return reader.docFreq(term);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
