package org.partnersearch.search;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.partnersearch.corpus.Partner;

/**
 * The partners of the hits shown most recently, read from their stored JSON once per generation
 * rather than once per hit of every search (JFR at 13 partners: parsing them was 10 % of a search).
 * Keyed by the generation's reader and the document, so a reindex never answers from an older
 * generation; the bound keeps it a few MB however many partners the index has.
 */
final class RecentPartners {
  static final int MAX_PARTNERS = 1024;

  /** Reads one document's partner, on a miss. */
  @FunctionalInterface
  interface Reader {
    Partner read(int doc) throws IOException;
  }

  private record Key(IndexReader.CacheKey generation, int doc) {}

  private final RecentlyUsed<Key, Partner> recent = new RecentlyUsed<>(MAX_PARTNERS);

  Partner get(IndexReader reader, int doc, Reader read) throws IOException {
    return recent.get(
        new Key(reader.getReaderCacheHelper().getKey(), doc), key -> read.read(key.doc()));
  }

  /** How many partners are kept, for a test of the bound. */
  int size() {
    return recent.size();
  }
}
