package org.partnersearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.partnersearch.analysis.Chain;
import org.partnersearch.serving.Glossary;

/**
 * Which terms the index has, for one request's queries: a word's forms make about ten candidate
 * terms per text, most of which no document has. Lucene looks each term of a query up in every
 * segment with a new terms enum (JFR: allocating their frames was the largest part of a search);
 * here each field's enums are made once per request and reused, and only terms the index has go
 * into the query. Also what else a request's queries look up about a typed word: its analysis per
 * chain, its near spellings and glossary translations. A search builds up to four queries from the
 * same words (the strict one, the relaxation ladder's, did-you-mean's), and each looked all of it
 * up again (JFR at 13 partners: a relaxed search cost 1.7 times a plain one). Not thread-safe: one
 * per request.
 */
final class IndexedTerms {
  private final IndexReader reader;
  private final Map<String, List<TermsEnum>> enumsByField = new HashMap<>();
  private final Map<Term, Boolean> known = new HashMap<>();
  private final Map<Chain, Map<String, List<WordForms>>> words = new EnumMap<>(Chain.class);
  private final Map<String, Optional<Map<String, Map<String, Float>>>> nearSpellings =
      new HashMap<>();
  private final Map<String, List<String>> translations = new HashMap<>();

  IndexedTerms(IndexReader reader) {
    this.reader = reader;
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
    return known.computeIfAbsent(new Term(field, text), this::lookUp);
  }

  private boolean lookUp(Term term) {
    try {
      BytesRef bytes = term.bytes();
      for (TermsEnum te : enums(term.field())) {
        if (te.seekExact(bytes)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<TermsEnum> enums(String field) throws IOException {
    List<TermsEnum> enums = enumsByField.get(field);
    if (enums == null) {
      enums = new ArrayList<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(field);
        if (terms != null) {
          enums.add(terms.iterator());
        }
      }
      enumsByField.put(field, enums);
    }
    return enums;
  }
}
