package org.partnersearch.search;

import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * How many clauses a query will have at least once rewritten, before it is: every term and leaf
 * counts one, a term-matching query one too, though it may expand to many terms. (Near spellings
 * are expanded into a word's {@code SynonymQuery} when the query is built, so they count here term
 * by term.) A lower bound of what {@code IndexSearcher.rewrite} counts against {@code
 * maxClauseCount}: a query above the limit already need not be rewritten to be known too large.
 */
final class ClauseEstimate extends QueryVisitor {
  private long clauses;

  static long of(Query query) {
    ClauseEstimate estimate = new ClauseEstimate();
    query.visit(estimate);
    return estimate.clauses;
  }

  @Override
  public void consumeTerms(Query query, Term... terms) {
    clauses += terms.length;
  }

  @Override
  public void consumeTermsMatching(
      Query query, String field, Supplier<ByteRunAutomaton> automaton) {
    clauses++;
  }

  @Override
  public void visitLeaf(Query query) {
    clauses++;
  }

  @Override
  public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
    return this;
  }
}
