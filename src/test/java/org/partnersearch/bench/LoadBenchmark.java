package org.partnersearch.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.util.IOUtils;

/**
 * The whole benchmark: for each corpus size, index a synthetic corpus (and a bare Lucene baseline)
 * in a JVM with {@code -Xmx1g}, start the real server on it in a JVM of its own, time its start to
 * the first successful search against a trivial Javalin app's start, then load search, suggest and
 * the trivial {@code /api/ping} of the same server over loopback HTTP: closed loops at 1, 2, 4, 8
 * and 64 clients and an open loop at half the best measured rate. Writes {@code report.md} and
 * {@code benchmark.png} to the output folder. See docs/benchmarks.md.
 *
 * <p>Options: {@code --sizes 13,10000,100000} ({@code --full} adds 1,000,000), {@code --seconds 5}
 * per phase, {@code --warmup 15} per endpoint, then search and suggest until the JIT is quiet for
 * at most {@code --jit-quiet-max 300} s (0: not at all), {@code --seed 42}, {@code --out
 * target/bench}, {@code --server-heap 2g}, {@code --jfr} (a JFR profile of each server into the
 * output folder), {@code --new-user} (as a new user would: the synthetic corpus written as corpus
 * files, indexed with the CLI's {@code index} command and served from those files; bare Lucene
 * indexes the same partners).
 */
public final class LoadBenchmark {
  static final Path REAL_CORPUS = Path.of("corpus");

  /** The real corpus's size: a size of 13 means "the real corpus", not a synthetic one. */
  static final int REAL_CORPUS_SIZE = 13;

  static final int[] CLIENTS = {1, 2, 4, 8, 64};
  private static final int QUERIES = 2000;
  private static final int PREFIXES = 2000;
  private static final long START_TIMEOUT_NANOS = 600_000_000_000L;
  private static final Pattern RESULT = Pattern.compile("RESULT (.*)");

  /** The JIT counts as quiet below this share of one core over a window of this many seconds. */
  private static final double QUIET_JIT_SHARE = 0.02;

  private static final double QUIET_WINDOW_SECONDS = 10;

  /** The index command's summary on stdout: documents, suggester entries, KiB, ms. */
  private static final Pattern CLI_SUMMARY =
      Pattern.compile(
          "indexed (\\d+) documents, \\d+ terms, suggester of (\\d+) entries, ([\\d.]+) KiB in (\\d+) ms");

  /** Its progress summary on stderr (large corpora only): the suggester's seconds. */
  private static final Pattern CLI_SUGGESTER =
      Pattern.compile("entries built in ([\\d.]+) s of it");

  /**
   * The server's log line on opening the index ({@code SnapshotOpener}): the whole open in ms,
   * suggester entries, the suggester's part of the open in ms.
   */
  static final Pattern OPENED =
      Pattern.compile("documents in (\\d+) ms, suggester of (\\d+) entries opened in (\\d+) ms");

  private final Map<String, String> options;
  private final Path out;
  private final LoadClient client = new LoadClient();

