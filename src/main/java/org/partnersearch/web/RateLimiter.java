package org.partnersearch.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per client (Bucket4j): {@code perWindow} requests, refilled evenly over the
 * window. Buckets of the least recently seen clients are forgotten beyond {@code maxClients}, so a
 * flood of addresses cannot grow memory without bound.
 */
final class RateLimiter {
  private static final int MAX_CLIENTS = 10_000;

  private final long perWindow;
  private final Duration window;
  private final Map<String, Bucket> buckets =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > MAX_CLIENTS;
        }
      };

  RateLimiter(long perWindow, Duration window) {
    this.perWindow = perWindow;
    this.window = window;
  }

  /** Takes one token; empty when allowed, otherwise how long until the next token. */
  Optional<Duration> take(String client) {
    Bucket bucket;
    synchronized (buckets) {
      bucket =
          buckets.computeIfAbsent(
              client,
              c ->
                  Bucket.builder()
                      .addLimit(l -> l.capacity(perWindow).refillGreedy(perWindow, window))
                      .build());
    }
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }
}
