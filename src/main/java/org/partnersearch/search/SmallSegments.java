package org.partnersearch.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * How a weight scores every match of a segment: Lucene's own bulk scorer, except in a segment too
 * small for it to pay.
 *
 * <p>NOTE: why. A disjunction's bulk scorer in Lucene 9.12 ({@code BooleanScorer}) scores in
 * windows of 2,048 documents and allocates 2,048 buckets for each segment it scores (about 57 KB),
 * however few documents the segment has. At 13 partners a search made three to five of them (JFR: a
 * tenth of a search's allocation, which is what the {@code -Xmx64m} figure measures); a segment
 * smaller than one window is scored doc by doc, as Lucene itself does for other queries. The scores
 * are the same sums.
 */
final class SmallSegments {
  /** {@code BooleanScorer}'s window: a segment below it fits into one window anyway. */
  static final int WINDOW = 1 << 11;

  private SmallSegments() {}

  /** {@code weight}'s bulk scorer for {@code context}; null where nothing matches there. */
  static BulkScorer bulkScorer(Weight weight, LeafReaderContext context) throws IOException {
    if (context.reader().maxDoc() >= WINDOW) {
      return weight.bulkScorer(context);
    }
    // Lucene's default bulk scorer, over the weight's own scorer for a caller that visits every
    // match.
    Weight docAtATime =
        new FilterWeight(weight) {
          @Override
          public ScorerSupplier scorerSupplier(LeafReaderContext leaf) throws IOException {
            return in.scorerSupplier(leaf);
          }
        };
    return docAtATime.bulkScorer(context);
  }
}
