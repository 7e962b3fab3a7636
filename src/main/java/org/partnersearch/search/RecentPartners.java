package org.partnersearch.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
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

  private final Map<Key, Partner> recent =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Partner> eldest) {
          return size() > MAX_PARTNERS;
        }
      };

  Partner get(IndexReader reader, int doc, Reader read) throws IOException {
    Key key = new Key(reader.getReaderCacheHelper().getKey(), doc);
    synchronized (recent) {
      Partner cached = recent.get(key);
      if (cached != null) {
        return cached;
      }
    }
    // Read outside the lock: two threads may read the same partner at once, which costs only time.
    Partner partner = read.read(doc);
    synchronized (recent) {
      recent.put(key, partner);
    }
    return partner;
  }

  /** How many partners are kept, for a test of the bound. */
  int size() {
    synchronized (recent) {
      return recent.size();
    }
  }
}
