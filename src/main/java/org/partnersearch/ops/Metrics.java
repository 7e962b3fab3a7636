package org.partnersearch.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.jetty12.server.TimedHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.partnersearch.serving.IndexStatus;

/**
 * The service's meters in one Micrometer registry, scraped as Prometheus text at {@code /metrics}.
 * Meter names are dotted here; Prometheus sees them with underscores and unit suffixes ({@code
 * partnersearch.rate.limited} → {@code partnersearch_rate_limited_total}).
 */
public final class Metrics implements AutoCloseable {
  /**
   * Latency buckets for the histograms: enough to read p50/p95/p99 of a service answering in
   * milliseconds.
   */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(10)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Timer search;
  private final Timer suggest;
  private final Counter zeroHits;
  private final Counter relaxed;
  private final Counter rateLimited;

  /**
   * Each request's timer, found by its labels: registering it again per request (a builder, sorted
   * tags and the registry's lookup) was about 1 % of a search's CPU over HTTP (JFR).
   */
  private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();

  public Metrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    search =
        histogram("partnersearch.search", "Searches answered by /api/search").register(registry);
    suggest =
        histogram("partnersearch.suggest", "Suggestions answered by /api/suggest")
            .register(registry);
    zeroHits =
        Counter.builder("partnersearch.search.zero.hits")
            .description("Searches that found nothing, even with relaxed matching")
            .register(registry);
    relaxed =
        Counter.builder("partnersearch.search.relaxed")
            .description("Searches answered with partial (relaxed) matches only")
            .register(registry);
    rateLimited =
        Counter.builder("partnersearch.rate.limited")
            .description("Requests refused by the per-client rate limit")
            .register(registry);
  }

  private static Timer.Builder histogram(String name, String description) {
    return Timer.builder(name).description(description).serviceLevelObjectives(BUCKETS);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /**
   * For the web layer: one request, by its route template (never the raw path, which has ids and
   * typos).
   */
  public void request(String method, String route, int status, long nanos) {
    requestTimers
        .computeIfAbsent(new RequestKey(method, route, status), this::requestTimer)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * The labels of one request series. As bounded as the registry's own series: known methods, route
   * templates and statuses only.
   */
  private record RequestKey(String method, String route, int status) {}

  private Timer requestTimer(RequestKey key) {
    return histogram("partnersearch.http.requests", "HTTP requests by route and status")
        .tags(
            "method", key.method(), "route", key.route(), "status", Integer.toString(key.status()))
        .register(registry);
  }

  public void searched(long nanos, long total, boolean wasRelaxed) {
    search.record(nanos, TimeUnit.NANOSECONDS);
    if (total == 0) {
      zeroHits.increment();
    } else if (wasRelaxed) {
      relaxed.increment();
    }
  }

  public void suggested(long nanos) {
    suggest.record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * {@code partnersearch_rate_limited_total}: the rate limiter increments it once per refused
   * request.
   */
  public Counter rateLimited() {
    return rateLimited;
  }

  /**
   * One reindex through the admin API, by outcome ({@code published}, {@code rejected}, {@code
   * failed}).
   */
  public void reindexed(Duration took, String outcome) {
    Timer.builder("partnersearch.reindex")
        .description("Reindex runs started by the admin API")
        .tag("outcome", outcome)
        .register(registry)
        .record(took);
  }

  /**
   * Gauges of the served index, read at every scrape; the supplier must be cheap and never block.
   */
  public void watchIndex(Supplier<IndexStatus> status, Supplier<Long> bytes) {
    Gauge.builder("partnersearch.index.generation", () -> status.get().generation())
        .description("Number of the served index generation")
        .register(registry);
    Gauge.builder("partnersearch.index.documents", () -> status.get().documents())
        .description("Partners in the served index")
        .register(registry);
    Gauge.builder("partnersearch.index.size", bytes::get)
        .baseUnit("bytes")
        .description("Size on disk of the served index generation")
        .register(registry);
    Gauge.builder("partnersearch.index.degraded", () -> status.get().degraded() ? 1 : 0)
        .description(
            "1 while an older generation is served because the published one does not open")
        .register(registry);
  }

  /**
   * The handler that times every request Jetty sees ({@code jetty_server_requests_seconds}). It is
   * also what makes shutdown graceful: on stop, Jetty waits for the requests it has in flight.
   */
  public TimedHandler timedHandler() {
    return new TimedHandler(registry, Tags.empty());
  }

  /** Jetty's thread pool and connections; once the server has its connectors, i.e. after start. */
  public void bindJetty(Server server) {
    new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(registry);
    JettyConnectionMetrics.addToAllConnectors(server, registry);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
