package org.partnersearch.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * What recent searches looked up in one generation's term dictionary, kept for the next ones:
 * whether a term is indexed (a word's forms make about ten candidate terms per text, each sought in
 * every segment) and a possible typo's near spellings (a walk over the terms). JFR at 13 partners:
 * the two were about a sixth of a search, for words that the searches before had looked up already.
 * Keyed by the generation's reader, so a reindex never answers from an older one; bounded by
 * entries, the near spellings (up to 50 terms per text each) far more tightly than the terms.
 */
final class RecentLookups {
  static final int MAX_TERMS = 16_384;
  static final int MAX_NEAR_SPELLINGS = 256;

  private record Key(IndexReader.CacheKey generation, Object what) {}

  private final Bounded<Boolean> terms = new Bounded<>(MAX_TERMS);
  private final Bounded<Optional<Map<String, Map<String, Float>>>> nearSpellings =
      new Bounded<>(MAX_NEAR_SPELLINGS);

  boolean has(IndexReader reader, Term term, Supplier<Boolean> lookUp) {
    return terms.get(new Key(reader.getReaderCacheHelper().getKey(), term), lookUp);
  }

  Optional<Map<String, Map<String, Float>>> nearSpellings(
      IndexReader reader, String word, Supplier<Optional<Map<String, Map<String, Float>>>> lookUp) {
    return nearSpellings.get(new Key(reader.getReaderCacheHelper().getKey(), word), lookUp);
  }

  /** How many entries are kept, for a test of the bounds. */
  int size() {
    return terms.size() + nearSpellings.size();
  }

  /** A map that drops its least recently used entry past {@code max}. */
  private static final class Bounded<V> {
    private final Map<Key, V> recent;

    Bounded(int max) {
      recent =
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
              return size() > max;
            }
          };
    }

    V get(Key key, Supplier<V> lookUp) {
      synchronized (recent) {
        V cached = recent.get(key);
        if (cached != null) {
          return cached;
        }
      }
      // Looked up outside the lock: two threads may look up the same at once, costing only time.
      V found = lookUp.get();
      synchronized (recent) {
        recent.put(key, found);
      }
      return found;
    }

    int size() {
      synchronized (recent) {
        return recent.size();
      }
    }
  }
}
