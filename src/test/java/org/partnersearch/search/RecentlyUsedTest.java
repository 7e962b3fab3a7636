package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The recent values stay within their bound and right for their keys, one thread or many. */
class RecentlyUsedTest {
  @Test
  void theLeastRecentlyUsedKeyGoesFirst() {
    RecentlyUsed<Integer, String> recent = new RecentlyUsed<>(2);
    AtomicInteger made = new AtomicInteger();
    RecentlyUsed.Maker<Integer, String, RuntimeException> maker =
        k -> {
          made.incrementAndGet();
          return "v" + k;
        };
    recent.get(1, maker);
    recent.get(2, maker);
    recent.get(1, maker); // 1 is now more recent than 2
    recent.get(3, maker); // so 2 goes
    assertEquals(3, made.get());
    recent.get(1, maker);
    assertEquals(3, made.get(), "1 was kept");
    recent.get(2, maker);
    assertEquals(4, made.get(), "2 was dropped");
    assertEquals(2, recent.size());
  }

  @Test
  void aNullIsNotKept() {
    RecentlyUsed<Integer, String> recent = new RecentlyUsed<>(4);
    assertNull(recent.get(1, k -> null));
    assertEquals(0, recent.size());
  }

  @Test
  void manyThreadsGetTheirKeysValuesAndTheBoundHolds() throws Exception {
    int max = 64;
    RecentlyUsed<Integer, String> recent = new RecentlyUsed<>(max);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> wrong = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        wrong.add(
            threads.submit(
                () -> {
                  int errors = 0;
                  for (int i = 0; i < 20_000; i++) {
                    int key = ThreadLocalRandom.current().nextInt(3 * max);
                    if (!recent.get(key, k -> "v" + k).equals("v" + key)) {
                      errors++;
                    }
                  }
                  return errors;
                }));
      }
      for (Future<Integer> w : wrong) {
        assertEquals(0, w.get());
      }
    } finally {
      threads.shutdown();
    }
    assertEquals(max, recent.size());
  }
}
