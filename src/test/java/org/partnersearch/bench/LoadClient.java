package org.partnersearch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * A loopback HTTP load generator recording latencies (µs) into HdrHistogram. Closed loop: N
 * clients, each sending its next request when the last one answered. Open loop: requests scheduled
 * at a constant rate, each latency counted from its intended start (so a stalled server is not
 * hidden by clients that stop sending, "coordinated omission"). Every loop is bounded in time and
 * count.
 */
final class LoadClient {
  /** A bound on any one loop besides its time. */
  static final long MAX_REQUESTS = 5_000_000;

  private static final long MAX_LATENCY_MICROS = 60_000_000L;

  /** Workers of the open loop: how many requests may be outstanding at once. */
  private static final int OPEN_LOOP_WORKERS = 64;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** What one load phase measured. */
  record Result(Histogram histogram, long requests, double seconds, long errors) {
    double throughput() {
      return requests / seconds;
    }

    long percentile(double p) {
      return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(p);
    }

    String line(String name) {
      return String.format(
          "%-13s %8d requests, %8.0f req/s, p50 %6d µs, p99 %6d µs, p99.9 %6d µs, errors %d",
          name, requests, throughput(), percentile(50), percentile(99), percentile(99.9), errors);
    }
  }

  /**
   * {@code clients} threads, each sending the URLs round-robin (from its own offset) until the time
   * is up.
   */
  Result closedLoop(List<String> urls, int clients, double seconds) throws Exception {
    List<URI> uris = urls.stream().map(URI::create).toList();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      long started = System.nanoTime();
      long deadline = started + (long) (seconds * 1e9);
      long perClient = MAX_REQUESTS / clients;
      List<Future<long[]>> done = new ArrayList<>();
      List<Histogram> histograms = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        Histogram h = new Histogram(MAX_LATENCY_MICROS, 3);
        histograms.add(h);
        int offset = c * 7919;
        done.add(
            pool.submit(
                () -> {
                  long count = 0;
                  long errors = 0;
                  while (System.nanoTime() < deadline && count < perClient) {
                    long t0 = System.nanoTime();
                    errors += send(uris.get((int) ((offset + count) % uris.size())));
                    h.recordValue(
                        Math.min(MAX_LATENCY_MICROS, Math.max(1, (System.nanoTime() - t0) / 1000)));
                    count++;
                  }
                  return new long[] {count, errors};
                }));
      }
      return collect(done, histograms, started);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Requests at {@code rate} per second for {@code seconds}; request i is due at {@code start +
   * i/rate} and its latency runs from then, however long it waited for a free worker.
   */
  Result openLoop(List<String> urls, double rate, double seconds) throws Exception {
    List<URI> uris = urls.stream().map(URI::create).toList();
    long total = Math.min(MAX_REQUESTS, (long) (rate * seconds));
    double intervalNanos = 1e9 / rate;
    AtomicLong next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(OPEN_LOOP_WORKERS);
    try {
      long started = System.nanoTime() + 50_000_000L;
      long hardStop = started + (long) (seconds * 3e9);
      List<Future<long[]>> done = new ArrayList<>();
      List<Histogram> histograms = new ArrayList<>();
      for (int w = 0; w < OPEN_LOOP_WORKERS; w++) {
        Histogram h = new Histogram(MAX_LATENCY_MICROS, 3);
        histograms.add(h);
        done.add(
            pool.submit(
                () -> {
                  long count = 0;
                  long errors = 0;
                  for (long i = next.getAndIncrement();
                      i < total && System.nanoTime() < hardStop;
                      i = next.getAndIncrement()) {
                    long due = started + (long) (i * intervalNanos);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                      LockSupport.parkNanos(wait);
                    }
                    errors += send(uris.get((int) (i % uris.size())));
                    h.recordValue(
                        Math.min(
                            MAX_LATENCY_MICROS, Math.max(1, (System.nanoTime() - due) / 1000)));
                    count++;
                  }
                  return new long[] {count, errors};
                }));
      }
      return collect(done, histograms, started);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One GET; 1 if it failed or did not answer 200. */
  private long send(URI uri) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200
          ? 0
          : 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (Exception e) {
      return 1;
    }
  }

  /** The status of one GET, or -1 if it could not be sent. */
  int status(String url) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }

  private static Result collect(List<Future<long[]>> done, List<Histogram> histograms, long started)
      throws Exception {
    long requests = 0;
    long errors = 0;
    for (Future<long[]> f : done) {
      long[] r = f.get();
      requests += r[0];
      errors += r[1];
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    Histogram total = new Histogram(MAX_LATENCY_MICROS, 3);
    histograms.forEach(total::add);
    return new Result(total, requests, elapsed, errors);
  }
}
