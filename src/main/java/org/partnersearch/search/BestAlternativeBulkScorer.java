package org.partnersearch.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Scores the documents that any of several alternatives match with the best alternative's score,
 * window by window, as Lucene's {@code BooleanScorer} scores a disjunction with the sum: each
 * alternative scores a window of documents in bulk into buckets (its own bulk scorer, itself
 * windowed for a disjunction), then the window's matches go to the collector in order. The score is
 * exactly a {@code DisjunctionMaxQuery}'s without tie-breaker: the largest of the matching
 * alternatives' scores (scores are never negative).
 */
final class BestAlternativeBulkScorer extends BulkScorer {
  private static final int WINDOW = 1 << 11;

  private final BulkScorer[] alternatives;

  /** Each alternative's next match at or after the windows scored so far. */
  private final int[] next;

  private final FixedBitSet matching = new FixedBitSet(WINDOW);
  private final float[] best = new float[WINDOW];
  private final long cost;

  private final LeafCollector[] into;
  private int windowBase;

  BestAlternativeBulkScorer(List<BulkScorer> alternatives) {
    this.alternatives = alternatives.toArray(BulkScorer[]::new);
    this.next = new int[this.alternatives.length];
    this.into = new LeafCollector[this.alternatives.length];
    Arrays.setAll(into, i -> new IntoBuckets());
    this.cost = alternatives.stream().mapToLong(BulkScorer::cost).sum();
  }

  @Override
  public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
    Match match = new Match();
    collector.setScorer(match);
    int first = skipTo(acceptDocs, min);
    while (first < max) {
      fill(acceptDocs, first, min, max);
      for (int bit = nextBit(0); bit != DocIdSetIterator.NO_MORE_DOCS; bit = nextBit(bit + 1)) {
        match.doc = windowBase + bit;
        match.score = best[bit];
        collector.collect(match.doc);
      }
      clearWindow();
      first = first();
    }
    return first;
  }

  /** The first match at or after {@code min}, every alternative moved there. */
  private int skipTo(Bits acceptDocs, int min) throws IOException {
    for (int i = 0; i < alternatives.length; i++) {
      if (next[i] < min) {
        next[i] = alternatives[i].score(into[i], acceptDocs, min, min);
      }
    }
    return first();
  }

  /**
   * Scores the window of {@code first} (the next match), from {@code min} on and before {@code
   * max}, into the buckets; returns the end of what it scored.
   */
  private int fill(Bits acceptDocs, int first, int min, int max) throws IOException {
    windowBase = first & -WINDOW;
    int windowMin = Math.max(min, windowBase);
    int windowMax = (int) Math.min(max, (long) windowBase + WINDOW);
    for (int i = 0; i < alternatives.length; i++) {
      if (next[i] < windowMax) {
        next[i] = alternatives[i].score(into[i], acceptDocs, windowMin, windowMax);
      }
    }
    return windowMax;
  }

  private int nextBit(int from) {
    return from < WINDOW ? matching.nextSetBit(from) : DocIdSetIterator.NO_MORE_DOCS;
  }

  private void clearWindow() {
    for (int bit = nextBit(0); bit != DocIdSetIterator.NO_MORE_DOCS; bit = nextBit(bit + 1)) {
      best[bit] = 0f;
    }
    matching.clear();
  }

  private int first() {
    int first = DocIdSetIterator.NO_MORE_DOCS;
    for (int n : next) {
      first = Math.min(first, n);
    }
    return first;
  }

  /**
   * The same matches and scores doc by doc, a window scored ahead at a time, for a caller that
   * iterates over every match (the drill-sideways scorer of a filtered search); deleted documents
   * are left to the caller, as any scorer leaves them.
   */
  Scorer asScorer(Weight weight) {
    return new Scorer(weight) {
      private int doc = -1;
      private int windowEnd;

      private final DocIdSetIterator iterator =
          new DocIdSetIterator() {
            @Override
            public int docID() {
              return doc;
            }

            @Override
            public int nextDoc() throws IOException {
              return advance(doc + 1);
            }

            @Override
            public int advance(int target) throws IOException {
              while (true) {
                if (target < windowEnd) {
                  int bit = nextBit(Math.max(0, target - windowBase));
                  if (bit != NO_MORE_DOCS) {
                    return doc = windowBase + bit;
                  }
                  target = windowEnd;
                }
                clearWindow();
                int first = skipTo(null, target);
                if (first == NO_MORE_DOCS) {
                  return doc = NO_MORE_DOCS;
                }
                windowEnd = fill(null, first, target, NO_MORE_DOCS);
              }
            }

            @Override
            public long cost() {
              return cost;
            }
          };

      @Override
      public DocIdSetIterator iterator() {
        return iterator;
      }

      @Override
      public int docID() {
        return doc;
      }

      @Override
      public float score() {
        return best[doc - windowBase];
      }

      @Override
      public float getMaxScore(int upTo) {
        return Float.MAX_VALUE; // asked for only when pruning, which this scorer is not for
      }
    };
  }

  @Override
  public long cost() {
    return cost;
  }

  /** Keeps, per document of the window, the best score of the alternatives that match it. */
  private final class IntoBuckets implements LeafCollector {
    private Scorable scorer;

    @Override
    public void setScorer(Scorable scorer) {
      this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
      int bit = doc - windowBase;
      matching.set(bit);
      best[bit] = Math.max(best[bit], scorer.score());
    }
  }

  /** The document being collected and its score. */
  private static final class Match extends Scorable {
    int doc = -1;
    float score;

    @Override
    public float score() {
      return score;
    }

    @Override
    public int docID() {
      return doc;
    }
  }
}
