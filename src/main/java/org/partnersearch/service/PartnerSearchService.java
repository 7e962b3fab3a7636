package org.partnersearch.service;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.partnersearch.PartnerSearch;
import org.partnersearch.analytics.SearchAnalytics;
import org.partnersearch.config.ServiceConfig;
import org.partnersearch.corpus.CorpusException;
import org.partnersearch.index.IndexSchema;
import org.partnersearch.ops.BuildLog;
import org.partnersearch.ops.Metrics;
import org.partnersearch.ops.Readiness;
import org.partnersearch.search.PartnerSearcher;
import org.partnersearch.serving.LiveIndex;
import org.partnersearch.web.ApiServer;
import org.partnersearch.web.OpsRoutes;
import org.partnersearch.web.Reindexing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving process, in the order it runs: {@link #listen()} opens the port ({@code /livez} up,
 * {@code /readyz} 503), {@link #prepare()} builds the index if there is none (or rebuilds one that
 * an older version built, which this one cannot read), opens and warms it up and turns ready,
 * {@link #stop()} (on SIGTERM) turns not-ready, keeps serving for the drain delay, closes the port,
 * lets in-flight requests finish within the configured time, saves the analytics and closes the
 * index.
 */
public final class PartnerSearchService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PartnerSearchService.class);

  /** How often the search analytics are written to their file (and once more on stop). */
  private static final long ANALYTICS_SAVE_SECONDS = 60;

  private final ServiceConfig config;
  private final Metrics metrics = new Metrics();
  private final Readiness readiness = new Readiness();
  private final SearchAnalytics analytics;
  private final ScheduledExecutorService background =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "background");
            t.setDaemon(true);
            return t;
          });
  private final CountDownLatch stopped = new CountDownLatch(1);
  private Javalin server;
  private PartnerSearch app;
  private LiveIndex live;
  private boolean stopping;

  public ServiceConfig config() {
    return config;
  }

  /** Set once the index is open; admin reindex requests before that get 503. */
  private volatile Reindexer reindexer;

  public PartnerSearchService(ServiceConfig config) {
    this.config = config;
    this.analytics =
        SearchAnalytics.persistent(
            config.analyticsFile(), Clock.systemUTC(), config.analyticsDays());
  }

  /** The metrics, e.g. for the rate limiter's {@link Metrics#rateLimited()} counter. */
  public Metrics metrics() {
    return metrics;
  }

  /** Starts HTTP; every API request answers 503 until {@link #prepare()} is done. */
  public synchronized PartnerSearchService listen() {
    OpsRoutes ops = new OpsRoutes(metrics, readiness, analytics, OpsRoutes.Settings.of(config));
    // A replica never builds: the index command publishes into the shared folder, so no reindex
    // route.
    Supplier<Reindexing> reindexing = config.replica() ? null : () -> reindexer;
    // Until prepare() is done the readiness answers every API request with 503.
    server =
        new ApiServer(config.web(), ops, readiness::searcher, reindexing)
            .create()
            .start(config.host(), config.port());
    metrics.bindJetty(server.jettyServer().server());
    LOG.info(
        "partner-search listening on http://{}:{}/ ({})", config.host(), server.port(), config);
    return this;
  }

  public int port() {
    return server.port();
  }

  /**
   * Builds the index if there is none or it has an older schema (a replica waits for the indexer to
   * publish one instead), opens and warms it up, then reports ready.
   */
  public void prepare() throws CorpusException, IOException {
    PartnerSearch parts = new PartnerSearch();
    Optional<String> outdated = parts.outdatedSchema(config.indexDir());
    if (config.replica()) {
      awaitPublished(parts);
    } else if (!parts.hasIndex(config.indexDir())) {
      LOG.info("no index in {}: building it from {}", config.indexDir(), config.corpusDir());
      build(parts, "first-start");
    } else if (outdated.isPresent()) {
      LOG.warn(
          "the index in {} was built with schema version {}, this version reads {}: rebuilding it from {}",
          config.indexDir(),
          outdated.get(),
          IndexSchema.SCHEMA_VERSION,
          config.corpusDir());
      build(parts, "schema-change");
    }
    LiveIndex index = parts.openIndex(config.indexDir());
    PartnerSearcher searcher = parts.searcher(index);
    searcher.warmUp();
    reindexer =
        config.replica()
            ? null
            : new Reindexer(
                parts, config.corpusDir(), config.indexDir(), index, Optional.of(metrics));
    synchronized (this) {
      app = parts;
      live = index;
      if (stopping) {
        closeIndex();
        return;
      }
      long refresh = config.refreshInterval().toSeconds();
      background.scheduleWithFixedDelay(this::refresh, refresh, refresh, TimeUnit.SECONDS);
      background.scheduleWithFixedDelay(
          this::saveAnalytics, ANALYTICS_SAVE_SECONDS, ANALYTICS_SAVE_SECONDS, TimeUnit.SECONDS);
      metrics.watchIndex(searcher::status, () -> sizeOnDisk(index));
      readiness.ready(searcher);
    }
    LOG.info(
        "ready: serving {} partners from index generation {}",
        searcher.status().documents(),
        searcher.status().generation());
  }

  /** Builds from the configured corpus and logs the build, or its refusal, as {@code why}. */
  private void build(PartnerSearch parts, String why) throws CorpusException, IOException {
    try {
      BuildLog.built(why, parts.index(config.corpusDir(), config.indexDir()));
    } catch (CorpusException e) {
      BuildLog.rejected(why, e);
      throw e;
    }
  }

  /**
   * {@link #listen()} and {@link #prepare()} at once: the index opens and warms up in a thread of
   * its own while Jetty starts. Both are mostly class loading (about 7,800 classes, measured with
   * {@code -Xlog:class+load}), so on two cores the first search comes about a second sooner.
   */
  public void start() throws CorpusException, IOException {
    FutureTask<Void> preparing =
        new FutureTask<>(
            () -> {
              prepare();
              return null;
            });
    new Thread(preparing, "prepare").start();
    try {
      listen();
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    try {
      preparing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while opening the index", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CorpusException c) {
        throw c;
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  /**
   * A replica only reads: it stays not-ready until the indexer has published a generation this
   * version can open (on a new shared volume, or after an upgrade that changed the schema).
   */
  private void awaitPublished(PartnerSearch parts) throws IOException {
    boolean logged = false;
    while (!parts.hasIndex(config.indexDir())
        || parts.outdatedSchema(config.indexDir()).isPresent()) {
      if (!logged) {
        LOG.info(
            "replica: waiting for the index command to publish a generation of schema {} in {}",
            IndexSchema.SCHEMA_VERSION,
            config.indexDir());
        logged = true;
      }
      try {
        Thread.sleep(config.refreshInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for a published index generation", e);
      }
      synchronized (this) {
        if (stopping) {
          throw new IOException("stopped while waiting for a published index generation");
        }
      }
    }
  }

  /** Blocks until {@link #stop()} has finished. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Graceful and idempotent: no longer ready, in-flight requests finish (bounded), then everything
   * closes.
   */
  public void stop() {
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
    }
    readiness.stopping();
    drain();
    LOG.info("stopping: letting requests in flight finish (at most {})", config.shutdownTimeout());
    if (server != null) {
      server.stop(); // Jetty stops accepting, waits for in-flight requests up to the stop timeout
    }
    background.shutdownNow();
    saveAnalytics();
    synchronized (this) {
      closeIndex();
    }
    metrics.close();
    LOG.info("stopped");
    stopped.countDown();
  }

  /**
   * Keeps the port open while {@code /readyz} answers 503 STOPPING: a load balancer only stops
   * routing to an instance once its probe has seen that, and requests that still arrive are served.
   */
  private void drain() {
    if (server == null || config.drainDelay().isZero()) {
      return;
    }
    LOG.info(
        "stopping: /readyz answers 503 STOPPING for {} while requests are still served",
        config.drainDelay());
    try {
      Thread.sleep(config.drainDelay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stop draining, go on closing
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void closeIndex() {
    try {
      if (live != null) {
        live.close();
      }
    } catch (IOException e) {
      LOG.error("could not close the index cleanly", e);
    }
    if (app != null) {
      app.close();
    }
  }

  private void refresh() {
    try {
      live.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      LOG.error("could not switch to the newest index generation", e);
    }
  }

  private void saveAnalytics() {
    try {
      analytics.save();
    } catch (IOException | RuntimeException e) {
      LOG.error("could not save search analytics to {}", config.analyticsFile(), e);
    }
  }

  private static long sizeOnDisk(LiveIndex index) {
    Optional<Path> current = index.generations().current();
    if (current.isEmpty()) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(current.get())) { // the suggester is in a sub-folder
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      return -1; // NOTE: a generation removed between listing and reading; the next scrape is right
      // again
    }
  }
}
