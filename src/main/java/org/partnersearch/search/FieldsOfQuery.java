package org.partnersearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * The part of a rewritten query that can match in some fields: what the highlighter needs for one
 * field family. The highlighter asks the whole query for its matches once per field and hit, which
 * looks up every term of every field (JFR: most of a search's CPU); a query of only the family's
 * clauses looks up a sixth of them. Required clauses become optional: the hit already matched the
 * whole query, and in these fields any clause that matches deserves its mark.
 */
final class FieldsOfQuery {
  private final IndexReader reader;
  private final Map<Term, Boolean> indexed = new HashMap<>();

  /** @param reader terms it does not have are left out too: each would cost a lookup per hit and field */
  FieldsOfQuery(IndexReader reader) {
    this.reader = reader;
  }

  /**
   * The clauses of {@code query} in {@code fields}, or null if it has none. The top-level clauses
   * (one per query word) become optional, since the hit matched them somewhere; below them a clause
   * that must match still must, in these fields, so a compound's parts are marked only together.
   */
  Query of(Query query, Set<String> fields) {
    if (!(query instanceof BooleanQuery bool)) {
      return within(query, fields);
    }
    List<Query> positive = new ArrayList<>();
    for (BooleanClause c : bool.clauses()) {
      if (c.getOccur() == BooleanClause.Occur.MUST || c.getOccur() == BooleanClause.Occur.SHOULD) {
        positive.add(c.getQuery());
      }
    }
    List<Query> kept = kept(positive, fields);
    if (kept.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    kept.forEach(q -> any.add(q, BooleanClause.Occur.SHOULD));
    return any.build();
  }

  private Query within(Query query, Set<String> fields) {
    if (query instanceof BoostQuery boost) {
      Query inner = within(boost.getQuery(), fields);
      return inner == null ? null : new BoostQuery(inner, boost.getBoost());
    }
    if (query instanceof ConstantScoreQuery constant) {
      Query inner = within(constant.getQuery(), fields);
      return inner == null ? null : new ConstantScoreQuery(inner);
    }
    if (query instanceof DisjunctionMaxQuery dismax) {
      List<Query> kept = kept(dismax.getDisjuncts(), fields);
      return kept.isEmpty() ? null : new DisjunctionMaxQuery(kept, dismax.getTieBreakerMultiplier());
    }
    if (query instanceof BooleanQuery bool) {
      return booleanWithin(bool, fields);
    }
    String field = fieldOf(query);
    if (field == null) {
      return query;
    }
    return fields.contains(field) && canMatch(query) ? query : null;
  }

  /** False if the index lacks a term the leaf needs. */
  private boolean canMatch(Query leaf) {
    if (leaf instanceof TermQuery term) {
      return isIndexed(term.getTerm());
    }
    if (leaf instanceof PhraseQuery phrase) {
      return Arrays.stream(phrase.getTerms()).allMatch(this::isIndexed);
    }
    if (leaf instanceof SynonymQuery synonym) {
      return synonym.getTerms().stream().anyMatch(this::isIndexed);
    }
    return true;
  }

  private boolean isIndexed(Term term) {
    return indexed.computeIfAbsent(term, t -> {
      try {
        return reader.docFreq(t) > 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Null if a required clause cannot match in {@code fields}, or too few optional ones can. */
  private Query booleanWithin(BooleanQuery bool, Set<String> fields) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
    int required = 0;
    int optional = 0;
    for (BooleanClause c : bool.clauses()) {
      if (c.getOccur() == BooleanClause.Occur.MUST_NOT || c.getOccur() == BooleanClause.Occur.FILTER) {
        continue; // matches nothing to mark
      }
      Query kept = within(c.getQuery(), fields);
      if (kept == null && c.getOccur() == BooleanClause.Occur.MUST) {
        return null;
      }
      if (kept != null) {
        b.add(kept, c.getOccur());
        if (c.getOccur() == BooleanClause.Occur.MUST) {
          required++;
        } else {
          optional++;
        }
      }
    }
    if (optional < bool.getMinimumNumberShouldMatch() || required + optional == 0) {
      return null;
    }
    return b.build();
  }

  private List<Query> kept(Iterable<Query> queries, Set<String> fields) {
    List<Query> kept = new ArrayList<>();
    for (Query q : queries) {
      Query k = within(q, fields);
      if (k != null) {
        kept.add(k);
      }
    }
    return kept;
  }

  /** The one field a leaf query searches, or null for a kind of query this class does not know (kept whole). */
  private static String fieldOf(Query leaf) {
    if (leaf instanceof TermQuery term) {
      return term.getTerm().field();
    }
    if (leaf instanceof PhraseQuery phrase) {
      return phrase.getField();
    }
    if (leaf instanceof SynonymQuery synonym) {
      return synonym.getField();
    }
    if (leaf instanceof MultiPhraseQuery multi && multi.getTermArrays().length > 0 && multi.getTermArrays()[0].length > 0) {
      return multi.getTermArrays()[0][0].field();
    }
    return null;
  }
}
