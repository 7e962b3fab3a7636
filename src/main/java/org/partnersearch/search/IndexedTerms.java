package org.partnersearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.partnersearch.analysis.Chain;
import org.partnersearch.serving.Glossary;

/**
 * Which terms the index has, for one request's queries: a word's forms make about ten candidate
 * terms per text, most of which no document has. Lucene looks each term of a query up in every
 * segment with a new terms enum (JFR: allocating their frames was the largest part of a search);
 * here each field's enums are reused (kept from search to search by {@link TermsEnumPool}), and
 * only terms the index has go into the query, a lone term with the states found (so its weight does
 * not seek it again). Also what else a request's queries look up about a typed word: its analysis
 * per chain, its near spellings and glossary translations. A search builds up to four queries from
 * the same words (the strict one, the relaxation ladder's, did-you-mean's), and each looked all of
 * it up again (JFR at 13 partners: a relaxed search cost 1.7 times a plain one). Not thread-safe:
 * one per request.
 */
final class IndexedTerms {
  private final IndexReader reader;
  private final TermsEnumPool.Enums enums;
  private final Map<FieldText, Optional<TermStates>> known = new HashMap<>();
  private final Map<Chain, Map<String, List<WordForms>>> words = new EnumMap<>(Chain.class);
  private final Map<String, Optional<Map<String, Map<String, Float>>>> nearSpellings =
      new HashMap<>();
  private final Map<String, List<String>> translations = new HashMap<>();

  IndexedTerms(IndexReader reader) {
    this(reader, new TermsEnumPool.Enums(reader));
  }

  /** With the terms enums of an earlier search of {@code reader} (see {@link TermsEnumPool}). */
  IndexedTerms(IndexReader reader, TermsEnumPool.Enums enums) {
    this.reader = reader;
    this.enums = enums;
  }

  IndexReader reader() {
    return reader;
  }

  /** The words of {@code text} in {@code chain}, analysed once per request. */
  List<WordForms> words(TypedWords typedWords, Chain chain, String text) {
    return words
        .computeIfAbsent(chain, c -> new HashMap<>())
        .computeIfAbsent(text, t -> typedWords.of(chain, t));
  }

  /** The glossary's translations of {@code text}, looked up once per request. */
  List<String> translations(Glossary glossary, String text) {
    return translations.computeIfAbsent(text, glossary::translations);
  }

  /**
   * The near spellings of {@code word} per field, looked for once per request; empty for a word
   * that gets none.
   */
  Optional<Map<String, Map<String, Float>>> nearSpellings(
      String word, Function<String, Optional<Map<String, Map<String, Float>>>> lookUp) {
    Optional<Map<String, Map<String, Float>>> found = nearSpellings.get(word);
    if (found == null) {
      found = lookUp.apply(word);
      nearSpellings.put(word, found);
    }
    return found;
  }

  /** Whether some document has {@code text} in {@code field}. */
  boolean has(String field, String text) {
    return states(field, text) != null;
  }

  /**
   * Where {@code text} is in {@code field}, segment by segment, for a query to use as it is rather
   * than seek the term again; null if no document has it.
   */
  TermStates states(String field, String text) {
    FieldText key = new FieldText(field, text);
    Optional<TermStates> found = known.get(key);
    if (found == null) {
      found = lookUp(field, new BytesRef(text));
      known.put(key, found);
    }
    return found.orElse(null);
  }

  /**
   * A term as the map's key, its bytes made only when it is looked up: a {@code Term} would encode
   * and copy them for every question, also for the many asked again (JFR at 13 partners: 2 % of a
   * search's allocation).
   */
  private record FieldText(String field, String text) {}

  private Optional<TermStates> lookUp(String field, BytesRef bytes) {
    try {
      TermStates found = null;
      TermsEnum[] enums = this.enums.of(field);
      List<LeafReaderContext> leaves = reader.leaves();
      for (int i = 0; i < leaves.size(); i++) {
        LeafReaderContext leaf = leaves.get(i);
        TermsEnum te = enums[leaf.ord];
        if (te != null && te.seekExact(bytes)) {
          if (found == null) {
            found = new TermStates(reader.getContext());
          }
          found.register(te.termState(), leaf.ord, te.docFreq(), te.totalTermFreq());
        }
      }
      return Optional.ofNullable(found);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
