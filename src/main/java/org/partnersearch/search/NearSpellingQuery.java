package org.partnersearch.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * The indexed words of one field within a few edits of a typed word, scored like Lucene's
 * {@link FuzzyQuery} (boost {@code 1 - edits / length}, the best 50 terms, blended frequencies), but
 * with the Levenshtein automata built once per word and shared by the word's queries in every field:
 * {@code FuzzyQuery} builds them anew for each field, which JFR showed to be most of a search's CPU.
 */
final class NearSpellingQuery extends MultiTermQuery {
  /** Lucene's default: a near spelling expands to at most this many indexed words. */
  static final int MAX_EXPANSIONS = FuzzyQuery.defaultMaxExpansions;

  private final Automata automata;

  NearSpellingQuery(String field, Automata automata) {
    super(field, new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS));
    this.automata = automata;
  }

  /**
   * The automata of one typed word: the word's terms within {@code maxEdits} edits (the first
   * character fixed, a transposition one edit), and within one edit to tell one-edit terms apart.
   */
  record Automata(String text, BytesRef bytes, int maxEdits, int textLength, CompiledAutomaton widest,
      CompiledAutomaton oneEdit) {
    private static final int PREFIX = 1;

    static Automata of(String text, int maxEdits) {
      CompiledAutomaton widest = FuzzyQuery.getFuzzyAutomaton(text, maxEdits, PREFIX, true);
      CompiledAutomaton oneEdit = maxEdits > 1 ? FuzzyQuery.getFuzzyAutomaton(text, 1, PREFIX, true) : widest;
      return new Automata(text, new BytesRef(text), maxEdits, text.codePointCount(0, text.length()), widest, oneEdit);
    }

    /** The boost FuzzyQuery gives {@code term}: 1 for the word itself, less the more edits it takes. */
    float boost(BytesRef term) {
      int edits;
      if (term.bytesEquals(bytes)) {
        edits = 0;
      } else if (oneEdit.runAutomaton.run(term.bytes, term.offset, term.length)) {
        edits = 1;
      } else {
        edits = maxEdits;
      }
      int shorter = Math.min(UnicodeUtil.codePointCount(term), textLength);
      return edits == 0 ? 1f : 1f - (float) edits / shorter;
    }
  }

  @Override
  protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
    return new FilteredTermsEnum(automata.widest().getTermsEnum(terms), false) {
      private final BoostAttribute boost = attributes().addAttribute(BoostAttribute.class);

      @Override
      protected AcceptStatus accept(BytesRef term) {
        boost.setBoost(automata.boost(term));
        return AcceptStatus.YES;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(field)) {
      automata.widest().visit(visitor, this, field);
    }
  }

  /** The typed word this query looks for near spellings of. */
  Term term() {
    return new Term(field, automata.text());
  }

  @Override
  public String toString(String defaultField) {
    return (field.equals(defaultField) ? "" : field + ":") + automata.text() + "~" + automata.maxEdits();
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && field.equals(((NearSpellingQuery) other).field)
        && automata.text().equals(((NearSpellingQuery) other).automata.text())
        && automata.maxEdits() == ((NearSpellingQuery) other).automata.maxEdits();
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), field, automata.text(), automata.maxEdits());
  }
}
