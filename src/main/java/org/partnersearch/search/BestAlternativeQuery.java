package org.partnersearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * The alternative ways a word can match (as typed, by a compound's parts, by a translated phrase),
 * the best one counting: a {@link DisjunctionMaxQuery} without tie-breaker, the same matches,
 * scores and explanations, which scores every match in windows when it is the whole query ({@link
 * BestAlternativeBulkScorer}).
 *
 * <p>NOTE: why. A search scores every match once, for its exact count and facets ({@link
 * FacetedSearch}), and Lucene's disjunction-max scorer advances its alternatives doc by doc through
 * a heap of nested heaps: at 100,000 partners "Krebsforschung" (84,729 matches) took 78–117 ms of
 * CPU that way, its three alternatives searched one by one 47–91 ms, and a sum of them in a boolean
 * query, which Lucene scores in windows, 43–53 ms. Nested in a larger query, or asked for the top
 * hits only, it is the disjunction-max query itself.
 *
 * <p>Lucene 10.1 scores a top-level {@link DisjunctionMaxQuery} without tie-breaker in windows
 * itself ({@code DisjunctionMaxBulkScorer}, apache/lucene#14040); Lucene 9.12, which we are on,
 * does not. On an upgrade to 10.1 or later, delete this class and its bulk scorer and use the
 * disjunction-max query again ({@code BestAlternativeQueryTest} shows the answers are the same).
 */
final class BestAlternativeQuery extends Query {
  private final DisjunctionMaxQuery alternatives;

  BestAlternativeQuery(Collection<Query> alternatives) {
    this(new DisjunctionMaxQuery(alternatives, 0f));
  }

  private BestAlternativeQuery(DisjunctionMaxQuery alternatives) {
    this.alternatives = alternatives;
  }

  /** The same query scored doc by doc. */
  DisjunctionMaxQuery alternatives() {
    return alternatives;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = alternatives.rewrite(searcher);
    if (rewritten == alternatives) {
      return this;
    }
    return rewritten instanceof DisjunctionMaxQuery max && max.getTieBreakerMultiplier() == 0f
        ? new BestAlternativeQuery(max)
        : rewritten;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    // NOTE: not for a pass without scores (the probe for a first match stops at once, which
    // windows would not)
    return scoreMode == ScoreMode.COMPLETE
        ? new ExhaustiveWeight(searcher, scoreMode, boost)
        : alternatives.createWeight(searcher, scoreMode, boost);
  }

  /**
   * For a pass that scores every match: bulk scoring in windows; anything else (a scorer for an
   * enclosing query, explain, highlighting) from the disjunction-max query's own weight. Each is
   * made only when asked for: both would look the same terms up in every segment.
   */
  private final class ExhaustiveWeight extends Weight {
    private final IndexSearcher searcher;
    private final ScoreMode scoreMode;
    private final float boost;
    private Weight max;
    private List<Weight> each;

    ExhaustiveWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      super(BestAlternativeQuery.this);
      this.searcher = searcher;
      this.scoreMode = scoreMode;
      this.boost = boost;
    }

    private synchronized Weight max() throws IOException {
      if (max == null) {
        max = alternatives.createWeight(searcher, scoreMode, boost);
      }
      return max;
    }

    private synchronized List<Weight> each() throws IOException {
      if (each == null) {
        each = new ArrayList<>();
        for (Query q : alternatives.getDisjuncts()) {
          each.add(searcher.createWeight(q, scoreMode, boost));
        }
      }
      return each;
    }

    @Override
    public BulkScorer bulkScorer(LeafReaderContext context) throws IOException {
      return windowed(context);
    }

    /** Null if no alternative matches in the segment. */
    private BestAlternativeBulkScorer windowed(LeafReaderContext context) throws IOException {
      List<BulkScorer> scorers = new ArrayList<>();
      for (Weight w : each()) {
        BulkScorer s = SmallSegments.bulkScorer(w, context);
        if (s != null) {
          scorers.add(s);
        }
      }
      return scorers.isEmpty() ? null : new BestAlternativeBulkScorer(scorers);
    }

    /**
     * Scored ahead in windows for a caller that goes through every match (a filtered search's
     * drill-sideways scorer, a disjunction); doc by doc, as the disjunction-max query scores, for
     * one that leaps from match to match (a conjunction led by another, rarer clause).
     */
    @Override
    public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
      Weight weight = this;
      return new ScorerSupplier() {
        private ScorerSupplier max;

        private ScorerSupplier max() throws IOException {
          if (max == null) {
            max = ExhaustiveWeight.this.max().scorerSupplier(context);
          }
          return max;
        }

        @Override
        public Scorer get(long leadCost) throws IOException {
          if (leadCost == Long.MAX_VALUE) {
            BestAlternativeBulkScorer windowed = windowed(context);
            return windowed == null
                ? new ConstantScoreScorer(weight, 0f, scoreMode, DocIdSetIterator.empty())
                : windowed.asScorer(weight);
          }
          ScorerSupplier doc = max();
          return doc == null
              ? new ConstantScoreScorer(weight, 0f, scoreMode, DocIdSetIterator.empty())
              : doc.get(leadCost);
        }

        @Override
        public long cost() {
          try {
            ScorerSupplier doc = max();
            return doc == null ? 0 : doc.cost();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    }

    @Override
    public Scorer scorer(LeafReaderContext context) throws IOException {
      return max().scorer(context);
    }

    @Override
    public int count(LeafReaderContext context) throws IOException {
      return max().count(context);
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
      return max().explain(context, doc);
    }

    @Override
    public Matches matches(LeafReaderContext context, int doc) throws IOException {
      return max().matches(context, doc);
    }

    /**
     * NOTE: never cached: the query cache keeps only what runs without scores, for which this query
     * is the disjunction-max query's own weight; asking that weight would look every term up again.
     */
    @Override
    public boolean isCacheable(LeafReaderContext context) {
      return false;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    alternatives.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return alternatives.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && alternatives.equals(((BestAlternativeQuery) other).alternatives);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), alternatives);
  }
}
