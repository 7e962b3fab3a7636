package org.partnersearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Which terms the index has, for one query's building: a word's forms make about ten candidate
 * terms per text, most of which no document has. Lucene looks each term of a query up in every
 * segment with a new terms enum (JFR: allocating their frames was the largest part of a search);
 * here each field's enums are made once per query and reused, and only terms the index has go into
 * the query. Not thread-safe: one per query.
 */
final class IndexedTerms {
  private final IndexReader reader;
  private final Map<String, List<TermsEnum>> enumsByField = new HashMap<>();
  private final Map<Term, Boolean> known = new HashMap<>();

  IndexedTerms(IndexReader reader) {
    this.reader = reader;
  }

  IndexReader reader() {
    return reader;
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
