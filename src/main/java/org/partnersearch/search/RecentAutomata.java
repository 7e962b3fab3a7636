package org.partnersearch.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Levenshtein automata of the words looked up most recently, so that the strict, relaxed and
 * did-you-mean queries of one search, and its explanations, build each word's automata once. Building
 * them is the costly part of a near-spelling query; the cache is small and bounded, so a flood of
 * new words only replaces its entries.
 */
final class RecentAutomata {
  private static final int MAX_WORDS = 256;

  private final Map<String, NearSpellings> recent = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, NearSpellings> eldest) {
      return size() > MAX_WORDS;
    }
  };

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
      recent.put(key, built);
    }
    return built;
  }
}