  private LoadBenchmark(Map<String, String> options) {
    this.options = options;
    this.out = Path.of(options.getOrDefault("out", "target/bench"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String key = args[i].replaceFirst("^--", "");
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      options.put(key, flag ? "true" : args[++i]);
    }
    new LoadBenchmark(options).run(String.join(" ", args));
  }

  private void run(String args) throws Exception {
    String sizesOption = options.getOrDefault("sizes", "13,10000,100000");
    if (options.containsKey("full")) {
      sizesOption += ",1000000";
    }
    int[] sizes = Arrays.stream(sizesOption.split(",")).mapToInt(Integer::parseInt).toArray();
    long seed = Long.parseLong(options.getOrDefault("seed", "42"));
    Files.createDirectories(out);
    BenchReport report =
        new BenchReport(
            "mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass="
                + getClass().getName()
                + (args.isEmpty() ? "" : " -Dexec.args=\"" + args + "\""));
    SyntheticCorpus synthetic = SyntheticCorpus.fromRealCorpus(REAL_CORPUS, seed);
    long began = System.nanoTime();
    for (int size : sizes) {
      Path work = Files.createTempDirectory("bench-" + size + "-");
      try {
        measure(size, seed, synthetic, work, report);
      } finally {
        IOUtils.rm(work);
      }
      Files.writeString(out.resolve("report.md"), report.markdown());
      log("size %,d done after %.0f s in all", size, (System.nanoTime() - began) / 1e9);
    }
    report.plot(out.resolve("benchmark.png"));
    System.out.println(report.markdown());
    log("report: %s, plot: %s", out.resolve("report.md"), out.resolve("benchmark.png"));
  }

  private void measure(
      int size, long seed, SyntheticCorpus synthetic, Path work, BenchReport report)
      throws Exception {
    Path index = work.resolve("index");
    boolean newUser = options.containsKey("new-user");
    Path corpus = REAL_CORPUS;
    Map<String, String> built = new HashMap<>();
    if (newUser) {
      corpus =
          size == REAL_CORPUS_SIZE
              ? REAL_CORPUS
              : writeCorpus(size, synthetic, work.resolve("corpus"));
      built.putAll(indexWithCli(size, corpus, index, work));
    }
    log(
        "size %,d: indexing (%s) with -Xmx1g",
        size, newUser ? "bare Lucene" : "ours, then bare Lucene");
    try (JvmProcess indexer =
        JvmProcess.start(
            work,
            "index",
            List.of("-Xmx1g"),
            BenchIndex.class.getName(),
            Integer.toString(size),
            Long.toString(seed),
            newUser ? work.resolve("unused").toString() : index.toString(),
            newUser ? BenchIndex.BARE_ONLY : "")) {
      int exit = indexer.waitFor(3 * 3600);
      String output = indexer.output();
      Files.writeString(
          out.resolve("index-" + size + ".log"),
          output,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      if (exit != 0) {
        throw new IllegalStateException("indexing failed (exit " + exit + "):\n" + output);
      }
      result(output).forEach(built::putIfAbsent);
    }
    double trivialStart = trivialStartMillis(work);
    List<String> jvm = new ArrayList<>(List.of("-Xmx" + options.getOrDefault("server-heap", "2g")));
    if (options.containsKey("jfr")) {
      // Deep enough for a search's whole stack under Jetty and Javalin (the default, 64, cuts it).
      jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
      jvm.add(
          "-XX:StartFlightRecording=settings=profile,filename="
              + out.toAbsolutePath().resolve("server-" + size + ".jfr"));
    }
    int port = freePort();
    String origin = "http://127.0.0.1:" + port;
    try (JvmProcess server = JvmProcess.startServer(work, "server", jvm, index, corpus, port)) {
      double firstSearch = untilOk(server, origin + "/api/search?q=Forschung");
      Matcher opened = OPENED.matcher(server.output());
      if (!opened.find()) {
        throw new IllegalStateException(
            "the server did not log opening the index:\n" + server.output());
      }
      log(
          "size %,d: first search after %.0f ms (trivial app: %.0f ms); %s; suggester built in %s s with the index",
          size, firstSearch, trivialStart, opened.group(), built.get("suggesterSeconds"));
      Map<String, List<String>> urls =
          Map.of(
              BenchReport.PING, List.of(origin + "/api/ping"),
              BenchReport.SEARCH,
                  QueryMix.searches(synthetic, size, QUERIES, seed).stream()
                      .map(q -> origin + "/api/search?" + q)
                      .toList(),
              BenchReport.SUGGEST,
                  QueryMix.prefixes(synthetic, PREFIXES, seed).stream()
                      .map(q -> origin + "/api/suggest?" + q)
                      .toList());
      double seconds = Double.parseDouble(options.getOrDefault("seconds", "5"));
      double warmup = Double.parseDouble(options.getOrDefault("warmup", "15"));
      for (String endpoint : List.of(BenchReport.PING, BenchReport.SEARCH, BenchReport.SUGGEST)) {
        client.closedLoop(urls.get(endpoint), 4, warmup);
      }
      report.note(
          String.format(
              Locale.ROOT,
              "%,d partners: %s",
              size,
              warmUntilCompilerQuiet(
                  server, urls, Double.parseDouble(options.getOrDefault("jit-quiet-max", "300")))));
      Map<String, Double> best = new HashMap<>();
      for (int clients : CLIENTS) {
        // Endpoints interleaved at each concurrency, so noise from other processes hits them alike.
        for (String endpoint : List.of(BenchReport.PING, BenchReport.SEARCH, BenchReport.SUGGEST)) {
          BenchReport.Row row =
              phase(server, size, endpoint, false, clients, urls.get(endpoint), seconds, 0);
          report.add(row);
          best.merge(endpoint, row.throughput(), Math::max);
        }
      }
      for (String endpoint : List.of(BenchReport.PING, BenchReport.SEARCH, BenchReport.SUGGEST)) {
        report.add(
            phase(
                server,
                size,
                endpoint,
                true,
                0,
                urls.get(endpoint),
                seconds,
                best.get(endpoint) / 2));
      }
      long[] rss = server.residentKib();
      // The suggester is built with the index (its time is part of the build) and only opened here.
      report.add(
          new BenchReport.Size(
              size,
              seconds(built, "oursSeconds"),
              Long.parseLong(built.get("oursBytes")),
              seconds(built, "bareSeconds"),
              Long.parseLong(built.get("bareBytes")),
              Long.parseLong(built.get("heapMiB")),
              Long.parseLong(opened.group(2)),
              seconds(built, "suggesterSeconds") * 1000,
              Double.parseDouble(opened.group(1)),
              firstSearch,
              trivialStart,
              rss[0],
              rss[1]));
      Files.writeString(out.resolve("server-" + size + ".log"), server.output());
    }
  }

  /**
   * Loads search and suggest at 4 clients in windows of {@value #QUIET_WINDOW_SECONDS} s until the
   * server's JIT compiler threads use less than {@value #QUIET_JIT_SHARE} of one core over a
   * window, for at most {@code maxSeconds}. On the shared 2-core machine C2 needs minutes to
   * compile the search path, and until it has, every phase measures the compiler and C1 code rather
   * than ours (docs/benchmarks.md, "The JIT's long warm-up"). Returns what happened, for the
   * report.
   */
  private String warmUntilCompilerQuiet(
      JvmProcess server, Map<String, List<String>> urls, double maxSeconds) throws Exception {
    long start = System.nanoTime();
    double lastShare = Double.NaN;
    while ((System.nanoTime() - start) / 1e9 < maxSeconds) {
      double jitBefore = ThreadCpu.msByGroup(server.pid()).getOrDefault(ThreadCpu.JIT, 0d);
      long windowStart = System.nanoTime();
      client.closedLoop(urls.get(BenchReport.SEARCH), 4, QUIET_WINDOW_SECONDS / 2);
      client.closedLoop(urls.get(BenchReport.SUGGEST), 4, QUIET_WINDOW_SECONDS / 2);
      double jitMs = ThreadCpu.msByGroup(server.pid()).getOrDefault(ThreadCpu.JIT, 0d) - jitBefore;
      lastShare = jitMs / ((System.nanoTime() - windowStart) / 1e6);
      if (lastShare < QUIET_JIT_SHARE) {
        String quiet =
            String.format(
                Locale.ROOT,
                "the JIT went quiet after %.0f s of extra warm-up (%.1f %% of a core in the last %.0f s)",
                (System.nanoTime() - start) / 1e9,
                lastShare * 100,
                QUIET_WINDOW_SECONDS);
        log("%s", quiet);
        return quiet;
      }
    }
    String busy =
        String.format(
            Locale.ROOT,
            "the JIT was still compiling after %.0f s of extra warm-up (%.1f %% of a core in the last %.0f s)",
            maxSeconds,
            lastShare * 100,
            QUIET_WINDOW_SECONDS);
    log("%s", busy);
    return busy;
  }

  private BenchReport.Row phase(
      JvmProcess server,
      int size,
      String endpoint,
      boolean open,
      int clients,
      List<String> urls,
      double seconds,
      double rate)
      throws Exception {
    int gcFrom = server.gcLogLines();
    double cpu = server.cpuMillis();
    LoadClient.Result r =
        open ? client.openLoop(urls, rate, seconds) : client.closedLoop(urls, clients, seconds);
    double cpuUsed = server.cpuMillis() - cpu;
    JvmProcess.GcPauses gc = server.gcPausesSince(gcFrom);
    log(
        "size %,d %s: %s",
        size,
        open ? "open loop at " + Math.round(rate) + "/s" : clients + " clients",
        r.line(endpoint));
    return new BenchReport.Row(
        size,
        endpoint,
        open,
        clients,
        r.requests(),
        r.seconds(),
        r.errors(),
        r.percentile(50),
        r.percentile(99),
        r.percentile(99.9),
        cpuUsed,
        gc.count(),
        gc.totalMillis());
  }

  /** The synthetic partners as a corpus folder, as an editor would keep them. */
  private Path writeCorpus(int size, SyntheticCorpus synthetic, Path dir) throws Exception {
    long start = System.nanoTime();
    synthetic.writeTo(dir, REAL_CORPUS, size);
    log("size %,d: corpus files written in %.1f s", size, (System.nanoTime() - start) / 1e9);
    return dir;
  }

  /**
   * {@code index --corpus … --index …} in a JVM of its own, as a user runs it: the build figures
   * from its output (the summary on stdout; the suggester's share from the progress line on stderr,
   * which small corpora do not print).
   */
  private Map<String, String> indexWithCli(int size, Path corpus, Path index, Path work)
      throws Exception {
    log("size %,d: index command (CLI) with -Xmx1g", size);
    try (JvmProcess cli =
        JvmProcess.start(
            work,
            "cli-index",
            List.of("-Xmx1g"),
            "org.partnersearch.cli.Main",
            "index",
            "--corpus",
            corpus.toString(),
            "--index",
            index.toString())) {
      int exit = cli.waitFor(3 * 3600);
      double wall = (System.nanoTime() - cli.startedNanos) / 1e9;
      String output = cli.output();
      Files.writeString(out.resolve("index-" + size + ".log"), output);
      Matcher summary = CLI_SUMMARY.matcher(output);
      if (exit != 0 || !summary.find()) {
        throw new IllegalStateException("index command failed (exit " + exit + "):\n" + output);
      }
      Matcher suggester = CLI_SUGGESTER.matcher(output);
      log("size %,d: index command done in %.1f s wall clock: %s", size, wall, summary.group());
      return Map.of(
          "docs",
          summary.group(1),
          "suggesterEntries",
          summary.group(2),
          "oursBytes",
          Long.toString(Math.round(Double.parseDouble(summary.group(3)) * 1024)),
          "oursSeconds",
          Double.toString(Long.parseLong(summary.group(4)) / 1000.0),
          "suggesterSeconds",
          suggester.find() ? suggester.group(1) : "0",
          "heapMiB",
          "0");
    }
  }

  /** Time from starting the trivial app's JVM to its first 200, in ms. */
  private double trivialStartMillis(Path work) throws Exception {
    int port = freePort();
    try (JvmProcess trivial =
        JvmProcess.start(
            work,
            "trivial",
            List.of("-Xmx256m"),
            TrivialApp.class.getName(),
            Integer.toString(port))) {
      return untilOk(trivial, "http://127.0.0.1:" + port + "/api/ping");
    }
  }

  /** Polls {@code url} until it answers 200; the ms since the process started. */
  private double untilOk(JvmProcess process, String url) throws Exception {
    while (System.nanoTime() - process.startedNanos < START_TIMEOUT_NANOS) {
      if (client.status(url) == 200) {
        return (System.nanoTime() - process.startedNanos) / 1e6;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the process ended before answering:\n" + process.output());
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException(url + " did not answer 200 in time:\n" + process.output());
  }

  private static Map<String, String> result(String output) {
    Matcher m = RESULT.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("no RESULT line in:\n" + output);
    }
    Map<String, String> values = new HashMap<>();
    for (String pair : m.group(1).trim().split(" ")) {
      String[] kv = pair.split("=", 2);
      values.put(kv[0], kv[1]);
    }
    return values;
  }

  private static double seconds(Map<String, String> values, String key) {
    return Double.parseDouble(values.get(key));
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
  }
}
