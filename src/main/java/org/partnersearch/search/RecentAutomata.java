package org.partnersearch.search;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Levenshtein automata of the words looked up most recently, so that the strict, relaxed and
 * did-you-mean queries of one search, and its explanations, build each word's automata once.
 * Building them is the costly part of a near-spelling query; the cache is small and bounded, so a
 * flood of new words only replaces its entries.
 *
 * <p>NOTE: bounded by bytes, not only by words: a word's automaton takes 15 KB at 6 letters, 115 KB
 * at 10 and over 200 KB from 16 (measured), so 256 words could hold 30-60 MB, most of a small heap
 * ({@code -Xmx64m}), to serve a cross-request reuse that a varied query stream rarely gets.
 */
final class RecentAutomata {
  private static final int MAX_WORDS = 256;
  static final long MAX_BYTES = 4L << 20;

  private final Map<String, NearSpellings> recent = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;

  NearSpellings get(String word, int maxEdits) {
    String key = maxEdits + ":" + word;
    synchronized (recent) {
      NearSpellings cached = recent.get(key);
      if (cached != null) {
        return cached;
      }
    }
    // Built outside the lock: two threads may build the same word at once, which costs only time.
    NearSpellings built = NearSpellings.of(word, maxEdits);
    synchronized (recent) {
      NearSpellings replaced = recent.put(key, built);
      bytes += built.ramBytesUsed() - (replaced == null ? 0 : replaced.ramBytesUsed());
      Iterator<NearSpellings> eldest = recent.values().iterator();
      while ((bytes > MAX_BYTES || recent.size() > MAX_WORDS) && recent.size() > 1) {
        bytes -= eldest.next().ramBytesUsed();
        eldest.remove();
      }
    }
    return built;
  }

  /** The bytes the cached automata take, for a test of the bound. */
  long bytes() {
    synchronized (recent) {
      return bytes;
    }
  }
}
