package org.partnersearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.CombineSuggestion;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.WordBreakSpellChecker;
import org.partnersearch.index.IndexSchema;

/**
 * "Did you mean" from the index's own vocabulary, compound-aware: adjacent words that form an
 * indexed word are joined ({@code Kompetenz verbund} → {@code Kompetenzverbund}), then each word
 * the index does not know is replaced by its nearest known spelling ({@code Kernteknik} → {@code
 * Kerntechnik}).
 *
 * <p>NOTE: the nearest known spelling comes from a near-spelling automaton ({@link NearSpellings},
 * cached with the query's own, one per word and number of edits) over the spell checker's
 * vocabulary, the best weighed and then the most frequent. Lucene's DirectSpellChecker built five
 * Levenshtein automata per unknown word on every search (for one and then two edits), an eighth of
 * a search's CPU at 13 partners (JFR).
 */
final class SpellingCorrector {
  private final Analyzer queryAnalyzer;
  private final QueryFactory queries;
  private final KnownWords knownWords;
  private final WordBreakSpellChecker wordBreaks = new WordBreakSpellChecker();

  SpellingCorrector(Analyzer queryAnalyzer, QueryFactory queries) {
    this.queryAnalyzer = queryAnalyzer;
    this.queries = queries;
    this.knownWords = queries.knownWords();
    wordBreaks.setMaxChanges(1);
  }

  /**
   * A corrected query, or empty when every word is known or no correction was found. Like the
   * query's near spellings, only the first {@link QueryFactory#MAX_TYPO_WORDS} unknown words are
   * looked up (each lookup walks the term dictionary with a Levenshtein automaton), and none once
   * the request's {@code budget} is spent.
   */
  Optional<String> correct(IndexReader reader, UserQuery query, QueryTimeout budget)
      throws IOException {
    List<String> typed = new ArrayList<>();
    for (UserQuery.Group g : query.required()) {
      for (UserQuery.Term t : g.alternatives()) {
        if (!t.phrase()) {
          typed.add(t.text());
        }
      }
    }
    List<String> words = new ArrayList<>();
    for (String w : typed) {
      List<String> tokens = GlossaryKeys.tokens(queryAnalyzer, IndexSchema.SPELL, w);
      if (tokens.size() != 1) {
        return Optional.empty(); // acronyms with punctuation and the like are left as typed
      }
      words.add(tokens.get(0));
    }
    if (words.isEmpty()) {
      return Optional.empty();
    }
    List<String> corrected = joinWords(reader, words, typed);
    boolean changed = corrected.size() != words.size();
    int lookups = 0;
    for (int i = 0; i < corrected.size(); i++) {
      String w = corrected.get(i);
      boolean typoLength = w.codePointCount(0, w.length()) <= QueryFactory.MAX_TYPO_LETTERS;
      // A word the index has in any form, even only inside compounds ("Medizin" in "Krebsmedizin"),
      // found what was asked for: replacing it ("Medicine") would not help.
      if (typoLength
          && reader.docFreq(new Term(IndexSchema.SPELL, w)) == 0
          && !knownWords.isCorrect(reader, w)
          && !knownWords.isIndexed(reader, w)) {
        if (lookups++ >= QueryFactory.MAX_TYPO_WORDS || budget.shouldExit()) {
          break;
        }
        Optional<String> nearest = nearest(reader, w);
        if (nearest.isPresent()) {
          corrected.set(i, nearest.get());
          changed = true;
        }
      }
    }
    if (!changed) {
      return Optional.empty();
    }
    List<String> cased = new ArrayList<>();
    for (int i = 0; i < corrected.size(); i++) {
      String original = i < typed.size() ? typed.get(i) : corrected.get(i);
      cased.add(capitalizeLike(original, corrected.get(i)));
    }
    return Optional.of(String.join(" ", cased));
  }

  /** The known word nearest to {@code word}: the fewest edits, then the most partners. */
  private Optional<String> nearest(IndexReader reader, String word) throws IOException {
    NearSpellings near = queries.correctionsOf(word, reader);
    if (near == null) {
      return Optional.empty();
    }
    String best = null;
    float bestWeight = 0;
    int bestFreq = 0;
    for (Map.Entry<String, Float> candidate : near.in(reader, IndexSchema.SPELL).entrySet()) {
      if (candidate.getValue() < bestWeight) {
        break; // best first: the rest are further away
      }
      int freq = reader.docFreq(new Term(IndexSchema.SPELL, candidate.getKey()));
      if (best == null || freq > bestFreq) {
        best = candidate.getKey();
        bestWeight = candidate.getValue();
        bestFreq = freq;
      }
    }
    return Optional.ofNullable(best);
  }

  private List<String> joinWords(IndexReader reader, List<String> words, List<String> typed)
      throws IOException {
    Term[] terms = words.stream().map(w -> new Term(IndexSchema.SPELL, w)).toArray(Term[]::new);
    CombineSuggestion[] combos =
        wordBreaks.suggestWordCombinations(terms, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    List<String> out = new ArrayList<>(words);
    if (combos.length > 0) {
      CombineSuggestion best = combos[0];
      int first = best.originalTermIndexes[0];
      int last = best.originalTermIndexes[best.originalTermIndexes.length - 1];
      out.subList(first, last + 1).clear();
      out.add(first, best.suggestion.string);
      typed.subList(first + 1, last + 1).clear();
    }
    return out;
  }

  private static String capitalizeLike(String typed, String word) {
    if (!typed.isEmpty() && Character.isUpperCase(typed.codePointAt(0)) && !word.isEmpty()) {
      return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
    return word;
  }
}
