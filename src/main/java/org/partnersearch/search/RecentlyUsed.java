package org.partnersearch.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The values of the keys used most recently, at most a fixed number: what a search derives from its
 * words or hits, kept for the next searches without letting what clients type grow the heap.
 * Thread-safe; a value is made outside the lock, so two threads may make the same one at once,
 * which costs only time.
 *
 * <p>A hit never waits for another thread: under load a search thread holding one lock over the
 * access order was preempted often enough that JFR counted hundreds of waits of 10 ms and more. A
 * hit reads a concurrent map and updates the order only if the lock is free, so the order (and
 * which key goes first) is exact for one thread and approximate under contention.
 */
final class RecentlyUsed<K, V> {
  /** Makes the value of a key not kept (yet). */
  @FunctionalInterface
  interface Maker<K, V, E extends Exception> {
    V make(K key) throws E;
  }

  private final Map<K, V> values = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<K, Boolean> order;

  RecentlyUsed(int max) {
    order =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Boolean> eldest) {
            boolean full = size() > max;
            if (full) {
              values.remove(eldest.getKey());
            }
            return full;
          }
        };
  }

  <E extends Exception> V get(K key, Maker<K, V, E> maker) throws E {
    V kept = values.get(key);
    if (kept != null) {
      if (lock.tryLock()) {
        try {
          order.get(key);
        } finally {
          lock.unlock();
        }
      }
      return kept;
    }
    V made = maker.make(key);
    if (made == null) {
      return null; // a concurrent map holds no nulls; the old map's null was made anew each time
    }
    lock.lock();
    try {
      values.put(key, made);
      order.put(key, Boolean.TRUE);
    } finally {
      lock.unlock();
    }
    return made;
  }

  /** How many values are kept, for tests of the bounds. */
  int size() {
    lock.lock();
    try {
      return order.size();
    } finally {
      lock.unlock();
    }
  }
}
