package org.partnersearch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.PartnerSearch;
import org.partnersearch.corpus.Lang;
import org.partnersearch.index.BuildProgress;
import org.partnersearch.search.PartnerSearcher;
import org.partnersearch.search.SearchRequest;
import org.partnersearch.serving.LiveIndex;
import org.partnersearch.suggest.SuggestRequest;

/**
 * The benchmark's query mix in process, without HTTP, one thread: run it under JFR ({@code
 * -XX:StartFlightRecording}) to see where a search or a suggest spends its time.
 *
 * <p>Arguments: {@code size seconds [search|suggest] [dir]} (size 13: the real corpus); with {@code
 * dir}, the index is built there if it does not exist and kept, so that runs of a changed query
 * path compare on the same index. Prints, besides the wall-clock ms per request, the thread's CPU
 * ms per request over the second half of the run (after the JIT's warm-up): a figure that a busy
 * machine changes far less than the wall clock.
 */
public final class SearchProfile {
  private SearchProfile() {}

  /**
   * The search the benchmark's HTTP client would send for {@code query} ({@code q=…[&type=…]
   * [&area=…][&lang=de]}): its filters and language matter, filtered searches take other paths.
   */
  private static SearchRequest request(String query) {
    List<String> lang = parameter(query, "lang");
    return new SearchRequest(
        parameter(query, "q").get(0),
        1,
        SearchRequest.DEFAULT_SIZE,
        parameter(query, "area"),
        parameter(query, "type"),
        parameter(query, "city"),
        lang.isEmpty() ? Lang.EN : Lang.parse(lang.get(0)),
        false);
  }

  private static List<String> parameter(String query, String name) {
    List<String> values = new ArrayList<>();
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        values.add(URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static long allocatedBytes(ThreadMXBean threads) {
    return ((com.sun.management.ThreadMXBean) threads).getCurrentThreadAllocatedBytes();
  }

  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(args[0]);
    double seconds = Double.parseDouble(args[1]);
    boolean suggest = args.length > 2 && args[2].equals("suggest");
    boolean kept = args.length > 3;
    Path dir = kept ? Path.of(args[3]) : Files.createTempDirectory("profile");
    try (PartnerSearch app = new PartnerSearch()) {
      SyntheticCorpus corpus = SyntheticCorpus.fromRealCorpus(LoadBenchmark.REAL_CORPUS, 42);
      if (kept && Files.isDirectory(dir)) {
        System.out.println("reusing the index in " + dir);
      } else if (size == LoadBenchmark.REAL_CORPUS_SIZE) {
        app.index(LoadBenchmark.REAL_CORPUS, dir);
      } else {
        app.index(
            corpus.vocabulary(), corpus.partners(size), size, dir, BuildProgress.to(System.out));
      }
      long t0 = System.nanoTime();
      try (LiveIndex index = app.openIndex(dir)) {
        System.out.printf("opened in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        PartnerSearcher searcher = app.searcher(index);
        List<String> queries =
            suggest
                ? QueryMix.prefixes(corpus, 2000, 42)
                : QueryMix.searches(corpus, size, 2000, 42);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int n = 0;
        long start = System.nanoTime();
        // The first seconds are mostly JIT warm-up: ms per request in each second show when it
        // settles.
        StringBuilder perSecond = new StringBuilder();
        long windowStart = start;
        int inWindow = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long halfway = start + (long) (seconds * 1e9 / 2);
        long cpuFrom = -1;
        long allocatedFrom = -1;
        int fromRequest = 0;
        while (System.nanoTime() < end && n < 1_000_000) {
          String query = queries.get(n % queries.size());
          if (suggest) {
            searcher.suggest(SuggestRequest.of(parameter(query, "q").get(0)));
          } else {
            searcher.search(request(query));
          }
          n++;
          inWindow++;
          long now = System.nanoTime();
          if (cpuFrom < 0 && now >= halfway) {
            cpuFrom = threads.getCurrentThreadCpuTime();
            allocatedFrom = allocatedBytes(threads);
            fromRequest = n;
          }
          if (now - windowStart >= 1_000_000_000L) {
            perSecond.append(
                String.format(Locale.ROOT, " %.2f", (now - windowStart) / 1e6 / inWindow));
            windowStart = now;
            inWindow = 0;
          }
        }
        System.out.printf(
            "%d requests, %.2f ms each; ms each, second by second:%s%n",
            n, (System.nanoTime() - start) / 1e6 / n, perSecond);
        if (cpuFrom >= 0 && n > fromRequest) {
          System.out.printf(
              Locale.ROOT,
              "CPU %.3f ms per request over the second half (%d requests)%n",
              (threads.getCurrentThreadCpuTime() - cpuFrom) / 1e6 / (n - fromRequest),
              n - fromRequest);
          System.out.printf(
              Locale.ROOT,
              "allocated %.0f KB per request over the second half%n",
              (allocatedBytes(threads) - allocatedFrom) / 1024.0 / (n - fromRequest));
        }
      }
    } finally {
      if (!kept) {
        IOUtils.rm(dir);
      }
    }
  }
}
