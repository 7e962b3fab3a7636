package org.partnersearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.partnersearch.corpus.Partner;

/**
 * Turns partners into documents on a pool of threads and hands them back in corpus order, so that
 * one thread adds them to the index writer and every document keeps its corpus ordinal as its docID
 * (score ties and the suggester's first spellings rely on that order). The pool does what costs
 * most, analysis; the writer thread only inverts the tokens. With no threads, documents are made on
 * the caller's thread.
 */
final class DocumentPipeline {
  /** Partners per task: large enough that handing over costs nothing, small enough to balance. */
  private static final int BATCH = 64;

  /** Batches in flight per thread: bounds the memory of documents made ahead of the writer. */
  private static final int AHEAD_PER_THREAD = 4;

  /** What the writer thread does with each partner and its document, in corpus order. */
  interface Sink {
    void accept(Partner partner, Document document) throws IOException;
  }

  private final int threads;

  /**
   * @param threads how many threads make documents; 0 makes them on the caller's thread
   */
  DocumentPipeline(int threads) {
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0: " + threads);
    }
    this.threads = threads;
  }

  /** Makes a document of each partner with {@code document} and gives both to {@code sink}. */
  void run(Iterable<Partner> partners, Function<Partner, Document> document, Sink sink)
      throws IOException {
    if (threads == 0) {
      for (Partner partner : partners) {
        sink.accept(partner, document.apply(partner));
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    try {
      Deque<Batch> ahead = new ArrayDeque<>();
      List<Partner> batch = new ArrayList<>(BATCH);
      for (Partner partner : partners) {
        batch.add(partner);
        if (batch.size() == BATCH) {
          ahead.add(submit(pool, batch, document));
          batch = new ArrayList<>(BATCH);
          if (ahead.size() >= threads * AHEAD_PER_THREAD) {
            ahead.removeFirst().drainTo(sink);
          }
        }
      }
      if (!batch.isEmpty()) {
        ahead.add(submit(pool, batch, document));
      }
      while (!ahead.isEmpty()) {
        ahead.removeFirst().drainTo(sink);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Batch submit(
      ExecutorService pool, List<Partner> partners, Function<Partner, Document> document) {
    return new Batch(partners, pool.submit(() -> partners.stream().map(document).toList()));
  }

  private record Batch(List<Partner> partners, Future<List<Document>> documents) {
    void drainTo(Sink sink) throws IOException {
      List<Document> made = await(documents);
      for (int i = 0; i < partners.size(); i++) {
        sink.accept(partners.get(i), made.get(i));
      }
    }
  }

  /**
   * The batch's documents, or what went wrong making them, as the caller's thread would throw it.
   */
  private static List<Document> await(Future<List<Document>> documents) throws IOException {
    try {
      return documents.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while documents were analysed", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "index-analysis-" + n.incrementAndGet());
      // A build that fails on the writer thread must not leave the JVM waiting for its pool.
      thread.setDaemon(true);
      return thread;
    };
  }
}
