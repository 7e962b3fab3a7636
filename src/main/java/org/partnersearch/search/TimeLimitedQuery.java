package org.partnersearch.search;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Stops matching documents once a request's time budget is spent: the hits found so far stand, and
 * {@link #timedOut()} says the answer is partial. It works inside any scorer, including
 * DrillSideways', which refuses the windowed scoring of {@code IndexSearcher.setTimeout}.
 */
final class TimeLimitedQuery extends Query {
  /** Checking the clock costs little, but not nothing: once every this many documents. */
  private static final int CHECK_EVERY = 256;

  private final Query in;
  private final QueryTimeout timeout;
  private final AtomicBoolean timedOut;

  TimeLimitedQuery(Query in, QueryTimeout timeout) {
    this(in, timeout, new AtomicBoolean());
  }

  private TimeLimitedQuery(Query in, QueryTimeout timeout, AtomicBoolean timedOut) {
    this.in = in;
    this.timeout = timeout;
    this.timedOut = timedOut;
  }

  boolean timedOut() {
    return timedOut.get();
  }

  Query unwrap() {
    return in;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = in.rewrite(searcher);
    return rewritten == in ? this : new TimeLimitedQuery(rewritten, timeout, timedOut);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight weight = in.createWeight(searcher, scoreMode, boost);
    return new FilterWeight(this, weight) {
      @Override
      public Scorer scorer(LeafReaderContext context) throws IOException {
        Scorer scorer = in.scorer(context);
        return scorer == null ? null : new TimedScorer(this, scorer);
      }

      /**
       * The wrapped query's own choice of scorer for how its caller goes through the matches
       * (FilterWeight would ask for a plain {@link #scorer}): every match for the drill-sideways
       * scorer of a filtered search.
       */
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier inner = in.scorerSupplier(context);
        if (inner == null) {
          return null;
        }
        Weight weight = this;
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new TimedScorer(weight, inner.get(leadCost));
          }

          @Override
          public long cost() {
            return inner.cost();
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            inner.setTopLevelScoringClause();
          }
        };
      }

      /**
       * The wrapped query's own bulk scorer, in windows with a look at the clock between them: a
       * disjunction of words scores in bulk with MaxScore, skipping what cannot make the top hits,
       * which the default bulk scorer over {@link #scorer} cannot.
       */
      @Override
      public BulkScorer bulkScorer(LeafReaderContext context) throws IOException {
        BulkScorer bulk = SmallSegments.bulkScorer(in, context);
        return bulk == null ? null : new TimedBulkScorer(bulk);
      }
    };
  }

  private final class TimedBulkScorer extends BulkScorer {
    /** Documents scored between two looks at the clock, as Lucene's own time limit does. */
    private static final int WINDOW = 1 << 12;

    private final BulkScorer in;

    TimedBulkScorer(BulkScorer in) {
      this.in = in;
    }

    @Override
    public int score(LeafCollector collector, Bits acceptDocs, int min, int max)
        throws IOException {
      int next = min;
      while (next < max) {
        if (timedOut.get() || timeout.shouldExit()) {
          timedOut.set(true);
          return DocIdSetIterator.NO_MORE_DOCS;
        }
        next = in.score(collector, acceptDocs, next, (int) Math.min(max, (long) next + WINDOW));
      }
      return next;
    }

    @Override
    public long cost() {
      return in.cost();
    }
  }

  private final class TimedScorer extends Scorer {
    private final Scorer in;
    private final TwoPhaseIterator twoPhase;
    private final DocIdSetIterator iterator;

    /**
     * A two-phase scorer stays two-phase, with the clock on its approximation: a phrase in a
     * conjunction (a filtered search) then reads positions only where the other clauses match too.
     */
    TimedScorer(Weight weight, Scorer in) {
      super(weight);
      this.in = in;
      TwoPhaseIterator inTwoPhase = in.twoPhaseIterator();
      if (inTwoPhase == null) {
        this.twoPhase = null;
        this.iterator = new TimedIterator(in.iterator());
      } else {
        TimedIterator approximation = new TimedIterator(inTwoPhase.approximation());
        this.twoPhase =
            new TwoPhaseIterator(approximation) {
              @Override
              public boolean matches() throws IOException {
                return inTwoPhase.matches();
              }

              @Override
              public float matchCost() {
                return inTwoPhase.matchCost();
              }
            };
        this.iterator = TwoPhaseIterator.asDocIdSetIterator(twoPhase);
      }
    }

    @Override
    public DocIdSetIterator iterator() {
      return iterator;
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return twoPhase;
    }

    @Override
    public int docID() {
      return iterator.docID();
    }

    @Override
    public float score() throws IOException {
      return in.score();
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo);
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      in.setMinCompetitiveScore(minScore);
    }
  }

  private final class TimedIterator extends DocIdSetIterator {
    private final DocIdSetIterator in;
    private int calls;
    private int doc = -1;

    TimedIterator(DocIdSetIterator in) {
      this.in = in;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() throws IOException {
      return doc = expired() ? NO_MORE_DOCS : in.nextDoc();
    }

    @Override
    public int advance(int target) throws IOException {
      return doc = expired() ? NO_MORE_DOCS : in.advance(target);
    }

    @Override
    public long cost() {
      return in.cost();
    }

    private boolean expired() {
      if (timedOut.get()) {
        return true;
      }
      if (++calls % CHECK_EVERY == 1 && timeout.shouldExit()) {
        timedOut.set(true);
        return true;
      }
      return false;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "timeLimited(" + in.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && in.equals(((TimeLimitedQuery) other).in)
        && timeout == ((TimeLimitedQuery) other).timeout;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), in, System.identityHashCode(timeout));
  }
}
