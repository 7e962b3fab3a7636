package org.partnersearch.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;

/**
 * Terms enums kept from one search to the next, for {@link IndexedTerms}' lookups.
 *
 * <p>NOTE: why. A terms enum allocates a frame (with its byte buffers) for each level of the term
 * dictionary it descends to, the first time it gets there; a search's new enums did that again for
 * every field (JFR at 13 partners: 8 % of a search's allocation). An enum serves one search at a
 * time; at most {@link #KEPT} sets are kept, and a set of a reader no longer served is dropped when
 * it comes up.
 */
final class TermsEnumPool {
  /** About as many as searches run at once (the server's request threads). */
  static final int KEPT = 8;

  private final ConcurrentLinkedDeque<Enums> free = new ConcurrentLinkedDeque<>();

  /** One search's enums for {@code reader}: kept ones if there are, else new ones. */
  Enums borrow(IndexReader reader) {
    for (Enums kept = free.pollFirst(); kept != null; kept = free.pollFirst()) {
      if (kept.reader == reader) {
        return kept;
      }
    }
    return new Enums(reader);
  }

  /** {@code enums} free again for the next search, unless enough are kept. */
  void giveBack(Enums enums) {
    if (free.size() < KEPT) {
      free.offerFirst(enums);
    }
  }

  /** Each field's terms enums of one reader, one a segment; for one search at a time. */
  static final class Enums {
    private final IndexReader reader;
    private final Map<String, TermsEnum[]> byField = new HashMap<>();

    Enums(IndexReader reader) {
      this.reader = reader;
    }

    /** One terms enum per segment (by its ord), null where the segment lacks the field. */
    TermsEnum[] of(String field) throws IOException {
      TermsEnum[] enums = byField.get(field);
      if (enums == null) {
        List<LeafReaderContext> leaves = reader.leaves();
        enums = new TermsEnum[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
          Terms terms = leaf.reader().terms(field);
          if (terms != null) {
            enums[leaf.ord] = terms.iterator();
          }
        }
        byField.put(field, enums);
      }
      return enums;
    }
  }
}
