package org.partnersearch.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.util.IOUtils;
import org.partnersearch.PartnerSearch;

/**
 * Where the server's CPU goes per request over HTTP, thread group by thread group (request threads,
 * JIT compilers, garbage collectors, the rest), read from {@code /proc}: the gap between a search's
 * CPU in process ({@link SearchProfile}) and over HTTP ({@link LoadBenchmark}), which counts every
 * thread of the server's process.
 *
 * <p>Arguments: {@code endpoint clients warmupSeconds seconds [jvm options...]}; endpoint {@code
 * search} (the benchmark's query mix on the real corpus) or {@code ping}. Prints the load average
 * beside the figures: the machine may be shared.
 */
public final class ServerCpuProfile {
  private ServerCpuProfile() {}

  public static void main(String[] args) throws Exception {
    String endpoint = args[0];
    int clients = Integer.parseInt(args[1]);
    double warmup = Double.parseDouble(args[2]);
    double seconds = Double.parseDouble(args[3]);
    List<String> jvm = new ArrayList<>(List.of(args).subList(4, args.length));
    if (jvm.stream().noneMatch(o -> o.startsWith("-Xmx"))) {
      jvm.add("-Xmx2g");
    }
    Path work = Files.createTempDirectory("server-cpu");
    Path index = work.resolve("index");
    try (PartnerSearch app = new PartnerSearch()) {
      app.index(LoadBenchmark.REAL_CORPUS, index);
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String origin = "http://127.0.0.1:" + port;
    LoadClient client = new LoadClient();
    try (JvmProcess server =
        JvmProcess.startServer(work, "server", jvm, index, LoadBenchmark.REAL_CORPUS, port)) {
      while (client.status(origin + "/api/ping") != 200) {
        if (!server.isAlive()) {
          throw new IllegalStateException(server.output());
        }
        Thread.sleep(20);
      }
      List<String> urls =
          endpoint.equals("ping")
              ? List.of(origin + "/api/ping")
              : QueryMix.searches(
                      SyntheticCorpus.fromRealCorpus(LoadBenchmark.REAL_CORPUS, 42),
                      LoadBenchmark.REAL_CORPUS_SIZE,
                      2000,
                      42)
                  .stream()
                  .map(q -> origin + "/api/search?" + q)
                  .toList();
      client.closedLoop(urls, clients, warmup);
      Map<String, Double> before = ThreadCpu.msByGroup(server.pid());
      int gcFrom = server.gcLogLines();
      LoadClient.Result r = client.closedLoop(urls, clients, seconds);
      Map<String, Double> after = ThreadCpu.msByGroup(server.pid());
      JvmProcess.GcPauses gc = server.gcPausesSince(gcFrom);
      System.out.println(r.line(endpoint));
      double total = 0;
      for (Map.Entry<String, Double> e : after.entrySet()) {
        double ms = e.getValue() - before.getOrDefault(e.getKey(), 0d);
        total += ms;
        System.out.printf(
            Locale.ROOT, "  %-10s %7.3f ms per request%n", e.getKey(), ms / r.requests());
      }
      System.out.printf(
          Locale.ROOT,
          "server CPU %.3f ms per request; GC pauses %d (%.0f ms); load average %s%n",
          total / r.requests(),
          gc.count(),
          gc.totalMillis(),
          Files.readString(Path.of("/proc/loadavg")).trim());
    } finally {
      IOUtils.rm(work);
    }
  }
}
