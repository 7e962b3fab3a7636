package org.partnersearch.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of the keys used most recently, at most a fixed number: what a search derives from its
 * words or hits, kept for the next searches without letting what clients type grow the heap.
 * Thread-safe; a value is made outside the lock, so two threads may make the same one at once,
 * which costs only time.
 */
final class RecentlyUsed<K, V> {
  /** Makes the value of a key not kept (yet). */
  @FunctionalInterface
  interface Maker<K, V, E extends Exception> {
    V make(K key) throws E;
  }

  private final Map<K, V> recent;

  RecentlyUsed(int max) {
    recent =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > max;
          }
        };
  }

  <E extends Exception> V get(K key, Maker<K, V, E> maker) throws E {
    synchronized (recent) {
      V kept = recent.get(key);
      if (kept != null) {
        return kept;
      }
    }
    V made = maker.make(key);
    synchronized (recent) {
      recent.put(key, made);
    }
    return made;
  }

  /** How many values are kept, for tests of the bounds. */
  int size() {
    synchronized (recent) {
      return recent.size();
    }
  }
}
