package org.partnersearch.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.partnersearch.PartnerSearch;
import org.partnersearch.corpus.CorpusException;
import org.partnersearch.index.BuildReport;
import org.partnersearch.ops.BuildLog;
import org.partnersearch.ops.Metrics;
import org.partnersearch.serving.LiveIndex;
import org.partnersearch.web.Reindexing;

/**
 * Rebuilds the index from the corpus while the server answers from the current generation, then
 * switches the server to the new one. One reindex at a time: a second one while the first runs is
 * refused, not queued, so a burst of requests cannot pile up builds.
 */
public final class Reindexer implements Reindexing {
  /** How the build log names this way of starting a build. */
  private static final String TRIGGER = "admin-reindex";

  private final PartnerSearch app;
  private final Path corpusDir;
  private final Path indexDir;
  private final LiveIndex live;
  private final ReentrantLock running = new ReentrantLock();
  private final Optional<Metrics> metrics;

  public Reindexer(PartnerSearch app, Path corpusDir, Path indexDir, LiveIndex live) {
    this(app, corpusDir, indexDir, live, Optional.empty());
  }

  /** Also counts and times every run in {@code metrics} ({@code partnersearch_reindex_seconds}). */
  public Reindexer(
      PartnerSearch app, Path corpusDir, Path indexDir, LiveIndex live, Optional<Metrics> metrics) {
    this.app = app;
    this.corpusDir = corpusDir;
    this.indexDir = indexDir;
    this.live = live;
    this.metrics = metrics;
  }

  @Override
  public BuildReport reindex() throws AlreadyRunningException, CorpusException, IOException {
    if (!running.tryLock()) {
      metrics.ifPresent(m -> m.reindexed(Duration.ZERO, "busy"));
      throw new AlreadyRunningException();
    }
    long start = System.nanoTime();
    String outcome = "failed";
    try {
      BuildReport report = app.index(corpusDir, indexDir);
      live.maybeRefreshBlocking();
      outcome = "published";
      BuildLog.built(TRIGGER, report);
      return report;
    } catch (CorpusException e) {
      outcome = "rejected";
      BuildLog.rejected(TRIGGER, e);
      throw e;
    } finally {
      running.unlock();
      String o = outcome;
      metrics.ifPresent(m -> m.reindexed(Duration.ofNanos(System.nanoTime() - start), o));
    }
  }

  public boolean isRunning() {
    return running.isLocked();
  }
}
