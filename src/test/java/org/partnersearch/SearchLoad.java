package org.partnersearch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Visitors searching in a loop while a test does something else (a reindex): each client cycles
 * through the queries from its own offset, at least one round each, and every answer that is wrong
 * or fails becomes a problem. The reliability and admin API tests share it.
 */
public final class SearchLoad {
  /**
   * One search and its check: a description of what is wrong with the answer, or null when it is
   * right.
   */
  @FunctionalInterface
  public interface Search {
    String problem(String query) throws Exception;
  }

  /** Something the searches run during, such as three reindexes. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger whileBusy = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
  private final ExecutorService pool;
  private final List<Future<?>> running = new ArrayList<>();

  private SearchLoad(int clients) {
    pool = Executors.newFixedThreadPool(clients);
  }

  /** Starts {@code clients} threads that search until {@link #stop()}. */
  public static SearchLoad start(int clients, List<String> queries, Search search) {
    SearchLoad load = new SearchLoad(clients);
    for (int c = 0; c < clients; c++) {
      int offset = c;
      load.running.add(
          load.pool.submit(
              () -> {
                for (int i = offset; !load.stop.get() || i < offset + queries.size(); i++) {
                  String q = queries.get(i % queries.size());
                  try {
                    String problem = search.problem(q);
                    load.requests.incrementAndGet();
                    if (load.busy.get()) {
                      load.whileBusy.incrementAndGet();
                    }
                    if (problem != null) {
                      load.problems.add(q + ": " + problem);
                    }
                  } catch (Exception e) {
                    load.problems.add(q + ": " + e);
                  }
                }
              }));
    }
    return load;
  }

  /** Waits until at least {@code count} searches have been answered, e.g. one per client. */
  public void awaitRequests(int count) throws InterruptedException {
    while (requests.get() < count) {
      Thread.sleep(10);
    }
  }

  /**
   * Runs {@code action} while the clients search, counting the searches answered meanwhile. The
   * clients are stopped if it fails, so they do not loop on at full speed against a closed server.
   */
  public void during(Action action) throws Exception {
    busy.set(true);
    try {
      action.run();
    } catch (Exception | Error e) {
      stop.set(true);
      pool.shutdown();
      throw e;
    } finally {
      busy.set(false);
    }
  }

  /** How many searches have been answered so far. */
  public int requests() {
    return requests.get();
  }

  /** How many searches were answered while {@link #during} ran. */
  public int searchesDuring() {
    return whileBusy.get();
  }

  /** Stops the clients, waits for each to finish its round, and returns every problem seen. */
  public List<String> stop() throws Exception {
    stop.set(true);
    pool.shutdown();
    for (Future<?> f : running) {
      f.get(60, TimeUnit.SECONDS);
    }
    return new ArrayList<>(problems);
  }
}
