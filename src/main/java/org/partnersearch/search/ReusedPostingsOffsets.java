package org.partnersearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter's offsets from the postings, as Lucene reads them, with its terms enum and
 * postings enums reused from one hit to the next.
 *
 * <p>NOTE: why. For each hit and field Lucene makes a new terms enum and, for every query term the
 * segment has, a new postings enum with offsets (eight blocks of 128 longs each), also for the
 * terms the hit lacks. At 13 partners that was a fifth of a search's allocation (JFR). The
 * highlighter reads one hit's offsets to the end and closes them before it asks for the next hit's,
 * so the enums of the previous hit are free again; an enum of another segment is not reused (Lucene
 * checks that itself).
 */
final class ReusedPostingsOffsets extends PostingsOffsetStrategy {
  private final List<PostingsEnum> pool = new ArrayList<>();
  private Terms termsOfEnum;
  private TermsEnum termsEnum;

  ReusedPostingsOffsets(UHComponents components) {
    super(components);
  }

  @Override
  protected void createOffsetsEnumsForTerms(
      BytesRef[] sourceTerms, Terms termsIndex, int doc, List<OffsetsEnum> results)
      throws IOException {
    if (termsIndex != termsOfEnum) {
      termsOfEnum = termsIndex;
      termsEnum = termsIndex.iterator();
    }
    int used = 0;
    for (BytesRef term : sourceTerms) {
      if (!termsEnum.seekExact(term)) {
        continue;
      }
      PostingsEnum reuse = used < pool.size() ? pool.get(used) : null;
      PostingsEnum postings = termsEnum.postings(reuse, PostingsEnum.OFFSETS);
      if (postings == null) {
        throw new IllegalArgumentException(
            "field '" + getField() + "' was indexed without offsets, cannot highlight");
      }
      if (used < pool.size()) {
        pool.set(used, postings);
      } else {
        pool.add(postings);
      }
      // A term the hit lacks leaves its enum free for the next term.
      if (postings.advance(doc) == doc) {
        results.add(new OffsetsEnum.OfPostings(term, postings));
        used++;
      }
    }
  }
}
