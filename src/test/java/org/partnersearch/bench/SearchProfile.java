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
import org.partnersearch.search.SearchResponse;
import org.partnersearch.serving.LiveIndex;
import org.partnersearch.suggest.SuggestRequest;

/**
 * The benchmark's query mix in process, without HTTP, one thread: run it under JFR ({@code
 * -XX:StartFlightRecording}) to see where a search or a suggest spends its time.
 *
 * <p>Arguments: {@code size seconds [search|suggest] [indexDir]} (size 13: the real corpus).
 * Prints, besides the wall-clock ms per request, the thread's CPU ms per request over the second
 * half of the run (after the JIT's warm-up: the mix from its start, whatever that takes; with
 * {@code -Dprofile.queries=N} its first N): a figure that a busy machine changes far less than the
 * wall clock. With {@code indexDir} an index already there (from {@link BenchIndex} with seed 42)
 * is searched as it is, else it is built there and kept: a 1,000,000 build takes minutes.
 */
public final class SearchProfile {
  private SearchProfile() {}

  /**
   * The search the benchmark's HTTP client would send for {@code query} ({@code q=…[&type=…]
   * [&area=…][&lang=de]}): its filters and language matter, filtered searches take other paths.
   */
  static SearchRequest request(String query) {
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

  /** The CPU one request of the mix took, by its place in the mix. */
  private record Cost(int query, long cpuNanos) {}

  /**
   * What forms the tail: CPU p50 and p99 over the second half, the mean and p99 by kind of query
   * (the mix's kinds come in turn), and the ten dearest requests.
   */
  private static void printTail(List<Cost> costs, List<String> queries) {
    if (costs.isEmpty()) {
      return;
    }
    long[] all = costs.stream().mapToLong(Cost::cpuNanos).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "CPU p50 %.3f ms, p99 %.3f ms, p99/p50 %.1f%n",
        all[all.length / 2] / 1e6,
        all[all.length * 99 / 100] / 1e6,
        (double) all[all.length * 99 / 100] / Math.max(1, all[all.length / 2]));
    QueryMix.Kind[] kinds = QueryMix.Kind.values();
    for (QueryMix.Kind kind : kinds) {
      long[] of =
          costs.stream()
              .filter(c -> c.query() % kinds.length == kind.ordinal())
              .mapToLong(Cost::cpuNanos)
              .sorted()
              .toArray();
      if (of.length > 0) {
        System.out.printf(
            Locale.ROOT,
            "  %-14s mean %.3f ms, p50 %.3f, p99 %.3f (%d)%n",
            kind,
            java.util.Arrays.stream(of).average().orElse(0) / 1e6,
            of[of.length / 2] / 1e6,
            of[of.length * 99 / 100] / 1e6,
            of.length);
      }
    }
    costs.stream()
        .sorted(java.util.Comparator.comparingLong(Cost::cpuNanos).reversed())
        .map(Cost::query)
        .distinct()
        .limit(10)
        .forEach(
            q ->
                System.out.printf(
                    Locale.ROOT,
                    "  dear: %s%n",
                    URLDecoder.decode(queries.get(q), StandardCharsets.UTF_8)));
  }

  /**
   * Writes each query's answer (total, hits with scores, facet counts, did-you-mean, relaxation)
   * one line a query, to compare two versions' answers over the whole mix with {@code diff}.
   */
  private static void dumpAnswers(PartnerSearcher searcher, List<String> queries, Path file)
      throws java.io.IOException {
    List<String> lines = new ArrayList<>();
    for (String query : queries) {
      SearchResponse r = searcher.search(request(query));
      StringBuilder line = new StringBuilder(query).append('\t').append(r.total());
      r.hits().forEach(h -> line.append(' ').append(h.id()).append('=').append(h.score()));
      line.append('\t').append(r.facets()).append('\t').append(r.didYouMean());
      line.append('\t').append(r.relaxation()).append('\t').append(r.partial());
      lines.add(line.toString());
    }
    Files.write(file, lines);
    System.out.println("answers written to " + file);
  }

  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(args[0]);
    double seconds = Double.parseDouble(args[1]);
    boolean suggest = args.length > 2 && args[2].equals("suggest");
    boolean kept = args.length > 3;
    Path dir = kept ? Path.of(args[3]) : Files.createTempDirectory("profile");
    boolean built = kept && Files.isDirectory(dir) && Files.list(dir).findAny().isPresent();
    try (PartnerSearch app = new PartnerSearch()) {
      SyntheticCorpus corpus = SyntheticCorpus.fromRealCorpus(LoadBenchmark.REAL_CORPUS, 42);
      if (built) {
        System.out.println("searching the index already in " + dir);
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
        List<Cost> costs = new ArrayList<>();
        // The measured half is the mix from its start (or its first profile.queries), whatever it
        // takes on a busy machine, so that two runs compare the same queries.
        int measured = Math.min(queries.size(), Integer.getInteger("profile.queries", 1 << 30));
        while (cpuFrom < 0 || n - fromRequest < measured) {
          String query = queries.get(cpuFrom < 0 ? n % queries.size() : n - fromRequest);
          long cpuBefore = cpuFrom >= 0 ? threads.getCurrentThreadCpuTime() : 0;
          if (suggest) {
            searcher.suggest(SuggestRequest.of(parameter(query, "q").get(0)));
          } else {
            searcher.search(request(query));
          }
          if (cpuFrom >= 0) {
            costs.add(new Cost(n - fromRequest, threads.getCurrentThreadCpuTime() - cpuBefore));
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
          if (!suggest) {
            printTail(costs, queries);
          }
        }
        String dump = System.getProperty("profile.dump");
        if (dump != null && !suggest) {
          // A budget no search reaches on a busy machine: a cut-short answer differs by chance.
          dumpAnswers(
              app.searcher(index, java.time.Duration.ofMinutes(1)),
              queries.subList(0, measured),
              Path.of(dump));
        }
      }
    } finally {
      if (!kept) {
        IOUtils.rm(dir);
      }
    }
  }
}
